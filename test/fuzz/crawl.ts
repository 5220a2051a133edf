// Finds the forms to fuzz the way a person would: by following the links of the pages, signed in, from a few
// starting addresses. A form found on several pages (the same action shape and fields) is kept once.
import type { App } from '../../src/platform/http/types.ts';
import { formKey, formsIn, type HtmlForm, linksIn, shapeOf } from './html-forms.ts';

export interface Found {
  /** Each distinct form, with the cookies its page set (the sign-in form's own CSRF cookie). */
  forms: { form: HtmlForm; cookies: string }[];
  /** Every page visited, for odd query strings. */
  pages: string[];
}

export interface CrawlOptions {
  start: string[];
  /** Links followed only under these prefixes. */
  within: string[];
  /** Pages never asked for (signing out would end the session the crawl runs in). */
  skip: (url: string) => boolean;
  maxPages: number;
  /** Pages a GET cannot show, rendered beforehand (a form again after a refused post): their forms too. */
  rendered?: { url: string; html: string }[];
  /** Pages of one shape (the same address with other ids) visited at most this many times. */
  perShape: number;
}

const setCookies = (headers: Record<string, unknown>) => {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return list.map((c) => String(c).split(';')[0]!).filter((c) => !c.endsWith('='));
};

export async function crawl(app: App, cookie: string, opts: CrawlOptions): Promise<Found> {
  const queue = [...opts.start];
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const forms = new Map<string, { form: HtmlForm; cookies: string }>();
  const pages: string[] = [];
  const keep = (form: HtmlForm, cookies: string) => {
    const key = formKey(form);
    if (!forms.has(key) && !opts.skip(form.action)) forms.set(key, { form, cookies });
  };
  for (const { url, html } of opts.rendered ?? []) for (const form of formsIn(html, url)) keep(form, cookie);
  while (queue.length && pages.length < opts.maxPages) {
    const url = queue.shift()!;
    const shape = shapeOf(url);
    if (seen.has(url) || opts.skip(url) || (shapes.get(shape) ?? 0) >= opts.perShape) continue;
    seen.add(url);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
    pages.push(url);
    const cookies = [cookie, ...setCookies(res.headers)].join('; ');
    for (const form of formsIn(res.body, url)) keep(form, cookies);
    for (const link of linksIn(res.body, '/')) {
      if (opts.within.some((p) => link.startsWith(p)) && !seen.has(link)) queue.push(link);
    }
  }
  return { forms: [...forms.values()], pages };
}

/**
 * The form of the same shape on its page as it is now (current version, token), or the one known; with the
 * cookies the page set again (the sign-in form's token lives in a cookie of its own).
 */
export async function refreshed(
  app: App,
  form: HtmlForm,
  cookies: string,
): Promise<{ form: HtmlForm; cookies: string }> {
  const res = await app.inject({ method: 'GET', url: form.page, headers: { cookie: cookies } });
  if (res.statusCode !== 200) return { form, cookies };
  const key = formKey(form);
  const set = setCookies(res.headers);
  const names = new Set(set.map((c) => c.split('=')[0]));
  const kept = cookies.split('; ').filter((c) => !names.has(c.split('=')[0]));
  return {
    form: formsIn(res.body, form.page).find((f) => formKey(f) === key) ?? form,
    cookies: [...kept, ...set].join('; '),
  };
}
