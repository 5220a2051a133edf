// The agreement's edit form: every field but the partner and the status history. A refused save shows the
// form again as it was typed, with the field's error, or both versions after a stale save.

import type { FastifyReply } from 'fastify';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { adminKit, type Form, fieldList, inputMessage, langOf, noticeOf, UUID } from '../admin/admin.kit.tsx';
import type { AgreementsAdmin } from './agreements.admin.ts';
import { whole } from './agreements.record-page.tsx';
import type { Agreement, AgreementChanges } from './agreements.schemas.ts';
import { agreementsStrings } from './agreements.strings.ts';
import {
  differingFields,
  EditAgreementForm,
  type EditConflict,
  type EditValues,
  editValuesOf,
} from './views/agreement-edit.tsx';

/** The edit form's fields, as sent; nothing is dropped, so a refused form comes back as it was typed. */
function editValuesFrom(b: Form | undefined): EditValues {
  const sectors = fieldList(b, 'sectors');
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

/**
 * The form's values in the shape of the API's changes, as typed: the service checks them against the same
 * schema as PATCH /agreements/{id} (AgreementChanges), so a kind, term, renewal, sector, number of years or
 * source address it cannot be is refused there, naming the field, and this page keeps no second copy of the
 * rules.
 */
function changesOf(v: EditValues, stored: Agreement): AgreementChanges {
  type Changes = Required<AgreementChanges>;
  const term = v.term as Changes['term']['type'];
  const sources = sourcesFromLines(v.sources, stored.sources);
  return {
    kind: v.kind as Changes['kind'],
    signed: { date: v.signed || null, ...(v.signedSource ? { source: v.signedSource } : {}) },
    ratified: { date: v.ratified || null, ...(v.ratifiedSource ? { source: v.ratifiedSource } : {}) },
    signedPlace: v.signedPlace,
    term: {
      type: term,
      ...(v.endsOn || term === 'fixed' ? { endsOn: v.endsOn || null } : {}),
      ...(term === 'fixed' ? { renewal: v.renewal as NonNullable<Changes['term']['renewal']> } : {}),
      // Not a number stays not a number, for the schema to refuse as the years' field.
      ...(term === 'fixed' && v.renewalYears ? { renewalYears: Number(v.renewalYears) } : {}),
    },
    sectors: v.sectors as Changes['sectors'],
    titleIt: v.titleIt,
    titleEn: v.titleEn,
    descriptionIt: v.descriptionIt,
    descriptionEn: v.descriptionEn,
    unit: v.unit,
    sources,
  };
}

/**
 * The form field an edit error belongs to ("term.type" -> "term", "term.endsOn" -> "endsOn", "signed.date" ->
 * "signed", "signed.source" -> "signedSource", "sources.2.url" -> "sources").
 */
const editFieldOf = (name: string | undefined) => {
  if (!name) return 'kind';
  if (name === 'term.type' || name === 'term') return 'term';
  if (name.startsWith('term.')) return name.slice(5);
  const [head = 'kind', leaf] = name.split('.');
  return leaf === 'source' && (head === 'signed' || head === 'ratified') ? `${head}Source` : head;
};

export function editRoutes(app: App, admin: AgreementsAdmin) {
  const { send } = adminKit();

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
    const t = agreementsStrings(lang);
    return send(
      reply,
      lang,
      `agreements/${id}/edit`,
      t.edit.title(lang === 'it' ? agreement.partner.nameIt : agreement.partner.nameEn),
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
}
