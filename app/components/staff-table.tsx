import type { ReactNode } from "react";

/**
 * The staff pages' tables (audit log, templates, sources): a header row of
 * column names, the rows given. A table wider than a phone scrolls inside its
 * box, not the whole page; the box is focusable and named, so keyboard and
 * screen-reader users can scroll it.
 */
export function StaffTable({ label, columns, children }: { label: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="log">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A table's "when" cell: the time as the site shows it, machine-readable. */
export function WhenCell({ at }: { at: { iso: string; text: string } }) {
  return (
    <td>
      <time dateTime={at.iso}>{at.text}</time>
    </td>
  );
}
