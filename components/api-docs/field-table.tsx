import type { FieldRow } from './schema-fields';

/** Fields of a request (required ones marked) or of a response (where every field is always present). */
export function FieldTable({
  rows,
  caption,
  markRequired = true,
}: {
  rows: FieldRow[];
  caption: string;
  markRequired?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className="w-[32%] px-3 py-2 font-medium">
              Field
            </th>
            <th scope="col" className="w-[18%] px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <td className="break-words px-3 py-2 font-mono text-[13px] text-foreground">
                {row.name}
                {markRequired && row.required ? (
                  <span className="ml-1.5 font-sans text-xs font-medium text-danger-fg">required</span>
                ) : null}
              </td>
              <td className="break-words px-3 py-2 font-mono text-[13px] text-info-fg">{row.type}</td>
              <td className="px-3 py-2 text-muted-foreground">{row.notes.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
