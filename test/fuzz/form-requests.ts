// A form plan as the request a browser (or someone imitating one) would send: urlencoded or multipart as the
// form says, or as the plan's mutations make it.
import type { FormPlan, Upload } from './form-plans.ts';
import type { HtmlForm } from './html-forms.ts';
import type { FuzzRequest } from './runner.ts';

const BOUNDARY = 'fuzzboundary';

function multipartBody(values: [string, string][], uploads: Upload[], fileFirst: boolean): Buffer {
  const field = ([name, value]: [string, string]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const file = (u: Upload) =>
    Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${u.filename}"\r\n` +
          `${u.type ? `Content-Type: ${u.type}\r\n` : ''}\r\n`,
      ),
      u.bytes,
      Buffer.from('\r\n'),
    ]);
  const fields = values.map(field);
  const files = uploads.map(file);
  return Buffer.concat([
    ...(fileFirst ? [...files, ...fields] : [...fields, ...files]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

/** The request a plan stands for; `cookie` is the session's (with any cookie of the form's page). */
export function formRequest(form: HtmlForm, plan: FormPlan, cookie: string): FuzzRequest {
  let values = [...plan.values];
  let encoding: 'json' | 'multipart' | 'urlencoded' | 'plain' = form.multipart ? 'multipart' : 'urlencoded';
  let raw: string | Buffer | undefined;
  let contentType: string | undefined;
  let truncate: number | undefined;
  let fileFirst = false;
  const uploads = plan.upload ? [plan.upload] : [];
  for (const m of plan.mutations) {
    const i = 'name' in m ? values.findIndex(([k]) => k === m.name) : -1;
    if (m.kind === 'value' || m.kind === 'append') {
      const value = m.kind === 'value' ? m.value : `${values[i]?.[1] ?? ''}${m.suffix}`;
      values[i >= 0 ? i : values.length] = [m.name, value];
    } else if (m.kind === 'drop') values = values.filter(([k]) => k !== m.name);
    else if (m.kind === 'repeat' || m.kind === 'extra') values.push([m.name, m.value]);
    else if (m.kind === 'csrf') {
      values = values.filter(([k]) => k !== '_csrf');
      if (m.value !== undefined) values.unshift(['_csrf', m.value]);
    } else if (m.kind === 'encoding') encoding = m.as;
    else if (m.kind === 'raw') raw = m.body;
    else if (m.kind === 'oversize') raw = `_csrf=x&descriptionIt=${'z'.repeat(600 * 1024)}`;
    else if (m.kind === 'boundary') contentType = m.type;
    else if (m.kind === 'truncate') truncate = m.percent / 100;
    else if (m.kind === 'file-first') fileFirst = true;
    else if (m.kind === 'two-files' && plan.upload) uploads.push(plan.upload);
  }
  // The same route in the other language: /admin/it/... and /admin/en/..., /milano/it/... and /milano/en/...
  let action = plan.otherLang
    ? form.action.replace(
        /^\/([\w-]+)\/(it|en)\//,
        (_, head: string, l: string) => `/${head}/${l === 'it' ? 'en' : 'it'}/`,
      )
    : form.action;
  for (const m of plan.mutations) {
    if (m.kind !== 'address') continue;
    if (m.lang !== undefined)
      action = action.replace(/^\/([\w-]+)\/(it|en)\//, (_, head: string) => `/${head}/${m.lang}/`);
    if (m.id !== undefined)
      action = action.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, m.id);
  }
  const headers: Record<string, string> = plan.anonymous ? {} : { cookie };
  const source = `form ${form.method} ${form.action.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id')}`;
  if (form.method === 'GET') {
    const qs = new URLSearchParams(values).toString();
    return { source, method: 'GET', url: `${action}${action.includes('?') ? '&' : '?'}${qs}`, headers };
  }
  let body: string | Buffer;
  if (raw !== undefined) {
    body = raw;
    contentType ??= 'application/x-www-form-urlencoded';
  } else if (encoding === 'multipart') {
    body = multipartBody(values, uploads, fileFirst);
    contentType ??= `multipart/form-data; boundary=${BOUNDARY}`;
  } else if (encoding === 'json') {
    body = JSON.stringify(Object.fromEntries(values));
    contentType ??= 'application/json';
  } else {
    body = new URLSearchParams(values).toString();
    contentType ??= encoding === 'plain' ? 'text/plain' : 'application/x-www-form-urlencoded';
  }
  if (truncate !== undefined) {
    // Cut within the last part (the file, unless it comes first), so that what precedes it arrives whole.
    const text = typeof body === 'string' ? body : body.toString('latin1');
    const last = Math.max(0, text.lastIndexOf(`--${BOUNDARY}\r\n`));
    const cut = last + Math.floor((text.length - last) * truncate);
    body = typeof body === 'string' ? body.slice(0, cut) : body.subarray(0, cut);
  }
  headers['content-type'] = contentType;
  return { source, method: 'POST', url: action, headers, body };
}
