// The new-agreement form: the partner city looked up in the gazetteer as it is typed (htmx), its candidates
// with a small map each, and the question of the institution's one-twinning-per-country rule.
import type { Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { PlaceCandidate } from '../../places/places.service.ts';
import { locatorMapSvg } from '../../portal/map/world-map.ts';
import { KIND_LABELS, STATUS_LABELS } from '../agreements.labels.ts';
import { AGREEMENT_KINDS, STATUSES } from '../agreements.schemas.ts';
import { agreementsStrings } from '../agreements.strings.ts';
import { SectorChoices } from './agreement-edit.tsx';

export interface NewAgreementValues {
  kind?: string;
  partner?: string;
  country?: string;
  geonamesId?: string;
  signed?: string;
  /** The status it starts with and since when (empty: the signing date, else the day it is recorded). */
  status?: string;
  statusDate?: string;
  sectors?: string[];
  descriptionIt?: string;
  descriptionEn?: string;
}

/**
 * The gazetteer's candidates for what was typed, as radio buttons: name in the page language, country,
 * population and a small map. With one sure match it is preselected; otherwise the person chooses.
 */
export function PlaceCandidates(p: {
  lang: Lang;
  candidates: PlaceCandidate[];
  chosen?: string;
  ambiguous: boolean;
}) {
  const t = agreementsStrings(p.lang);
  const fmt = new Intl.NumberFormat(p.lang === 'it' ? 'it-IT' : 'en-GB');
  if (p.candidates.length === 0) return <p class="text-muted">{t.noCity}</p>;
  return (
    <fieldset class="mb-4">
      <legend class="h6">{p.ambiguous ? t.chooseCity : t.candidatesTitle}</legend>
      {p.candidates.slice(0, 6).map((c, i) => {
        const name = p.lang === 'it' ? c.nameIt : c.nameEn;
        const country = p.lang === 'it' ? c.country.nameIt : c.country.nameEn;
        const checked = p.chosen ? p.chosen === String(c.geonamesId) : !p.ambiguous && i === 0;
        return (
          <div class="form-check d-flex align-items-center gap-3" key={c.geonamesId}>
            <input
              type="radio"
              id={`place-${c.geonamesId}`}
              name="geonamesId"
              value={String(c.geonamesId)}
              checked={checked}
            />
            <label for={`place-${c.geonamesId}`}>
              {`${name}, ${country} — ${t.inhabitants(fmt.format(c.population))}`}
            </label>
            <span
              class="ponte-locator"
              style="width: 6rem"
              // Raw HTML on purpose: a server-built SVG whose labels the map module escapes.
              dangerouslySetInnerHTML={{
                __html: locatorMapSvg({
                  lon: c.lon,
                  lat: c.lat,
                  title: `${name}, ${country}`,
                  description: `${c.lat.toFixed(2)}, ${c.lon.toFixed(2)}`,
                  idPrefix: `cand-${c.geonamesId}`,
                }),
              }}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

export function NewAgreementForm(p: {
  lang: Lang;
  session: Session;
  values?: NewAgreementValues;
  fieldErrors?: Record<string, string>;
  candidates?: { list: PlaceCandidate[]; ambiguous: boolean };
  /** Set when the institution already has a twinning in the partner's country: the form asks what to record. */
  twinningsInCountry?: string[];
}) {
  const t = agreementsStrings(p.lang);
  const v = p.values ?? {};
  const err = p.fieldErrors ?? {};
  const text = (
    name: Exclude<keyof NewAgreementValues, 'sectors'>,
    label: string,
    extra: Record<string, string> = {},
  ) => <Field name={name} label={label} value={v[name]} error={err[name]} extra={extra} />;
  return (
    <>
      <h1>{t.newAgreement}</h1>
      <form method="post" action={`/admin/${p.lang}/agreements/new`} class="mt-4" style="max-width: 40rem">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        <Field
          kind="select"
          name="kind"
          label={t.kind}
          value={v.kind ?? 'twinning'}
          options={AGREEMENT_KINDS.map((k) => [k, KIND_LABELS[k][p.lang]] as const)}
          error={err['kind']}
        />
        {text('partner', t.partnerCity, {
          'hx-get': `/admin/${p.lang}/places`,
          'hx-trigger': 'input changed delay:400ms',
          'hx-target': '#place-candidates',
          'hx-include': '#f-country',
          autocomplete: 'off',
        })}
        {text('country', t.country)}
        <div id="place-candidates" aria-live="polite">
          {p.candidates ? (
            <PlaceCandidates
              lang={p.lang}
              candidates={p.candidates.list}
              ambiguous={p.candidates.ambiguous}
              {...(v.geonamesId ? { chosen: v.geonamesId } : {})}
            />
          ) : null}
        </div>
        {err['geonamesId'] ? (
          <p class="form-text text-danger fw-semibold" role="alert">
            {err['geonamesId']}
          </p>
        ) : null}
        {text('signed', t.signed)}
        <Field
          kind="select"
          name="status"
          label={t.initialStatus}
          value={v.status ?? 'proposed'}
          options={STATUSES.map((s) => [s, STATUS_LABELS[s][p.lang]] as const)}
          error={err['status']}
        />
        <Field
          name="statusDate"
          label={t.initialStatusDate}
          value={v.statusDate}
          error={err['statusDate']}
          hint={t.initialStatusHint}
        />
        <SectorChoices lang={p.lang} chosen={v.sectors ?? []} error={err['sectors']} />
        {text('descriptionIt', t.descriptionIt)}
        {text('descriptionEn', t.descriptionEn)}
        {p.twinningsInCountry ? (
          <fieldset class="border border-warning rounded p-3 mb-3">
            <legend class="h6">{t.twinningRule.question}</legend>
            <p>{t.twinningRule.warning(p.twinningsInCountry)}</p>
            <button type="submit" name="twinningRule" value="friendship_pact" class="btn btn-primary me-3">
              {t.twinningRule.asPact}
            </button>
            <button type="submit" name="twinningRule" value="twinning" class="btn btn-outline-primary">
              {t.twinningRule.asTwinning}
            </button>
          </fieldset>
        ) : (
          <button type="submit" class="btn btn-primary">
            {t.create}
          </button>
        )}
      </form>
    </>
  );
}
