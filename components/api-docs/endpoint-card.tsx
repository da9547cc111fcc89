import { FieldTable } from './field-table';
import { anchorOf, type Endpoint, type JsonSchema } from './openapi-types';
import { schemaFields } from './schema-fields';

const methodTone: Record<string, string> = {
  GET: 'bg-info-bg text-info-fg',
  POST: 'bg-success-bg text-success-fg',
  PUT: 'bg-warning-bg text-warning-fg',
  PATCH: 'bg-warning-bg text-warning-fg',
  DELETE: 'bg-danger-bg text-danger-fg',
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-14 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${methodTone[method] ?? 'bg-muted text-foreground'}`}
    >
      {method}
    </span>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h4>
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
      className="scroll-mt-6 rounded-lg border border-border bg-card shadow-xs"
    >
      <header className="space-y-2 border-b border-border px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <MethodBadge method={endpoint.method} />
          <h3 className="font-mono text-sm font-semibold text-foreground">{endpoint.path}</h3>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
              isPublic
                ? 'bg-neutral-bg text-neutral-fg ring-neutral-border'
                : 'bg-warning-bg text-warning-fg ring-warning-border'
            }`}
          >
            {isPublic ? 'Public' : 'Bearer token'}
          </span>
        </div>
        {operation.summary ? <p className="text-sm text-foreground">{operation.summary}</p> : null}
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
              <p className="text-xs text-muted-foreground">
                Unknown fields are refused with 400 VALIDATION_FAILED.
              </p>
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
                    className={`mr-2 font-mono font-semibold ${Number(status) < 300 ? 'text-link' : 'text-danger-fg'}`}
                  >
                    {status}
                  </span>
                  {response.description}
                  {schema?.$ref ? <span className="text-muted-foreground"> · problem details</span> : null}
                  {fields.length > 0 ? (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-link">
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
