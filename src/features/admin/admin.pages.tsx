// The back-office's routes under /admin/{it,en}/. Handlers are thin: read the session, check CSRF and role,
// call one service, render. Every read and write runs as the user's institution under row-level security.
import multipart from '@fastify/multipart';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { guardCell } from '../../platform/csv.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import { renderFragment } from '../../views/render.ts';
import {
  actorOfSession,
  cookieOptions,
  LOGIN_CSRF_COOKIE,
  newToken,
  redirectToLogin,
  requireCsrf,
  SESSION_COOKIE,
  sameToken,
  sentCsrf,
  sessionOf,
  sessionToken,
  workplace,
} from '../accounts/accounts.http.ts';
import type { AccountsService, Session } from '../accounts/accounts.service.ts';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementChanges,
  RENEWALS,
  SECTORS,
  SORTS,
  STATUSES,
  TERMS,
} from '../agreements/agreements.schemas.ts';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.ts';
import { invitationPath } from '../invitations/invitations.pages.tsx';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import type { PlaceCandidate, PlacesService } from '../places/places.service.ts';
import {
  adminKit,
  type Form,
  field,
  fieldMessage,
  inputMessage,
  langOf,
  noticeOf,
  UUID,
} from './admin.kit.tsx';
import type { AdminService } from './admin.service.ts';
import { adminStrings } from './admin.strings.ts';
import {
  AgreementListView,
  AgreementView,
  AuditLogView,
  DashboardView,
  InstitutionsView,
  LoginForm,
  NewAgreementForm,
  type NewAgreementValues,
  type Notice,
  PasswordForm,
  PlaceCandidates,
  type StatusFormValues,
  UsersView,
} from './views/admin.tsx';
import {
  differingFields,
  EditAgreementForm,
  type EditConflict,
  type EditValues,
  editValuesOf,
} from './views/agreement-edit.tsx';

/**
 * A form field whole, NUL characters dropped: the service checks its length against the API's schema and
 * the page says which field is too long, rather than the form cutting what was typed.
 */
const whole = (form: Form | undefined, name: string) => field(form, name, Number.POSITIVE_INFINITY);

/** The form field an input error belongs to ("partner.country" -> "country", "signed.date" -> "signed"). */
function fieldOfInput(field: string | undefined): string {
  if (!field) return 'partner';
  if (field.startsWith('partner.country')) return 'country';
  if (field.startsWith('partner.geonamesId')) return 'geonamesId';
  if (field.startsWith('partner')) return 'partner';
  return field.split('.')[0]!;
}

/**
 * Reads (part of) an upload. A body that is not a whole multipart form, with no boundary in its content type or
 * cut short, makes the parser throw plain errors: the sender's fault, so a 400 naming the file, not a 500.
 */
async function received<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (isAppError(err) || (err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw err;
    throw new AppError('invalid_input', 'The upload is not a whole multipart/form-data form', {
      field: 'file',
      details: { reason: 'incomplete' },
      cause: err,
    });
  }
}

