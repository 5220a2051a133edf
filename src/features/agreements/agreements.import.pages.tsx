// Importing agreements from the back-office: upload a file, read the dry run's report (the CLI's importer,
// agreements.import.ts, run with dryRun), pick the cities it could not decide, confirm; the same importer then
// writes every row or none, as the editor's institution, audited as one "import". The file waits on the server
// (agreements.import-uploads.ts) between the steps, so the confirmation cannot change it.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { formatNumber, type Lang } from '../../platform/i18n.ts';
import { renderFragment } from '../../views/render.ts';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { received, uploadedFile } from '../admin/admin.forms.tsx';
import { adminKit, type Form, langOf, type Notice, noticeOf } from '../admin/admin.kit.tsx';
import { importStrings } from './agreements.import.strings.ts';
import type { StaffImport } from './agreements.import.ts';
import { createUploads, type Progress, type Upload, type Uploads } from './agreements.import-uploads.ts';
import {
  ImportOutcome,
  ImportProgressView,
  ImportReportView,
  ImportStreamView,
  ImportUploadView,
  ProgressLine,
} from './views/agreement-import.tsx';

/** The largest file the page takes: some ten thousand rows, far more than an office's list. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const ID = /^[A-Za-z0-9_-]{24}$/;

const mb = (lang: Lang) => `${formatNumber(MAX_IMPORT_BYTES / (1024 * 1024), lang)} MB`;

/** What the import's routes share: its pages, the session's upload, the import run in the background. */
function importKit(importAs: StaffImport, uploads: Uploads) {
  const { send } = adminKit();
  const page = (
    reply: FastifyReply,
    lang: Lang,
    session: Session,
    path: string,
    body: VNode,
    opts: { status?: number; notice?: Notice } = {},
  ) => send(reply, lang, `agreements/import${path}`, importStrings(lang).title, body, { session, ...opts });
  const uploadPage = (reply: FastifyReply, lang: Lang, session: Session, error?: string, status = 200) =>
    page(
      reply,
      lang,
      session,
      '',
      <ImportUploadView
        lang={lang}
        session={session}
        maxBytes={MAX_IMPORT_BYTES}
        {...(error ? { error } : {})}
      />,
      { status },
    );
  /** The session's upload, or undefined: unknown, expired, another session's or another institution's. */
  const uploadOf = (session: Session, id: string) => {
    const actor = actorOfSession(session);
    return ID.test(id) ? uploads.get(session.csrfToken, actor.institutionId, id) : undefined;
  };
  const address = (lang: Lang, id: string) => `/admin/${lang}/agreements/import/${id}`;

  /** The page of an upload in its state: the report, the progress, or the result. */
  function shown(reply: FastifyReply, lang: Lang, session: Session, upload: Upload, status = 200) {
    const t = importStrings(lang);
    const path = `/${upload.id}`;
    if (upload.state === 'running') {
      return page(
        reply,
        lang,
        session,
        path,
        <ImportProgressView lang={lang} id={upload.id} progress={upload.progress} />,
      );
    }
    if (upload.state === 'done' && upload.result) {
      return page(
        reply,
        lang,
        session,
        path,
        <ImportOutcome lang={lang} report={upload.result} reportHref={address(lang, upload.id)} level={1} />,
      );
    }
    const notice: Notice | undefined =
      upload.notice === 'mustChoose'
        ? { kind: 'danger', text: t.mustChoose }
        : upload.notice === 'failed'
          ? { kind: 'danger', text: `${t.failedTitle}. ${t.failed}` }
          : undefined;
    return page(
      reply,
      lang,
      session,
      path,
      <ImportReportView
        lang={lang}
        session={session}
        id={upload.id}
        filename={upload.filename}
        report={upload.report}
      />,
      { status, ...(notice ? { notice } : {}) },
    );
  }

  /**
   * The import itself, all or nothing; its report replaces the dry run's when it could not write. A failure
   * leaves the upload as it was, to look at and confirm again.
   */
  async function run(
    upload: Upload,
    session: Session,
    choices: Map<number, number>,
    onProgress: (progress: Progress) => void,
  ) {
    upload.state = 'running';
    delete upload.notice;
    try {
      const report = await importAs(actorOfSession(session), {
        bytes: upload.bytes,
        format: upload.format,
        choices,
        onProgress: (phase, done, total) => {
          upload.progress = { phase, done, total };
          onProgress(upload.progress);
          // The embedded database answers without leaving the event loop a turn: this one lets the line out.
          return new Promise((resolve) => setImmediate(resolve));
        },
      });
      if (report.written) {
        upload.state = 'done';
        upload.result = report;
        upload.bytes = new Uint8Array();
      } else {
        upload.state = 'checked';
        upload.report = report;
        upload.notice = 'failed';
      }
    } catch (err) {
      upload.state = 'checked';
      upload.notice = 'failed';
      throw err;
    }
  }

  return { page, uploadPage, uploadOf, address, shown, run };
}

type ImportKit = ReturnType<typeof importKit>;

export function importRoutes(app: App, importAs: StaffImport, uploads: Uploads = createUploads()) {
  const kit = importKit(importAs, uploads);
  uploadRoutes(app, kit, importAs, uploads);
  stepRoutes(app, kit);
}

