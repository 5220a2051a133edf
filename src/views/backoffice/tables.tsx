// A back-office table's box: on a narrow screen the table scrolls sideways inside it, not the page. The box is
// a named region that takes the focus, so a keyboard can scroll it too (axe: scrollable-region-focusable).
import type { ComponentChildren } from 'preact';

export function TableBox(p: { label: string; class?: string; children: ComponentChildren }) {
  return (
    <section
      class={`table-responsive${p.class ? ` ${p.class}` : ''}`}
      aria-label={p.label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard.
      tabIndex={0}
    >
      {p.children}
    </section>
  );
}

/** A column's header: its text, or `{ hidden }` for a column of buttons, named for screen readers only. */
export type Column = string | { hidden: string } | null;

/**
 * A back-office table in its box: the caption (shown, or for screen readers only when the page's heading
 * already says it) names both the table and the box; `columns` are the header row (null leaves one out);
 * the children are the body's rows.
 */
export function DataTable(p: {
  caption: string;
  captionHidden?: boolean;
  columns: Column[];
  class?: string;
  /** Classes beside `table` (e.g. ponte-stacked). */
  tableClass?: string;
  children: ComponentChildren;
}) {
  return (
    <TableBox label={p.caption} {...(p.class ? { class: p.class } : {})}>
      <table class={p.tableClass ? `table ${p.tableClass}` : 'table'}>
        <caption {...(p.captionHidden ? { class: 'visually-hidden' } : {})}>{p.caption}</caption>
        <thead>
          <tr>
            {p.columns.map((column, i) =>
              column === null ? null : (
                <th scope="col" key={i}>
                  {typeof column === 'string' ? column : <span class="visually-hidden">{column.hidden}</span>}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
    </TableBox>
  );
}
