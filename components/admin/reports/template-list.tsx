import Link from 'next/link';
import type { ReportTemplateInfo } from '@/server/modules/reports/schemas';
import { Card } from '../../ui/card';

const blockClass =
  'max-h-96 overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-caption leading-5 whitespace-pre';

/**
 * The registry's templates: name, version, title, what each is for, and the JSON Schema of its
 * data (and an example), each folded away, readable and scrolling inside itself.
 */
export function TemplateList({
  templates,
  canWrite,
}: {
  templates: ReportTemplateInfo[];
  canWrite: boolean;
}) {
  if (templates.length === 0)
    return (
      <Card>
        <p className="text-sm text-muted-foreground">No templates are registered.</p>
      </Card>
    );
  return (
    <ul className="space-y-4" aria-label="Templates">
      {templates.map((template) => (
        <li key={template.name}>
          <Card className="space-y-3">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <h2 className="text-base font-semibold">{template.title}</h2>
                <p className="text-caption text-muted-foreground">
                  <code className="font-mono">{template.name}</code> · version {template.version}
                </p>
              </div>
              {canWrite ? (
                <Link
                  href={`/admin/reports/new?template=${encodeURIComponent(template.name)}`}
                  className="focus-ring rounded-sm text-sm text-link hover:underline"
                  aria-label={`Render a ${template.title}`}
                >
                  Render one
                </Link>
              ) : null}
            </div>
            <p className="text-body">{template.description}</p>
            <details className="group">
              <summary className="focus-ring w-fit cursor-pointer rounded-sm text-sm font-medium text-link">
                JSON Schema of its data
              </summary>
              <pre className={`mt-2 ${blockClass}`}>{JSON.stringify(template.jsonSchema, null, 2)}</pre>
            </details>
            <details>
              <summary className="focus-ring w-fit cursor-pointer rounded-sm text-sm font-medium text-link">
                Example data
              </summary>
              <pre className={`mt-2 ${blockClass}`}>{JSON.stringify(template.example, null, 2)}</pre>
            </details>
          </Card>
        </li>
      ))}
    </ul>
  );
}
