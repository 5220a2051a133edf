// A link whose address comes from the data (a source, a partner's website). Only addresses a view may link
// (platform/urls.ts: http, https, mailto) become links; anything else, such as a `javascript:` address left
// in old data, is shown as its text, so a stored address can never run script in a reader's page.
import type { ComponentChildren, VNode } from 'preact';
import { safeHref } from '../platform/urls.ts';

export function DataLink(p: {
  href: string | null | undefined;
  children: ComponentChildren;
  rel?: string;
}): VNode | null {
  const href = safeHref(p.href);
  if (href) {
    return (
      <a href={href} rel={p.rel}>
        {p.children}
      </a>
    );
  }
  return p.children as VNode;
}
