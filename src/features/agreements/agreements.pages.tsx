// The agreements' back-office pages under /admin/{it,en}/agreements: the list, an agreement's page, the
// gazetteer's candidates as the partner city is typed, and (in their own files) the new-agreement form, the
// edit form, the one-button changes (publish, "to verify", status) and the attachments. Thin handlers: read
// the session, call one function of the agreements' admin service (agreements.admin.ts), render.
import multipart from '@fastify/multipart';
import type { Services } from '../../deps.ts';
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { renderFragment } from '../../views/render.ts';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import type { Notice } from '../admin/admin.kit.tsx';
import { adminKit, type Form, field, langOf, UUID } from '../admin/admin.kit.tsx';
import type { AgreementsAdmin } from './agreements.admin.ts';
import { attachmentRoutes } from './agreements.attachments.pages.tsx';
import { changeRoutes } from './agreements.changes.pages.tsx';
import { editRoutes } from './agreements.edit.pages.tsx';
import { importRoutes } from './agreements.import.pages.tsx';
import { newAgreementRoutes } from './agreements.new.pages.tsx';
import { type AgreementPage, agreementPage } from './agreements.record-page.tsx';
import { AGREEMENT_KINDS, SORTS, STATUSES } from './agreements.schemas.ts';
import { agreementsStrings } from './agreements.strings.ts';
import { PlaceCandidates } from './views/agreement-new.tsx';
import { AgreementListView } from './views/agreements.tsx';

export function agreementsPages(services: Services) {
  const admin = services.agreementsAdmin;
  const shown = agreementPage(admin);

  return async function routes(app: App) {
    // Attachments come as multipart forms.
    await app.register(multipart);
    listRoutes(app, admin, shown);
    app.get<{ Params: { lang: string }; Querystring: Form }>(
      '/admin/:lang/places',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        // The gazetteer as the partner field is typed (htmx swaps this fragment in under the field).
        const name = String(request.query['partner'] ?? '')
          .trim()
          .slice(0, 200);
        const country = String(request.query['country'] ?? '')
          .trim()
          .slice(0, 100);
        reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
        if (name.length < 2) return reply.send('');
        const result = await services.places.lookup({ name, ...(country ? { country } : {}) });
        return reply.send(
          renderFragment(
            <PlaceCandidates
              lang={lang}
              candidates={result.candidates}
              ambiguous={result.status !== 'matched'}
            />,
          ),
        );
      },
    );
    newAgreementRoutes(app, admin);
    changeRoutes(app, admin, shown);
    editRoutes(app, admin);
    attachmentRoutes(app, admin, shown);
    importRoutes(app, services.importAgreementsAs);
  };
}

/** The list of the institution's agreements and an agreement's page. */
function listRoutes(app: App, admin: AgreementsAdmin, shown: AgreementPage) {
  const { send } = adminKit();

  app.get<{ Params: { lang: string }; Querystring: Form }>(
    '/admin/:lang/agreements',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const pick = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
      const filters = {
        q: field(request.query, 'q', 200),
        status: pick(field(request.query, 'status'), STATUSES),
        kind: pick(field(request.query, 'kind'), AGREEMENT_KINDS),
        sort: pick(field(request.query, 'sort'), SORTS) || 'name',
        cursor: field(request.query, 'cursor', 500),
      };
      let page: Awaited<ReturnType<typeof admin.listAgreements>>;
      try {
        page = await admin.listAgreements(actorOfSession(session), { ...filters, lang });
      } catch (err) {
        // A cursor that was tampered with, or belongs to another sort: start from the first page.
        if (!isAppError(err) || err.code !== 'invalid_input' || !filters.cursor) throw err;
        filters.cursor = '';
        page = await admin.listAgreements(actorOfSession(session), { ...filters, lang });
      }
      return send(
        reply,
        lang,
        'agreements',
        agreementsStrings(lang).agreements,
        <AgreementListView lang={lang} items={page.items} filters={filters} nextCursor={page.nextCursor} />,
        { session },
      );
    },
  );

  app.get<{ Params: { lang: string; id: string }; Querystring: Form }>(
    '/admin/:lang/agreements/:id',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang || !UUID.test(request.params.id)) return reply.callNotFound();
      const session = sessionOf(request);
      const notice: Notice | undefined =
        request.query['saved'] === '1' ? { kind: 'success', text: agreementsStrings(lang).saved } : undefined;
      return shown(reply, lang, session, request.params.id, notice ? { notice } : {});
    },
  );
}
