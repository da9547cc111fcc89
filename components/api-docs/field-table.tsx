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
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
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
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <td className="break-words px-3 py-2 font-mono text-[13px] text-slate-900">
                {row.name}
                {markRequired && row.required ? (
                  <span className="ml-1.5 font-sans text-xs font-medium text-red-700">required</span>
                ) : null}
              </td>
              <td className="break-words px-3 py-2 font-mono text-[13px] text-sky-800">{row.type}</td>
              <td className="px-3 py-2 text-slate-600">{row.notes.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
