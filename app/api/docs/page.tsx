import type { Metadata } from 'next';
import Link from 'next/link';
import { EndpointCard, MethodBadge } from '@/components/api-docs/endpoint-card';
import { anchorOf, endpointsByTag, type OpenApiDocument } from '@/components/api-docs/openapi-types';
import { Logo } from '@/components/layout/logo';
import { errorCatalog } from '@/server/core/errors';
import { openApiDocument } from '@/server/rest/openapi';

export const metadata: Metadata = { title: 'API reference' };

/** The REST reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default function ApiDocsPage() {
  const doc = openApiDocument() as OpenApiDocument;
  const groups = endpointsByTag(doc);
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-8 sm:px-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Endpoints" className="space-y-6 text-sm lg:sticky lg:top-6 lg:self-start">
        <Logo />
        {groups.map(([tag, endpoints]) => (
          <div key={tag}>
            <p className="mb-2 font-semibold text-foreground">{tag}</p>
            <ul className="space-y-1">
              {endpoints.map((endpoint) => (
                <li key={anchorOf(endpoint)}>
                  <a
                    href={`#${anchorOf(endpoint)}`}
                    className="flex items-center gap-2 rounded px-1 py-0.5 text-foreground hover:bg-muted"
                  >
                    <MethodBadge method={endpoint.method} />
                    <span className="truncate font-mono text-xs">{endpoint.path.replace('/api/v1', '')}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <a href="#errors" className="block font-semibold text-foreground hover:underline">
          Errors
        </a>
      </nav>
      <main className="min-w-0 space-y-10">
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {doc.info.title}{' '}
            <span className="text-base font-normal text-muted-foreground">v{doc.info.version}</span>
          </h1>
          {doc.info.description ? (
            <p className="text-foreground">
              {/* `code` spans are the only markup the description uses. */}
              {doc.info.description.split('`').map((part, index) =>
                index % 2 === 1 ? (
                  <code key={part} className="font-mono text-[0.9em]">
                    {part}
                  </code>
                ) : (
                  part
                ),
              )}
            </p>
          ) : null}
          <p className="text-sm text-muted-foreground">
            Sign in with <code className="font-mono">POST /api/v1/auth/login</code> and send the access token
            as <code className="font-mono">Authorization: Bearer &lt;accessToken&gt;</code>. Machine-readable:{' '}
            <Link href="/api/v1/openapi.json" className="font-medium text-link underline">
              openapi.json
            </Link>
            .
          </p>
        </header>
        {groups.map(([tag, endpoints]) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
            <h2 id={`tag-${tag}`} className="text-lg font-semibold">
              {tag}
            </h2>
            {endpoints.map((endpoint) => (
              <EndpointCard key={anchorOf(endpoint)} endpoint={endpoint} />
            ))}
          </section>
        ))}
        <section id="errors" aria-labelledby="errors-title" className="space-y-4">
          <h2 id="errors-title" className="text-lg font-semibold">
            Errors
          </h2>
          <p className="text-sm text-foreground">
            Every error is an RFC 9457 problem (<code className="font-mono">application/problem+json</code>)
            with <code className="font-mono">type, title, status, detail, code, requestId</code>, and{' '}
            <code className="font-mono">
              errors: [{'{'}path, message{'}'}]
            </code>{' '}
            for field problems. Match on <code className="font-mono">code</code>; the texts may change.
          </p>
          <div className="overflow-x-auto rounded-md border border-border bg-card">
            <table className="w-full text-left text-sm">
              <thead className="bg-muted text-xs uppercase tracking-wide text-muted-foreground">
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
                {Object.entries(errorCatalog).map(([code, { status, title }]) => (
                  <tr key={code}>
                    <td className="px-3 py-2 font-mono text-[13px]">{code}</td>
                    <td className="px-3 py-2 font-mono text-[13px]">{status}</td>
                    <td className="px-3 py-2 text-foreground">{title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </main>
    </div>
  );
}
