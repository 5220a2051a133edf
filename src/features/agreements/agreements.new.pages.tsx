// The new-agreement form: the partner city found in the gazetteer (or chosen among its candidates), the
// one-twinning-per-country question, and the field errors in the page's language.
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import type { Notice } from '../admin/admin.kit.tsx';
import { adminKit, type Form, fieldList, inputMessage, langOf, noticeOf } from '../admin/admin.kit.tsx';
import type { PlaceCandidate } from '../places/places.service.ts';
import type { AgreementsAdmin } from './agreements.admin.ts';
import { whole } from './agreements.record-page.tsx';
import type { AgreementInput, StatusEventInput } from './agreements.schemas.ts';
import { agreementsStrings } from './agreements.strings.ts';
import { NewAgreementForm, type NewAgreementValues } from './views/agreement-new.tsx';

/** The form field an input error belongs to ("partner.country" -> "country", "signed.date" -> "signed"). */
function fieldOfInput(field: string | undefined): string {
  if (!field) return 'partner';
  if (field.startsWith('statusHistory.0.date')) return 'statusDate';
  if (field.startsWith('statusHistory')) return 'status';
  if (field.startsWith('partner.country')) return 'country';
  if (field.startsWith('partner.geonamesId')) return 'geonamesId';
  if (field.startsWith('partner')) return 'partner';
  return field.split('.')[0]!;
}

export function newAgreementRoutes(app: App, admin: AgreementsAdmin) {
  const { send } = adminKit();

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
        agreementsStrings(lang).newAgreement,
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
      const t = agreementsStrings(lang);
      const b = request.body ?? {};
      const values: NewAgreementValues = {
        kind: whole(b, 'kind'),
        partner: whole(b, 'partner'),
        country: whole(b, 'country'),
        geonamesId: whole(b, 'geonamesId'),
        signed: whole(b, 'signed'),
        status: whole(b, 'status'),
        statusDate: whole(b, 'statusDate'),
        sectors: fieldList(b, 'sectors'),
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
            ...(values.sectors?.length ? { sectors: values.sectors as AgreementInput['sectors'] } : {}),
            // The status it starts with is the first event of its history: since the date given, else the
            // signing date, else (for "proposed") the day it is recorded.
            ...(values.status && values.status !== 'proposed'
              ? {
                  statusHistory: [
                    {
                      status: values.status as StatusEventInput['status'],
                      date: values.statusDate || values.signed || null,
                    },
                  ],
                }
              : values.statusDate
                ? { statusHistory: [{ status: 'proposed' as const, date: values.statusDate }] }
                : {}),
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
}
