'use client';

import { useMutation } from '@tanstack/react-query';
import { Braces, Eye, FileCheck2, FileInput } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReportTemplateInfo } from '@/server/modules/reports/schemas';
import { formatNumber } from '../../format';
import { useTRPC } from '../../trpc/client';
import { type ReadError, readError } from '../../trpc/errors';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Select } from '../../ui/select';
import { Textarea } from '../../ui/textarea';
import { toastSaved } from '../../ui/toast';
import { useDebounced } from '../use-debounced';
import { formatJson, parseData } from './json-data';
import { RetirementHeaderForm } from './retirement-header-form';

/** A pause this long after a valid change asks for a new preview. */
const PREVIEW_DEBOUNCE_MS = 600;

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** A refusal's field problems by path (`data.items.0.quantity`), else its one sentence. */
function Problems({ failure }: { failure: ReadError }) {
  const fields = Object.entries(failure.fields);
  if (fields.length === 0) return <Alert tone="error">{failure.message}</Alert>;
  return (
    <Alert tone="error">
      <p className="font-medium">
        {fields.length === 1 ? 'One field needs a fix:' : `${formatNumber(fields.length)} fields need a fix:`}
      </p>
      <ul aria-label="Field problems" className="mt-1 max-h-64 space-y-0.5 overflow-y-auto">
        {fields.map(([path, text]) => (
          <li key={path}>
            <code className="font-mono text-caption">{path}</code> {text}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * #44 from the console: a template, its `data` as JSON (the example to start from, Format, parse
 * errors at once), a live preview of the PDF (after a pause in typing, or Preview), the server's
 * field problems by path, then "Render and issue", which numbers, stores and opens the record.
 */
export function RenderReportForm({
  templates,
  initialTemplate,
}: {
  templates: ReportTemplateInfo[];
  initialTemplate?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [templateName, setTemplateName] = useState(
    templates.find((t) => t.name === initialTemplate)?.name ?? templates[0]?.name ?? '',
  );
  const template = templates.find((t) => t.name === templateName);
  const [text, setText] = useState('');
  const parsed = useMemo(() => parseData(text), [text]);

  const preview = useMutation(trpc.admin.reports.preview.mutationOptions());
  const render = useMutation(trpc.admin.reports.render.mutationOptions());
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [previewPages, setPreviewPages] = useState<number | null>(null);
  const [failure, setFailure] = useState<ReadError | null>(null);
  const latest = useRef(0);

  // one blob URL at a time: the previous one is let go when it is replaced or the page closes
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  const runPreview = useCallback(
    async (name: string, data: Record<string, unknown>) => {
      const ticket = ++latest.current;
      try {
        const answer = await preview.mutateAsync({ template: name, data });
        if (ticket !== latest.current) return;
        setFailure(null);
        setPreviewUrl(pdfUrl(answer.base64));
        setPreviewPages(answer.pageCount);
      } catch (error) {
        if (ticket !== latest.current) return;
        setFailure(readError(error));
      }
    },
    [preview.mutateAsync],
  );

  // the live preview: a pause after a valid change (a parse error is shown at once, not sent)
  // (one string, so the pause is measured on the value and not on a fresh object each render)
  const current = JSON.stringify([templateName, text]);
  const settled = useDebounced(current, PREVIEW_DEBOUNCE_MS);
  const previewed = useRef('');
  useEffect(() => {
    if (settled !== current || previewed.current === settled) return;
    previewed.current = settled;
    const [name, source] = JSON.parse(settled) as [string, string];
    const data = parseData(source);
    if (name && data.ok) void runPreview(name, data.data);
  }, [settled, current, runPreview]);

  function chooseTemplate(name: string) {
    setTemplateName(name);
    setFailure(null);
  }

  function loadExample() {
    if (!template) return;
    setText(formatJson(template.example));
    setFailure(null);
  }

  function format() {
    if (parsed.ok) setText(formatJson(parsed.data));
  }

  async function issue() {
    if (!parsed.ok || !template) return;
    latest.current++; // a preview still on its way no longer speaks for this data
    try {
      const record = await render.mutateAsync({ template: template.name, data: parsed.data });
      toastSaved('Report', record.statementNumber, 'issued');
      router.push(`/admin/reports/${record._id}`);
    } catch (error) {
      setFailure(readError(error));
    }
  }

  const editorId = `${id}-data`;
  const parseId = `${id}-parse`;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        <Card className="space-y-4">
          <Select
            label="Template"
            value={templateName}
            onChange={(e) => chooseTemplate(e.target.value)}
            hint={
              template ? `${template.title}, version ${template.version}: ${template.description}` : undefined
            }
          >
            {templates.map((t) => (
              <option key={t.name} value={t.name}>
                {t.title} ({t.name})
              </option>
            ))}
          </Select>
          {template?.name === 'retirement' && parsed.ok ? (
            <RetirementHeaderForm
              data={parsed.data}
              jsonSchema={template.jsonSchema}
              errors={failure?.fields ?? {}}
              onChange={(data) => setText(formatJson(data))}
            />
          ) : null}
        </Card>
        <Card className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label htmlFor={editorId} className="text-body font-medium text-foreground">
              Data (JSON)
            </label>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" onClick={loadExample} disabled={!template}>
                <FileInput aria-hidden="true" />
                Load example
              </Button>
              <Button variant="secondary" size="sm" onClick={format} disabled={!parsed.ok}>
                <Braces aria-hidden="true" />
                Format
              </Button>
            </div>
          </div>
          <Textarea
            id={editorId}
            value={text}
            rows={18}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={!parsed.ok && !parsed.empty ? true : undefined}
            aria-describedby={parseId}
            className="max-h-[32rem] min-h-72 font-mono text-caption leading-5 whitespace-pre"
            onChange={(e) => setText(e.target.value)}
          />
          <p
            id={parseId}
            aria-live="polite"
            className={`text-caption ${!parsed.ok && !parsed.empty ? 'text-danger-fg' : 'text-muted-foreground'}`}
          >
            {parsed.ok ? 'Valid JSON. The preview follows your changes.' : parsed.message}
          </p>
          {failure ? <Problems failure={failure} /> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                if (!parsed.ok || !template) return;
                // the live preview then knows this value is answered, and answers the next one
                previewed.current = current;
                void runPreview(template.name, parsed.data);
              }}
              disabled={!parsed.ok || !template}
              pending={preview.isPending}
            >
              <Eye aria-hidden="true" />
              Preview
            </Button>
            <Button onClick={issue} disabled={!parsed.ok || !template} pending={render.isPending}>
              <FileCheck2 aria-hidden="true" />
              Render and issue
            </Button>
          </div>
        </Card>
      </div>
      <section aria-labelledby={`${id}-preview`} className="min-w-0 space-y-2">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={`${id}-preview`} className="text-base font-semibold">
            Preview
          </h2>
          <p aria-live="polite" className="text-caption text-muted-foreground">
            {preview.isPending
              ? 'Rendering…'
              : previewPages != null
                ? `${formatNumber(previewPages)} ${previewPages === 1 ? 'page' : 'pages'}, not issued`
                : null}
          </p>
        </div>
        {previewUrl ? (
          <p className="text-caption">
            <a
              href={previewUrl}
              target="_blank"
              rel="noopener"
              className="focus-ring rounded-sm text-link hover:underline"
            >
              Open the preview in a new tab
            </a>{' '}
            <span className="text-muted-foreground">(when the browser shows no PDF inline)</span>
          </p>
        ) : null}
        {previewUrl ? (
          <iframe
            title="Preview of the PDF"
            src={previewUrl}
            className="h-[40rem] w-full rounded-md border border-border bg-muted"
          />
        ) : (
          <div className="flex h-64 items-center justify-center rounded-md border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
            Load the example or write the data: the PDF appears here, marked PREVIEW, without a statement
            number. Nothing is stored until you render and issue it.
          </div>
        )}
      </section>
    </div>
  );
}
