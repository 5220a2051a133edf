// Addresses that Ponte stores and later renders as links. A stored address is a web address (http or https)
// and nothing else: a `javascript:` or `data:` address rendered as a link runs in the page of whoever clicks
// it, on the same origin as the back-office. One rule, used by every schema and every entry point (API,
// forms, import, CLI, seed), and a second line of defence in the views for data stored before it.

/** For JSON Schema (`pattern`): starts with http:// or https://, in any letter case, no spaces. */
const WEB_URL = '[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*';
export const WEB_URL_PATTERN = `^${WEB_URL}$`;
/** The same, or empty (a form or a change that clears the address). */
export const WEB_URL_OR_EMPTY_PATTERN = `^(?:${WEB_URL})?$`;

/**
 * Why value is not a web address Ponte stores, or undefined when it is one: absolute, http or https, a host
 * name with a dot (a public site, not "localhost"), no spaces.
 */
export function webUrlProblem(value: string): string | undefined {
  let url: URL | undefined;
  try {
    url = /\s/.test(value) ? undefined : new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
    return `"${value}" is not a web address starting with https:// or http://`;
  }
  return undefined;
}

const LINKABLE = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address, when a view may render it as a link (http, https, or mailto with an address); undefined for
 * anything else, such as `javascript:` or `data:` left in old data, which is then shown as text.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (!LINKABLE.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:') return isAddress(url.pathname) ? value.trim() : undefined;
  return url.hostname ? value.trim() : undefined;
}

function isAddress(encoded: string): boolean {
  try {
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(encoded));
  } catch {
    return false;
  }
}
