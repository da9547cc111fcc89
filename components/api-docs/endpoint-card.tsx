import { FieldTable } from './field-table';
import { anchorOf, type Endpoint, type JsonSchema } from './openapi-types';
import { schemaFields } from './schema-fields';

const methodTone: Record<string, string> = {
  GET: 'bg-sky-100 text-sky-800',
  POST: 'bg-emerald-100 text-emerald-800',
  PUT: 'bg-amber-100 text-amber-800',
  PATCH: 'bg-amber-100 text-amber-800',
  DELETE: 'bg-red-100 text-red-800',
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-14 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${methodTone[method] ?? 'bg-slate-100 text-slate-800'}`}
    >
      {method}
    </span>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </div>
  );
}

const jsonBody = (content?: Record<string, { schema: JsonSchema }>) =>
  content?.['application/json']?.schema ?? content?.['application/problem+json']?.schema;

export function EndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const { operation } = endpoint;
  const isPublic = (operation.security ?? []).length === 0;
  const headers = (operation.parameters ?? []).filter((p) => p.in === 'header');
  const body = jsonBody(operation.requestBody?.content);
  const bodyFields = body ? schemaFields(body) : [];
  return (
    <article
      id={anchorOf(endpoint)}
      className="scroll-mt-6 rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <header className="space-y-2 border-b border-slate-100 px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <MethodBadge method={endpoint.method} />
          <h3 className="font-mono text-sm font-semibold text-slate-900">{endpoint.path}</h3>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
              isPublic
                ? 'bg-slate-50 text-slate-700 ring-slate-200'
                : 'bg-amber-50 text-amber-800 ring-amber-200'
            }`}
          >
            {isPublic ? 'Public' : 'Bearer token'}
          </span>
        </div>
        {operation.summary ? <p className="text-sm text-slate-700">{operation.summary}</p> : null}
      </header>
      <div className="space-y-5 px-5 py-4">
        {headers.length > 0 ? (
          <Section title="Headers">
            <FieldTable
              caption={`Headers of ${endpoint.method} ${endpoint.path}`}
              rows={headers.map((h) => ({
                name: h.name,
                type: h.schema?.format ?? h.schema?.type?.toString() ?? 'string',
                required: Boolean(h.required),
                notes: h.description ? [h.description] : [],
              }))}
            />
          </Section>
        ) : null}
        {bodyFields.length > 0 ? (
          <Section title="Request body (JSON)">
            <FieldTable caption={`Request fields of ${endpoint.method} ${endpoint.path}`} rows={bodyFields} />
            {body?.additionalProperties === false ? (
              <p className="text-xs text-slate-500">Unknown fields are refused with 400 VALIDATION_FAILED.</p>
            ) : null}
          </Section>
        ) : null}
        <Section title="Responses">
          <ul className="space-y-2 text-sm">
            {Object.entries(operation.responses).map(([status, response]) => {
              const schema = jsonBody(response.content);
              const fields = schema && !schema.$ref ? schemaFields(schema) : [];
              return (
                <li key={status}>
                  <span
                    className={`mr-2 font-mono font-semibold ${Number(status) < 300 ? 'text-emerald-700' : 'text-red-700'}`}
                  >
                    {status}
                  </span>
                  {response.description}
                  {schema?.$ref ? <span className="text-slate-500"> · problem details</span> : null}
                  {fields.length > 0 ? (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-emerald-800">
                        Response fields ({fields.length})
                      </summary>
                      <div className="mt-2">
                        <FieldTable
                          caption={`Response fields of ${endpoint.method} ${endpoint.path}`}
                          rows={fields}
                          markRequired={false}
                        />
                      </div>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Section>
      </div>
    </article>
  );
}
