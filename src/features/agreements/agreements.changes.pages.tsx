// The one-form changes of an agreement's page: publish or withdraw, the "to verify" mark, a status change
// (or a rejected motion). Each saves at the version the page showed and comes back to the page, with the
// reason when it was refused.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { type Form, inputMessage, langOf, noticeOf, UUID } from '../admin/admin.kit.tsx';
import type { AgreementsAdmin } from './agreements.admin.ts';
import { type AgreementPage, whole } from './agreements.record-page.tsx';
import { STATUSES } from './agreements.schemas.ts';
import { agreementsStrings } from './agreements.strings.ts';
import type { StatusFormValues } from './views/agreements.tsx';

/** Runs a write from a form; answers with the page again, explaining what went wrong, or redirects. */
const writer =
  (shown: AgreementPage) =>
  async (
    request: FastifyRequest<{ Params: { lang: string; id: string }; Body: Form }>,
    reply: FastifyReply,
    fn: (session: Session, version: number) => Promise<unknown>,
    values?: StatusFormValues,
  ) => {
    const lang = langOf(request);
    const { id } = request.params;
    if (!lang || !UUID.test(id)) return reply.callNotFound();
    const session = sessionOf(request);
    const t = agreementsStrings(lang);
    try {
      const version = Number(request.body?.['version']);
      if (!Number.isInteger(version)) throw AppError.invalid('version', 'version is missing');
      await fn(session, version);
      return reply.redirect(`/admin/${lang}/agreements/${id}?saved=1`, 303);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'not_found') throw err;
      const withValues = values ? { values } : {};
      if (err.code === 'version_conflict') {
        const mine = values
          ? Object.entries(values)
              .filter(([, v]) => v)
              .map(([k, v]) => `${k}: ${v}`)
          : [];
        return shown(reply, lang, session, id, {
          ...withValues,
          notice: { kind: 'warning', text: `${t.conflict} ${mine.join('; ') || request.url}` },
          status: 409,
        });
      }
      const notice = noticeOf(err, lang);
      if (notice) return shown(reply, lang, session, id, { ...withValues, notice, status: 403 });
      const transition =
        err.details?.['reason'] === 'needs_confirmation' ? err.details['transition'] : undefined;
      if (values && typeof transition === 'string') {
        // Not an error in what was typed: the page asks to confirm, keeping every value.
        const confirming = transition as NonNullable<StatusFormValues['confirming']>;
        return shown(reply, lang, session, id, { values: { ...values, confirming }, status: 400 });
      }
      // A field inside a list ("sources.1.url") is shown at the form field that holds the list.
      const field = err.field?.split('.')[0] ?? 'status';
      return shown(reply, lang, session, id, {
        ...withValues,
        fieldErrors: { [field]: inputMessage(lang, field, err) },
        status: 400,
      });
    }
  };

export function changeRoutes(app: App, admin: AgreementsAdmin, shown: AgreementPage) {
  const write = writer(shown);

  app.post<{ Params: { lang: string; id: string }; Body: Form }>(
    '/admin/:lang/agreements/:id/publish',
    { schema: { hide: true }, config: { access: 'editor' } },
    async (request, reply) =>
      write(request, reply, (session, version) =>
        admin.setPublished(
          actorOfSession(session),
          request.params.id,
          request.body?.['published'] === 'true',
          version,
        ),
      ),
  );

  app.post<{ Params: { lang: string; id: string }; Body: Form }>(
    '/admin/:lang/agreements/:id/verify',
    { schema: { hide: true }, config: { access: 'editor' } },
    async (request, reply) =>
      write(request, reply, (session, version) =>
        admin.setToVerify(
          actorOfSession(session),
          request.params.id,
          request.body?.['toVerify'] === 'true',
          version,
        ),
      ),
  );

  app.post<{ Params: { lang: string; id: string }; Body: Form }>(
    '/admin/:lang/agreements/:id/status',
    { schema: { hide: true }, config: { access: 'editor' } },
    async (request, reply) => {
      const b = request.body ?? {};
      const values: StatusFormValues = {
        status: whole(b, 'status'),
        date: whole(b, 'date'),
        reasonIt: whole(b, 'reasonIt'),
        reasonEn: whole(b, 'reasonEn'),
        act: whole(b, 'act'),
        sources: whole(b, 'sources'),
        rejected: b['rejected'] === 'yes',
      };
      return write(
        request,
        reply,
        (session, version) => {
          if (!(STATUSES as readonly string[]).includes(values.status ?? '')) {
            throw AppError.invalid('status', 'choose a status from the list');
          }
          return admin.recordStatus(
            actorOfSession(session),
            request.params.id,
            {
              status: values.status as (typeof STATUSES)[number],
              outcome: values.rejected ? 'rejected' : 'approved',
              date: values.date || null,
              ...(values.reasonIt ? { reasonIt: values.reasonIt } : {}),
              ...(values.reasonEn ? { reasonEn: values.reasonEn } : {}),
              ...(values.act ? { act: values.act } : {}),
              ...(values.sources ? { sources: sourcesFromLines(values.sources) } : {}),
            },
            version,
            { confirmed: b['confirm'] === 'yes' },
          );
        },
        values,
      );
    },
  );
}
