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
