// Importing a list of contacts from the back-office (/admin/{lang}/people/import): the file is checked by the
// CLI's importer (people.import.ts) as a dry run and the report shown; the confirmation sends the same file back
// (carried in the form, so no upload waits on the server and any instance can answer) and the importer writes
// every row or none, audited as the editor. A list of a thousand posts is checked and written in about a second
// (bench:contacts), so the page answers when done, without a progress stream.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { formatNumber } from '../../platform/i18n.ts';
import {
  type Ctx,
  type LangRequest,
  READ,
  received,
  recordPages,
  uploadedFile,
} from '../admin/admin.forms.tsx';
import { field } from '../admin/admin.kit.tsx';
import type { ContactsImportReport } from './people.import.ts';
import { IMPORT_KINDS, ImportForm, type ImportKind, ImportReport, importWords } from './views/import.tsx';

/** The largest list the page takes: some two thousand rows, carried back by the confirmation as base64. */
export const MAX_CONTACTS_IMPORT_BYTES = 256 * 1024;
const PATH = 'people/import';

export function contactsImportPages(services: Services) {
  const pages = recordPages();
  const mb = (c: Ctx) => `${formatNumber(MAX_CONTACTS_IMPORT_BYTES / (1024 * 1024), c.lang)} MB`;
  const form = (reply: FastifyReply, c: Ctx, opts: { kind?: string; error?: string; status?: number } = {}) =>
    pages.show(
      reply,
      c,
      PATH,
      {
        title: importWords(c.lang).title,
        body: (
          <ImportForm
            lang={c.lang}
            session={c.session}
            maxBytes={MAX_CONTACTS_IMPORT_BYTES}
            {...(opts.kind ? { kind: opts.kind } : {})}
            error={opts.error}
          />
        ),
      },
      { status: opts.status ?? 200 },
    );
  const report = (
    reply: FastifyReply,
    c: Ctx,
    kind: ImportKind,
    r: ContactsImportReport,
    bytes: Uint8Array,
  ) =>
    pages.show(
      reply,
      c,
      PATH,
      {
        title: importWords(c.lang).reportTitle,
        body: (
          <ImportReport
            lang={c.lang}
            session={c.session}
            kind={kind}
            report={r}
            data={Buffer.from(bytes).toString('base64url')}
          />
        ),
      },
      { status: r.problems.length ? 400 : 200 },
    );
  const kindOf = (raw: unknown) => IMPORT_KINDS.find((k) => k === raw);
  const run = (c: Ctx, kind: ImportKind, bytes: Uint8Array, dryRun: boolean) =>
    services.importContacts({ actor: c.actor, bytes, kind, dryRun });

  return async function routes(app: App) {
    await app.register(multipart);
    app.get(
      `/admin/:lang/${PATH}`,
      { ...READ, config: { access: 'editor' } },
      async (request: LangRequest, reply) => {
        const c = await pages.enter(request, reply);
        return c ? form(reply, c) : reply;
      },
    );

    app.post(
      `/admin/:lang/${PATH}`,
      { schema: { hide: true }, config: { access: 'editor', csrf: 'in-handler' } },
      async (request: FastifyRequest, reply) => {
        const c = await pages.enter(request, reply);
        if (!c) return reply;
        const w = importWords(c.lang);
        try {
          const part = await uploadedFile(request, c.session, MAX_CONTACTS_IMPORT_BYTES);
          const raw = part?.fields['kind'];
          const kind = kindOf(raw && !Array.isArray(raw) && raw.type === 'field' ? raw.value : '');
          if (!kind) return form(reply, c, { error: w.badKind, status: 400 });
          if (!part?.filename) return form(reply, c, { kind, error: w.noFile, status: 400 });
          const bytes = await received(() => part.toBuffer());
          if (part.file.truncated) return form(reply, c, { kind, error: w.tooBig(mb(c)), status: 413 });
          return report(reply, c, kind, await run(c, kind, bytes, true), bytes);
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            return form(reply, c, { error: w.tooBig(mb(c)), status: 413 });
          if (isAppError(err) && err.field === 'file')
            return form(reply, c, { error: w.noFile, status: 400 });
          return pages.refusal(reply, c, PATH, `/admin/${c.lang}/people`, err);
        }
      },
    );

    app.post(
      `/admin/:lang/${PATH}/confirm`,
      { schema: { hide: true }, config: { access: 'editor' } },
      async (request: FastifyRequest, reply) => {
        const c = await pages.enter(request, reply);
        if (!c) return reply;
        const body = (request.body ?? {}) as Record<string, string | undefined>;
        const kind = kindOf(field(body, 'kind'));
        const bytes = Buffer.from(String(body['data'] ?? ''), 'base64url');
        try {
          if (!kind || bytes.length === 0 || bytes.length > MAX_CONTACTS_IMPORT_BYTES)
            throw AppError.invalid('file', 'the confirmation carries no file, or one too large');
          return report(reply, c, kind, await run(c, kind, bytes, false), bytes);
        } catch (err) {
          if (isAppError(err) && err.field === 'file')
            return form(reply, c, { error: importWords(c.lang).noFile, status: 400 });
          return pages.refusal(reply, c, PATH, `/admin/${c.lang}/people`, err);
        }
      },
    );
  };
}