/** The upload form, and the upload: the file checked (a dry run), kept, and its report's address. */
function uploadRoutes(app: App, kit: ImportKit, importAs: StaffImport, uploads: Uploads) {
  const { page, uploadPage, address } = kit;
  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/agreements/import',
    { schema: { hide: true }, config: { access: 'editor' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      return uploadPage(reply, lang, sessionOf(request));
    },
  );

  app.post<{ Params: { lang: string } }>(
    '/admin/:lang/agreements/import',
    { schema: { hide: true }, config: { access: 'editor', csrf: 'in-handler' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const t = importStrings(lang);
      try {
        const part = await uploadedFile(request, session, MAX_IMPORT_BYTES);
        if (!part?.filename) return uploadPage(reply, lang, session, t.noFile, 400);
        const bytes = await received(() => part.toBuffer());
        if (part.file.truncated) return uploadPage(reply, lang, session, t.tooBig(mb(lang)), 413);
        const format = /\.json$/i.test(part.filename) ? 'json' : 'csv';
        const actor = actorOfSession(session);
        const report = await importAs(actor, { bytes, format, dryRun: true });
        const upload = uploads.put(session.csrfToken, {
          institutionId: actor.institutionId,
          filename: part.filename.slice(0, 200),
          format,
          bytes,
          report,
        });
        return reply.redirect(address(lang, upload.id), 303);
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          return uploadPage(reply, lang, session, t.tooBig(mb(lang)), 413);
        }
        const notice = noticeOf(err, lang);
        if (notice)
          return page(
            reply,
            lang,
            session,
            '',
            <ImportUploadView lang={lang} session={session} maxBytes={MAX_IMPORT_BYTES} />,
            { notice, status: 403 },
          );
        if (isAppError(err) && err.details?.['reason'] === 'incomplete') {
          return uploadPage(reply, lang, session, t.incomplete, 400);
        }
        throw err;
      }
    },
  );
}

/** An upload's page (report, progress or result) and its confirmation. */
function stepRoutes(app: App, kit: ImportKit) {
  const { uploadPage, uploadOf, address, shown, run } = kit;
  type StepRequest = FastifyRequest<{ Params: { lang: string; id: string }; Body: Form }>;
  /** A handler given the upload the address names for this session; a gone or expired one is a 404 page. */
  const withUpload =
    (
      handle: (
        request: StepRequest,
        reply: FastifyReply,
        lang: Lang,
        session: Session,
        upload: Upload,
      ) => unknown,
    ) =>
    async (request: StepRequest, reply: FastifyReply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const upload = uploadOf(session, request.params.id);
      if (!upload) return uploadPage(reply, lang, session, importStrings(lang).expired, 404);
      return handle(request, reply, lang, session, upload);
    };
  const options = { schema: { hide: true }, config: { access: 'editor' } } as const;

  app.get(
    '/admin/:lang/agreements/import/:id',
    options,
    withUpload((_request, reply, lang, session, upload) => shown(reply, lang, session, upload)),
  );

  app.post(
    '/admin/:lang/agreements/import/:id',
    options,
    withUpload((request, reply, lang, session, upload) => {
      if (upload.state !== 'checked') return reply.redirect(address(lang, upload.id), 303);
      // A file with problems other than cities to pick cannot be imported: the report offered no confirmation.
      if (upload.report.problems.some((p) => !p.candidates?.length)) {
        return shown(reply, lang, session, upload, 400);
      }
      const choices = chosenPlaces(upload, request.body ?? {});
      if (!choices) {
        upload.notice = 'mustChoose';
        return shown(reply, lang, session, upload, 400);
      }
      return streamed(reply, lang, session, upload, (onProgress) =>
        run(upload, session, choices, onProgress).catch((err) => {
          request.log.error({ err }, 'the import from the back-office failed');
        }),
      );
    }),
  );
}

// Where the streamed page is cut: the progress lines go in the first place, the outcome in the second.
const PROGRESS_SLOT = '\u2063progress\u2063';
const OUTCOME_SLOT = '\u2063outcome\u2063';

/**
 * The confirmation's answer, streamed as the import runs: the page up to its progress list at once, a line
 * for every tenth of the rows checked and written, then how it ended. It needs no JavaScript and no other
 * request, which an embedded database busy with the import's transaction could not answer meanwhile.
 */
function streamed(
  reply: FastifyReply,
  lang: Lang,
  session: Session,
  upload: Upload,
  work: (onProgress: (p: Progress) => void) => Promise<void>,
) {
  const page = adminKit().html(
    lang,
    `agreements/import/${upload.id}`,
    importStrings(lang).title,
    <ImportStreamView lang={lang} progressSlot={PROGRESS_SLOT} outcomeSlot={OUTCOME_SLOT} />,
    { session },
  );
  const [head, rest] = page.split(PROGRESS_SLOT) as [string, string];
  const [middle, tail] = rest.split(OUTCOME_SLOT) as [string, string];
  const body = new PassThrough();
  body.write(head);
  let shown = '';
  const onProgress = (p: Progress) => {
    const step = `${p.phase}${Math.floor((p.done * 10) / Math.max(p.total, 1))}`;
    if (step === shown) return;
    shown = step;
    body.write(renderFragment(<ProgressLine lang={lang} progress={p} />));
  };
  void work(onProgress).finally(() => {
    body.write(middle);
    body.write(
      renderFragment(
        <ImportOutcome
          lang={lang}
          report={upload.state === 'done' ? upload.result : undefined}
          reportHref={`/admin/${lang}/agreements/import/${upload.id}`}
          level={2}
        />,
      ),
    );
    body.end(tail);
  });
  return reply
    .status(200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * The city picked for each row that asked for one, by the row's line; undefined when one is missing. Only the
 * candidates the check offered are taken: the form cannot name another place.
 */
function chosenPlaces(upload: Upload, form: Form): Map<number, number> | undefined {
  const choices = new Map<number, number>();
  for (const problem of upload.report.problems) {
    if (!problem.candidates?.length) continue;
    const raw = (form as Record<string, unknown>)[`place-${problem.line}`];
    const picked = problem.candidates.find((c) => String(c.geonamesId) === String(raw));
    if (!picked) return undefined;
    choices.set(problem.line, picked.geonamesId);
  }
  return choices;
}
