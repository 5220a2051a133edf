// Server-side rendering of the views to HTML strings (escaped by preact-render-to-string).
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole document: the doctype followed by the rendered <html> element (see PageShell). */
export function renderPage(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

/** A piece of a page, e.g. for an htmx swap. */
export function renderFragment(node: VNode): string {
  return renderToString(node);
}
