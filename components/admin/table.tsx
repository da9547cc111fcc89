import type { ReactNode } from 'react';

/** A plain data table; the caption names it for screen readers. */
export function Table({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          <tr>
            {headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers are a fixed list
              <th key={i} scope="col" className="px-5 py-2 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

export const cell = 'px-5 py-3 align-top';
