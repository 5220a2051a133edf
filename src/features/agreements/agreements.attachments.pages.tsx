// An agreement's attachments: uploading a file (a multipart form whose CSRF token comes before the file, so
// it is checked before any byte is kept), downloading one, deleting one.
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import { received, uploadedFile } from '../admin/admin.forms.tsx';
import { type Form, fieldMessage, langOf, noticeOf, UUID } from '../admin/admin.kit.tsx';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.ts';
import type { AgreementsAdmin } from './agreements.admin.ts';
import type { AgreementPage } from './agreements.record-page.tsx';
import { agreementsStrings } from './agreements.strings.ts';

export function attachmentRoutes(app: App, admin: AgreementsAdmin, shown: AgreementPage) {
  app.post<{ Params: { lang: string; id: string } }>(
    '/admin/:lang/agreements/:id/attachments',
    { schema: { hide: true }, config: { access: 'editor', csrf: 'in-handler' } },
    async (request, reply) => {
      const lang = langOf(request);
      const { id } = request.params;
      if (!lang || !UUID.test(id)) return reply.callNotFound();
      const session = sessionOf(request);
      const t = agreementsStrings(lang);
      let filename = '';
      try {
        const part = await uploadedFile(request, session, MAX_ATTACHMENT_BYTES);
        if (!part?.filename) throw AppError.invalid('file', 'choose a file');
        filename = part.filename;
        const bytes = await received(() => part.toBuffer());
        if (part.file.truncated) throw AppError.invalid('file', 'the file is larger than 10 MB');
        await admin.addAttachment(actorOfSession(session), id, { filename, bytes });
        return reply.redirect(`/admin/${lang}/agreements/${id}?saved=1`, 303);
      } catch (err) {
        const tooBig = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        if (!tooBig && (!isAppError(err) || err.code === 'not_found')) throw err;
        const notice = tooBig ? undefined : noticeOf(err, lang);
        if (notice) return shown(reply, lang, session, id, { notice, status: 403 });
        const incomplete = isAppError(err) && err.details?.['reason'] === 'incomplete';
        return shown(reply, lang, session, id, {
          attachmentError: incomplete
            ? `${t.fieldError}: ${t.attachments.incomplete}`
            : fieldMessage(lang, 'file', tooBig ? 'too big' : (err as Error).message),
          notice: { kind: 'danger', text: `${t.fieldError}: ${filename || t.attachments.file}` },
          status: tooBig ? 413 : 400,
        });
      }
    },
  );

  app.get<{ Params: { lang: string; id: string } }>(
    '/admin/:lang/attachments/:id',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang || !UUID.test(request.params.id)) return reply.callNotFound();
      const session = sessionOf(request);
      const file = await admin.attachment(actorOfSession(session), request.params.id);
      // The type was detected from the content when stored; nosniff and the attachment disposition keep a
      // browser from reading it as anything else.
      return reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(file.bytes);
    },
  );

  app.post<{ Params: { lang: string; id: string; attachment: string }; Body: Form }>(
    '/admin/:lang/agreements/:id/attachments/:attachment/delete',
    { schema: { hide: true }, config: { access: 'editor' } },
    async (request, reply) => {
      const lang = langOf(request);
      const { id, attachment } = request.params;
      if (!lang || !UUID.test(id) || !UUID.test(attachment)) return reply.callNotFound();
      const session = sessionOf(request);
      try {
        await admin.removeAttachment(actorOfSession(session), id, attachment);
        return reply.redirect(`/admin/${lang}/agreements/${id}?saved=1`, 303);
      } catch (err) {
        const notice = noticeOf(err, lang);
        if (!notice) throw err;
        return shown(reply, lang, session, id, { notice, status: 403 });
      }
    },
  );
}
