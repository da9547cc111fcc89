import type { Metadata } from 'next';
import { ApiReference } from '@/components/api-docs/api-reference';
import { errorCatalog } from '@/server/core/errors';

export const metadata: Metadata = { title: 'API reference' };

const OPENAPI_URL = '/api/v1/openapi.json';

const code = 'rounded bg-muted px-1 py-0.5 font-mono text-[0.9em]';

/**
 * The REST reference: Scalar on the OpenAPI document /api/v1/openapi.json serves (generated from
 * the procedures' meta, with an example request and answer for every operation), then the error
 * codes, each with the anchor a problem's `type` points to (`/api/docs#problem-<code>`).
 */
export default function ApiDocsPage() {
  return (
    <div className="min-w-0">
      <header className="space-y-2 border-b border-border px-4 py-6 sm:px-6">
        <h1 className="text-title">API reference</h1>
        <p className="max-w-3xl text-body text-muted-foreground">
          Sign in with <code className={code}>POST /api/v1/auth/login</code> and send the access token as{' '}
          <code className={code}>Authorization: Bearer &lt;accessToken&gt;</code>, or an API key as{' '}
          <code className={code}>client-id</code> and <code className={code}>client-key</code> headers. The
          machine-readable document:{' '}
          <a href={OPENAPI_URL} className="font-medium text-link underline">
            openapi.json
          </a>
          ; errors are{' '}
          <a href="#errors" className="font-medium text-link underline">
            problem details
          </a>
          .
        </p>
      </header>
      <ApiReference documentUrl={OPENAPI_URL} />
      <section
        id="errors"
        aria-labelledby="errors-title"
        className="space-y-4 border-t border-border px-4 py-8 sm:px-6"
      >
        <h2 id="errors-title" className="text-heading">
          Errors
        </h2>
        <p className="max-w-3xl text-body">
          Every error is an RFC 9457 problem (<code className={code}>application/problem+json</code>) with{' '}
          <code className={code}>type, title, status, detail, code, requestId</code>, and{' '}
          <code className={code}>
            errors: [{'{'}path, message{'}'}]
          </code>{' '}
          for field problems. Match on <code className={code}>code</code>; the texts may change.
        </p>
        <div className="overflow-x-auto rounded-md border border-border bg-card">
          <table className="w-full text-left text-body">
            <thead className="bg-muted text-caption text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Code
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Meaning
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {Object.entries(errorCatalog).map(([name, { status, title }]) => (
                <tr key={name} id={`problem-${name.toLowerCase()}`} className="scroll-mt-16 target:bg-muted">
                  <td className="px-3 py-2 font-mono text-[13px] break-all">{name}</td>
                  <td className="px-3 py-2 font-mono text-[13px]">{status}</td>
                  <td className="px-3 py-2">{title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
