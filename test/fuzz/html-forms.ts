// The forms of rendered pages, read as a browser would submit them: method, action, encoding, and each
// control with the value it would send (hidden values such as the CSRF token and the version kept, the
// options of a select, checkboxes and radio buttons, submit buttons with a name). Also the links of a page, for
// the crawl that finds the pages.

export interface FormControl {
  name: string;
  /** input type, or select, textarea, button. */
  kind: string;
  value: string;
  options?: string[];
  checked?: boolean;
}

export interface HtmlForm {
  method: 'GET' | 'POST';
  action: string;
  multipart: boolean;
  controls: FormControl[];
  /** The page the form was found on. */
  page: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:\s*=\s*"([^"]*)")?/g))
    out[m[1]!.toLowerCase()] = decode(m[2] ?? '');
  return out;
}

export function formsIn(html: string, page: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attributes(f[1]!);
    const inner = f[2]!;
    const controls: FormControl[] = [];
    for (const m of inner.matchAll(/<input\b([^>]*)>/g)) {
      const i = attributes(m[1]!);
      if (!i['name']) continue;
      controls.push({
        name: i['name'],
        kind: (i['type'] ?? 'text').toLowerCase(),
        value: i['value'] ?? (i['type'] === 'checkbox' || i['type'] === 'radio' ? 'on' : ''),
        checked: 'checked' in i,
      });
    }
    for (const m of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const s = attributes(m[1]!);
      if (!s['name']) continue;
      const options = [...m[2]!.matchAll(/<option\b([^>]*)>([^<]*)/g)].map((o) => {
        const oa = attributes(o[1]!);
        return 'value' in oa ? oa['value']! : decode(o[2]!.trim());
      });
      const selected = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].find((o) => /\bselected\b/.test(o[1]!));
      const value = selected ? (attributes(selected[1]!)['value'] ?? options[0] ?? '') : (options[0] ?? '');
      controls.push({ name: s['name'], kind: 'select', value, options });
    }
    for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const t = attributes(m[1]!);
      if (t['name']) controls.push({ name: t['name'], kind: 'textarea', value: decode(m[2]!) });
    }
    for (const m of inner.matchAll(/<button\b([^>]*)>/g)) {
      const b = attributes(m[1]!);
      if (b['name']) controls.push({ name: b['name'], kind: 'button', value: b['value'] ?? '' });
    }
    forms.push({
      method: (a['method'] ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      action: a['action'] || page.split('?')[0]!,
      multipart: (a['enctype'] ?? '').toLowerCase() === 'multipart/form-data',
      controls,
      page,
    });
  }
  return forms;
}

/** The addresses a page links to under a prefix (query strings kept, fragments dropped). */
export function linksIn(html: string, prefix: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => decode(m[1]!).split('#')[0]!)
    .filter((href) => href.startsWith(prefix));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** An address with its ids and query left out: two pages of the same kind share it. */
export const shapeOf = (url: string) =>
  url
    .split('?')[0]!
    .replace(UUID, ':id')
    .replace(/\/(it|en)\//, '/:lang/');

/** A form's identity for deduplication: where it posts and what it sends. */
export const formKey = (f: HtmlForm) =>
  `${f.method} ${shapeOf(f.action)} [${[...new Set(f.controls.map((c) => c.name))].sort().join(',')}]`;