export function adminPages(deps: {
  accounts: AccountsService;
  admin: AdminService;
  invitations: InvitationsService;
  places: PlacesService;
  publicUrl: string;
  /** The sign-in button of the institution's identity provider, when one is configured. */
  oidcLink?: (lang: Lang) => { href: string; label: string } | undefined;
}) {
  const { accounts, admin, places } = deps;
  const cookies = cookieOptions();
  const { send } = adminKit();

  return async function routes(app: App) {
    await app.register(multipart);

    app.get('/admin', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/it/'));

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/login',
      { schema: { hide: true } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const preSession = newToken();
        const csrf = await accounts.signInFormToken(preSession);
        reply.setCookie(LOGIN_CSRF_COOKIE, preSession, { ...cookies, maxAge: 3600 });
        return send(
          reply,
          lang,
          'login',
          adminStrings(lang).signIn,
          <LoginForm lang={lang} csrf={csrf} oidc={deps.oidcLink?.(lang)} />,
        );
      },
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/login',
      { schema: { hide: true } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const t = adminStrings(lang);
        const email = String(request.body?.['email'] ?? '');
        const again = async (error: string, status: number) => {
          const preSession = newToken();
          const csrf = await accounts.signInFormToken(preSession);
          reply.setCookie(LOGIN_CSRF_COOKIE, preSession, { ...cookies, maxAge: 3600 });
          return send(
            reply,
            lang,
            'login',
            t.signIn,
            <LoginForm lang={lang} csrf={csrf} email={email} error={error} oidc={deps.oidcLink?.(lang)} />,
            {
              status,
            },
          );
        };
        if (!(await accounts.checkSignInForm(request.cookies[LOGIN_CSRF_COOKIE], sentCsrf(request))))
          return again(t.expiredForm, 403);
        try {
          const user = await accounts.authenticate(
            email,
            String(request.body?.['password'] ?? ''),
            request.ip,
          );
          const session = await accounts.createSession(user.id, { method: 'password', address: request.ip });
          reply.clearCookie(LOGIN_CSRF_COOKIE, cookies);
          reply.setCookie(SESSION_COOKIE, session.token, {
            ...cookies,
            expires: new Date(session.expiresAt),
          });
          return reply.redirect(`/admin/${lang}/`, 303);
        } catch (err) {
          if (isAppError(err) && err.code === 'unauthorized') return again(t.wrongCredentials, 401);
          if (isAppError(err) && err.code === 'rate_limited') return again(t.throttled, 429);
          throw err;
        }
      },
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/logout',
      { schema: { hide: true } },
      async (request, reply) => {
        const lang = langOf(request) ?? 'it';
        const session = await accounts.session(sessionToken(request));
        if (session) {
          requireCsrf(request, session);
          await accounts.endSession(sessionToken(request));
        }
        reply.clearCookie(SESSION_COOKIE, cookies);
        return redirectToLogin(reply, lang);
      },
    );

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        const data = await admin.dashboard(actorOfSession(session));
        return send(
          reply,
          lang,
          '',
          adminStrings(lang).dashboard,
          <DashboardView lang={lang} data={data} />,
          {
            session,
          },
        );
      },
    );

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
          adminStrings(lang).agreements,
          <AgreementListView lang={lang} items={page.items} filters={filters} nextCursor={page.nextCursor} />,
          { session },
        );
      },
    );

    async function agreementPage(
      _request: FastifyRequest,
      reply: FastifyReply,
      lang: Lang,
      session: Session,
      id: string,
      extra: {
        notice?: Notice;
        values?: StatusFormValues;
        fieldErrors?: Record<string, string>;
        attachmentError?: string;
        status?: number;
      } = {},
    ) {
      const { agreement, audit, attachments } = await admin.agreement(actorOfSession(session), id);
      const canWrite = workplace(session).role !== 'viewer';
      return send(
        reply,
        lang,
        `agreements/${id}`,
        adminStrings(lang).agreements,
        <AgreementView
          lang={lang}
          agreement={agreement}
          audit={audit}
          attachments={attachments}
          session={session}
          canWrite={canWrite}
          {...(extra.values ? { values: extra.values } : {})}
          {...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {})}
          {...(extra.attachmentError ? { attachmentError: extra.attachmentError } : {})}
        />,
        {
          session,
          ...(extra.notice ? { notice: extra.notice } : {}),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
    }

    // The gazetteer as the partner field is typed (htmx swaps this fragment in under the field).
    app.get<{ Params: { lang: string }; Querystring: Form }>(
      '/admin/:lang/places',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const _session = sessionOf(request);
        const name = String(request.query['partner'] ?? '')
          .trim()
          .slice(0, 200);
        const country = String(request.query['country'] ?? '')
          .trim()
          .slice(0, 100);
        reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
        if (name.length < 2) return reply.send('');
        const result = await places.lookup({ name, ...(country ? { country } : {}) });
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

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/agreements/new',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        return send(
          reply,
          lang,
          'agreements/new',
          adminStrings(lang).newAgreement,
          <NewAgreementForm lang={lang} session={session} />,
          {
            session,
          },
        );
      },
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/agreements/new',
      { schema: { hide: true }, config: { access: 'editor' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        const t = adminStrings(lang);
        const b = request.body ?? {};
        const values: NewAgreementValues = {
          kind: whole(b, 'kind'),
          partner: whole(b, 'partner'),
          country: whole(b, 'country'),
          geonamesId: whole(b, 'geonamesId'),
          signed: whole(b, 'signed'),
          descriptionIt: whole(b, 'descriptionIt'),
          descriptionEn: whole(b, 'descriptionEn'),
        };
        // The answer to the one-twinning-per-country warning: a friendship pact instead, or a twinning anyway.
        const answer = whole(b, 'twinningRule');
        if (answer === 'friendship_pact') values.kind = 'friendship_pact';
        const again = (
          extra: Pick<
            Parameters<typeof NewAgreementForm>[0],
            'candidates' | 'fieldErrors' | 'twinningsInCountry'
          >,
          status: number,
          notice?: Notice,
        ) =>
          send(
            reply,
            lang,
            'agreements/new',
            t.newAgreement,
            <NewAgreementForm lang={lang} session={session} values={values} {...extra} />,
            { session, status, ...(notice ? { notice } : {}) },
          );
        try {
          requireCsrf(request, session);
          if (!values.partner) throw AppError.invalid('partner', 'name the partner city');
          const geonamesId = /^\d+$/.test(values.geonamesId ?? '') ? Number(values.geonamesId) : undefined;
          const created = await admin.create(
            actorOfSession(session),
            {
              kind: values.kind as never,
              partner: {
                type: 'city',
                name: values.partner,
                ...(values.country ? { country: values.country } : {}),
                ...(geonamesId ? { geonamesId } : {}),
              },
              ...(values.signed ? { signed: { date: values.signed } } : {}),
              ...(values.descriptionIt ? { descriptionIt: values.descriptionIt } : {}),
              ...(values.descriptionEn ? { descriptionEn: values.descriptionEn } : {}),
            },
            { checkTwinningRule: answer !== 'twinning' },
          );
          return reply.redirect(`/admin/${lang}/agreements/${created.id}?saved=1`, 303);
        } catch (err) {
          if (!isAppError(err)) throw err;
          const notice = noticeOf(err, lang);
          if (notice) return again({}, 403, notice);
          if (err.code === 'conflict' && err.details?.['reason'] === 'one_twinning_per_country') {
            const existing = (err.details['existing'] as string[] | undefined) ?? [];
            return again({ twinningsInCountry: existing }, 409, {
              kind: 'warning',
              text: t.twinningRule.warning(existing),
            });
          }
          if (err.code === 'ambiguous_place') {
            const list = (err.details?.['candidates'] as PlaceCandidate[] | undefined) ?? [];
            return again(
              { candidates: { list, ambiguous: true }, fieldErrors: { geonamesId: t.chooseCity } },
              422,
            );
          }
          const field = fieldOfInput(err.field);
          return again({ fieldErrors: { [field]: inputMessage(lang, field, err) } }, 400);
        }
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
          request.query['saved'] === '1' ? { kind: 'success', text: adminStrings(lang).saved } : undefined;
        return agreementPage(request, reply, lang, session, request.params.id, notice ? { notice } : {});
      },
    );

    /** Runs a write from a form; answers with the page again, explaining what went wrong, or redirects. */
    async function write(
      request: FastifyRequest<{ Params: { lang: string; id: string }; Body: Form }>,
      reply: FastifyReply,
      fn: (session: Session, version: number) => Promise<unknown>,
      values?: StatusFormValues,
    ) {
      const lang = langOf(request);
      const { id } = request.params;
      if (!lang || !UUID.test(id)) return reply.callNotFound();
      const session = sessionOf(request);
      const t = adminStrings(lang);
      try {
        requireCsrf(request, session);
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
          return agreementPage(request, reply, lang, session, id, {
            ...withValues,
            notice: { kind: 'warning', text: `${t.conflict} ${mine.join('; ') || request.url}` },
            status: 409,
          });
        }
        const notice = noticeOf(err, lang);
        if (notice)
          return agreementPage(request, reply, lang, session, id, { ...withValues, notice, status: 403 });
        const field = err.field ?? 'status';
        return agreementPage(request, reply, lang, session, id, {
          ...withValues,
          fieldErrors: { [field]: inputMessage(lang, field, err) },
          status: 400,
        });
      }
    }

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
              },
              version,
            );
          },
          values,
        );
      },
    );

    /** The edit form's fields, as sent; nothing is dropped, so a refused form comes back as it was typed. */
    function editValuesFrom(b: Form | undefined): EditValues {
      const raw = (b as Record<string, unknown> | undefined)?.['sectors'];
      const sectors = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
      return {
        kind: whole(b, 'kind'),
        signed: whole(b, 'signed'),
        signedSource: whole(b, 'signedSource'),
        ratified: whole(b, 'ratified'),
        ratifiedSource: whole(b, 'ratifiedSource'),
        signedPlace: whole(b, 'signedPlace'),
        term: whole(b, 'term'),
        endsOn: whole(b, 'endsOn'),
        renewal: whole(b, 'renewal'),
        renewalYears: whole(b, 'renewalYears'),
        sectors,
        titleIt: whole(b, 'titleIt'),
        titleEn: whole(b, 'titleEn'),
        descriptionIt: whole(b, 'descriptionIt'),
        descriptionEn: whole(b, 'descriptionEn'),
        unit: whole(b, 'unit'),
        sources: whole(b, 'sources'),
      };
    }

    /** The form's values as the changes the service takes; a value it cannot be is refused by field. */
    function changesOf(v: EditValues, stored: Agreement): AgreementChanges {
      const oneOf = <T extends string>(value: string, allowed: readonly T[], name: string): T => {
        if (!(allowed as readonly string[]).includes(value)) throw AppError.invalid(name, `choose a ${name}`);
        return value as T;
      };
      const years = v.renewalYears ? Number(v.renewalYears) : undefined;
      if (years !== undefined && !(Number.isInteger(years) && years >= 1 && years <= 50)) {
        throw AppError.invalid('renewalYears', 'renewal years must be a whole number from 1 to 50');
      }
      const term = oneOf(v.term, TERMS, 'term');
      const sources = v.sources
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [url = '', ...rest] = line.split(/\s+/);
          const problem = webUrlProblem(url);
          if (problem) throw AppError.invalid('sources', problem);
          const note = rest.join(' ').trim();
          // A line left as the form showed it keeps the stored source whole (its title and note apart).
          const same = stored.sources.find((s) => s.url === url && (s.note ?? s.title ?? '') === note);
          return same ?? { url, ...(note ? { note } : {}) };
        });
      return {
        kind: oneOf(v.kind, AGREEMENT_KINDS, 'kind'),
        signed: { date: v.signed || null, ...(v.signedSource ? { source: v.signedSource } : {}) },
        ratified: { date: v.ratified || null, ...(v.ratifiedSource ? { source: v.ratifiedSource } : {}) },
        signedPlace: v.signedPlace,
        term: {
          type: term,
          ...(v.endsOn || term === 'fixed' ? { endsOn: v.endsOn || null } : {}),
          ...(term === 'fixed' ? { renewal: oneOf(v.renewal, RENEWALS, 'renewal') } : {}),
          ...(term === 'fixed' && years ? { renewalYears: years } : {}),
        },
        sectors: v.sectors.map((s) => oneOf(s, SECTORS, 'sectors')),
        titleIt: v.titleIt,
        titleEn: v.titleEn,
        descriptionIt: v.descriptionIt,
        descriptionEn: v.descriptionEn,
        unit: v.unit,
        sources,
      };
    }

    /**
     * The form field an edit error belongs to ("term.endsOn" -> "endsOn", "signed.date" -> "signed",
     * "signed.source" -> "signedSource").
     */
    const editFieldOf = (name: string | undefined) => {
      if (!name) return 'kind';
      if (name.startsWith('term.')) return name.slice(5);
      const [head = 'kind', leaf] = name.split('.');
      return leaf === 'source' && (head === 'signed' || head === 'ratified') ? `${head}Source` : head;
    };

    async function editPage(
      reply: FastifyReply,
      lang: Lang,
      session: Session,
      id: string,
      extra: {
        values?: EditValues;
        fieldErrors?: Record<string, string>;
        status?: number;
        conflict?: boolean;
      } = {},
    ) {
      const { agreement, units } = await admin.agreementForEdit(actorOfSession(session), id);
      const stored = editValuesOf(agreement);
      const values = extra.values ?? stored;
      const conflict: EditConflict | undefined = extra.conflict
        ? { stored, fields: differingFields(values, stored) }
        : undefined;
      const t = adminStrings(lang);
      return send(
        reply,
        lang,
        `agreements/${id}/edit`,
        t.edit.editLink,
        <EditAgreementForm
          lang={lang}
          session={session}
          agreement={agreement}
          units={units}
          values={values}
          version={agreement.version}
          {...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {})}
          {...(conflict ? { conflict } : {})}
        />,
        {
          session,
          ...(extra.status ? { status: extra.status } : {}),
          ...(conflict ? { notice: { kind: 'warning' as const, text: t.edit.conflictTitle } } : {}),
        },
      );
    }

    app.get<{ Params: { lang: string; id: string } }>(
      '/admin/:lang/agreements/:id/edit',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang || !UUID.test(request.params.id)) return reply.callNotFound();
        const session = sessionOf(request);
        return editPage(reply, lang, session, request.params.id);
      },
    );

    app.post<{ Params: { lang: string; id: string }; Body: Form }>(
      '/admin/:lang/agreements/:id/edit',
      { schema: { hide: true }, config: { access: 'editor' } },
      async (request, reply) => {
        const lang = langOf(request);
        const { id } = request.params;
        if (!lang || !UUID.test(id)) return reply.callNotFound();
        const session = sessionOf(request);
        const values = editValuesFrom(request.body);
        try {
          requireCsrf(request, session);
          const version = Number(request.body?.['version']);
          if (!Number.isInteger(version)) throw AppError.invalid('version', 'version is missing');
          const changes = (stored: Agreement) => changesOf(values, stored);
          await admin.edit(actorOfSession(session), id, { changes }, version);
          return reply.redirect(`/admin/${lang}/agreements/${id}?saved=1`, 303);
        } catch (err) {
          if (!isAppError(err) || err.code === 'not_found') throw err;
          if (err.code === 'version_conflict') {
            return editPage(reply, lang, session, id, { values, conflict: true, status: 409 });
          }
          const notice = noticeOf(err, lang);
          if (notice)
            return send(reply, lang, `agreements/${id}/edit`, notice.text, <p>{notice.text}</p>, {
              session,
              notice,
              status: 403,
            });
          const name = editFieldOf(err.field);
          return editPage(reply, lang, session, id, {
            values,
            fieldErrors: { [name]: inputMessage(lang, name, err) },
            status: 400,
          });
        }
      },
    );

    app.post<{ Params: { lang: string; id: string } }>(
      '/admin/:lang/agreements/:id/attachments',
      { schema: { hide: true }, config: { access: 'editor', csrf: 'in-handler' } },
      async (request, reply) => {
        const lang = langOf(request);
        const { id } = request.params;
        if (!lang || !UUID.test(id)) return reply.callNotFound();
        const session = sessionOf(request);
        const t = adminStrings(lang);
        let filename = '';
        try {
          if (!request.isMultipart()) throw AppError.invalid('file', 'send the file as multipart/form-data');
          // The token comes before the file in the form, so it is known before any byte is kept.
          const part = await received(() =>
            request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
          );
          const csrf = part?.fields['_csrf'];
          const token = csrf && !Array.isArray(csrf) && csrf.type === 'field' ? csrf.value : undefined;
          if (!sameToken(token, session.csrfToken)) {
            throw new AppError(
              'forbidden',
              'The form has expired or did not come from this site: reload the page',
            );
          }
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
          if (notice) return agreementPage(request, reply, lang, session, id, { notice, status: 403 });
          const incomplete = isAppError(err) && err.details?.['reason'] === 'incomplete';
          return agreementPage(request, reply, lang, session, id, {
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
          requireCsrf(request, session);
          await admin.removeAttachment(actorOfSession(session), id, attachment);
          return reply.redirect(`/admin/${lang}/agreements/${id}?saved=1`, 303);
        } catch (err) {
          const notice = noticeOf(err, lang);
          if (!notice) throw err;
          return agreementPage(request, reply, lang, session, id, { notice, status: 403 });
        }
      },
    );

    async function usersPage(
      reply: FastifyReply,
      lang: Lang,
      session: Session,
      extra: {
        notice?: Notice;
        fieldErrors?: Record<string, string>;
        status?: number;
        query?: Form;
      } = {},
    ) {
      const actor = actorOfSession(session);
      const q = extra.query ?? {};
      const role = field(q, 'role');
      const sort = field(q, 'sort');
      const filters = {
        q: field(q, 'q', 200),
        role: ['admin', 'editor', 'viewer'].includes(role) ? role : '',
        sort: ['email', 'name', 'role'].includes(sort) ? sort : 'email',
      };
      const page = Number(field(q, 'page', 6)) || 1;
      const users = await admin.listUsers(actor, { ...filters, page });
      const data = {
        ...users,
        filters,
        tokens: await admin.listTokens(actor),
        invitations: await deps.invitations.pending(actor),
      };
      return send(
        reply,
        lang,
        'users',
        adminStrings(lang).users,
        <UsersView
          lang={lang}
          session={session}
          data={data}
          {...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {})}
        />,
        {
          session,
          ...(extra.notice ? { notice: extra.notice } : {}),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
    }

    /** A refusal (role, stale form) as a page of its own. */
    const refused = (reply: FastifyReply, lang: Lang, session: Session, notice: Notice) =>
      send(reply, lang, 'users', adminStrings(lang).users, <p>{notice.text}</p>, {
        session,
        notice,
        status: 403,
      });

    /** Runs an admin's action from the users page, then shows the page with its outcome. */
    async function usersAction(
      request: FastifyRequest,
      reply: FastifyReply,
      fn: (session: Session, lang: Lang) => Promise<Notice & { status?: number }>,
    ) {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      try {
        requireCsrf(request, session);
        const { status, ...notice } = await fn(session, lang);
        return await usersPage(reply, lang, session, { notice, ...(status ? { status } : {}) });
      } catch (err) {
        if (!isAppError(err)) throw err;
        const notice = noticeOf(err, lang);
        if (notice) return refused(reply, lang, session, notice);
        if (err.code === 'not_found') throw err;
        const field = err.field ?? 'email';
        const message =
          err.code === 'conflict' && field === 'email'
            ? `${adminStrings(lang).fieldError}: ${adminStrings(lang).alreadyHere(String(request.body && (request.body as Form)['email']))}`
            : fieldMessage(lang, field, err.message);
        return usersPage(reply, lang, session, {
          fieldErrors: {
            [field === 'name' && request.url.endsWith('/tokens') ? 'tokenName' : field]: message,
          },
          status: err.status,
        });
      }
    }

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/users',
      { schema: { hide: true }, config: { access: 'admin' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        try {
          return await usersPage(reply, lang, session, { query: request.query as Form });
        } catch (err) {
          const notice = noticeOf(err, lang);
          if (!notice) throw err;
          return refused(reply, lang, session, notice);
        }
      },
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/users',
      { schema: { hide: true }, config: { access: 'admin' } },
      async (request, reply) =>
        usersAction(request, reply, async (session, lang) => {
          const b = request.body ?? {};
          const role = String(b['role'] ?? '');
          if (role !== 'admin' && role !== 'editor' && role !== 'viewer') {
            throw AppError.invalid('role', 'choose a role');
          }
          const email = field(b, 'email', 300);
          const { token, expiresAt } = await deps.invitations.invite(actorOfSession(session), {
            email,
            name: field(b, 'name', 300),
            role,
          });
          const link = `${deps.publicUrl}${invitationPath(lang, token)}`;
          return { kind: 'success', text: adminStrings(lang).invited(email, link, expiresAt) };
        }),
    );

    app.post<{ Params: { lang: string; id: string }; Body: Form }>(
      '/admin/:lang/invitations/:id/withdraw',
      { schema: { hide: true }, config: { access: 'admin' } },
      async (request, reply) =>
        usersAction(request, reply, async (session, lang) => {
          await deps.invitations.withdraw(actorOfSession(session), request.params.id);
          return { kind: 'success', text: adminStrings(lang).invitationWithdrawn };
        }),
    );

    app.post<{ Params: { lang: string; id: string }; Body: Form }>(
      '/admin/:lang/users/:id/role',
      { schema: { hide: true }, config: { access: 'admin' } },
      async (request, reply) =>
        usersAction(request, reply, async (session, lang) => {
          const t = adminStrings(lang);
          if (!UUID.test(request.params.id)) throw AppError.notFound('User', request.params.id);
          const raw = field(request.body, 'role');
          if (raw !== '' && raw !== 'admin' && raw !== 'editor' && raw !== 'viewer') {
            throw AppError.invalid('role', 'choose a role');
          }
          const version = Number(field(request.body, 'version'));
          try {
            await admin.setUserRole(actorOfSession(session), request.params.id, raw || null, version);
          } catch (err) {
            if (isAppError(err) && err.code === 'conflict') {
              return { kind: 'danger', text: t.lastAdmin, status: 409 };
            }
            if (isAppError(err) && err.code === 'version_conflict') {
              return { kind: 'warning', text: t.userChanged, status: 409 };
            }
            throw err;
          }
          return { kind: 'success', text: raw ? t.roleSaved : t.accessRemoved };
        }),
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/tokens',
      { schema: { hide: true }, config: { access: 'admin' } },
      async (request, reply) =>
        usersAction(request, reply, async (session, lang) => {
          const b = request.body ?? {};
          const scope = b['scope'] === 'write' ? 'write' : 'read';
          const { token } = await admin.createToken(actorOfSession(session), {
            name: String(b['tokenName'] ?? ''),
            scope,
          });
          return { kind: 'success', text: adminStrings(lang).tokenCreated(token) };
        }),
    );

    app.post<{ Params: { lang: string; id: string }; Body: Form }>(
      '/admin/:lang/tokens/:id/revoke',
      { schema: { hide: true }, config: { access: 'admin' } },
      async (request, reply) =>
        usersAction(request, reply, async (session, lang) => {
          await admin.revokeToken(actorOfSession(session), request.params.id);
          return { kind: 'success', text: adminStrings(lang).saved };
        }),
    );

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/institutions',
      { schema: { hide: true }, config: { access: 'signedIn' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        const rows = await admin.workplaces(session.user);
        const current =
          session.chosen || session.user.roles.length > 0 ? workplace(session).institutionSlug : undefined;
        return send(
          reply,
          lang,
          'institutions',
          adminStrings(lang).workplaces.title,
          <InstitutionsView lang={lang} session={session} rows={rows} {...(current ? { current } : {})} />,
          { session },
        );
      },
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/institutions',
      { schema: { hide: true }, config: { access: 'signedIn' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        try {
          requireCsrf(request, session);
          await accounts.chooseInstitution(sessionToken(request), field(request.body, 'institution', 100));
          return reply.redirect(`/admin/${lang}/`, 303);
        } catch (err) {
          const notice = noticeOf(err, lang);
          if (!notice) throw err;
          const rows = await admin.workplaces(session.user);
          return send(
            reply,
            lang,
            'institutions',
            adminStrings(lang).workplaces.title,
            <InstitutionsView lang={lang} session={session} rows={rows} />,
            { session, notice, status: 403 },
          );
        }
      },
    );

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/audit',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        const rows = await admin.auditLog(actorOfSession(session), 200);
        return send(
          reply,
          lang,
          'audit',
          adminStrings(lang).auditTitle,
          <AuditLogView lang={lang} rows={rows} />,
          {
            session,
          },
        );
      },
    );

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/audit.csv',
      { schema: { hide: true }, config: { access: 'viewer' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        const rows = await admin.auditLog(actorOfSession(session), 100_000);
        const csv = stringify(
          rows.map((r) =>
            Object.fromEntries(
              Object.entries({
                at: r.at,
                actor: r.actor,
                action: r.action,
                entity: r.entity,
                entity_id: r.entityId,
                before: r.before === null ? '' : JSON.stringify(r.before),
                after: r.after === null ? '' : JSON.stringify(r.after),
              }).map(([k, v]) => [k, guardCell(String(v))]),
            ),
          ),
          { header: true, columns: ['at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'] },
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="audit-${workplace(session).institutionSlug}.csv"`,
          )
          .header('cache-control', 'no-store')
          .send(`\ufeff${csv}`);
      },
    );

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/password',
      { schema: { hide: true }, config: { access: 'signedIn' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        return send(
          reply,
          lang,
          'password',
          adminStrings(lang).changePassword,
          <PasswordForm lang={lang} session={session} />,
          {
            session,
          },
        );
      },
    );

    app.post<{ Params: { lang: string }; Body: Form }>(
      '/admin/:lang/password',
      { schema: { hide: true }, config: { access: 'signedIn' } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const session = sessionOf(request);
        const t = adminStrings(lang);
        try {
          requireCsrf(request, session);
          await accounts.changePassword(
            session.user.id,
            String(request.body?.['current'] ?? ''),
            String(request.body?.['next'] ?? ''),
            sessionToken(request),
          );
          return send(
            reply,
            lang,
            'password',
            t.changePassword,
            <PasswordForm lang={lang} session={session} />,
            {
              session,
              notice: { kind: 'success', text: t.passwordChanged },
            },
          );
        } catch (err) {
          if (!isAppError(err)) throw err;
          const notice = noticeOf(err, lang);
          const field = err.field ?? 'current';
          const fieldErrors = notice ? {} : { [field]: fieldMessage(lang, field, err.message) };
          return send(
            reply,
            lang,
            'password',
            t.changePassword,
            <PasswordForm lang={lang} session={session} fieldErrors={fieldErrors} />,
            { session, ...(notice ? { notice } : {}), status: notice ? err.status : 400 },
          );
        }
      },
    );
  };
}
