import { formatNumber, type Lang } from '../../../platform/i18n.ts';
import { CONTINENT_LABELS, type ContinentCode, KIND_PLURALS } from '../../agreements/agreements.labels.ts';
import type { Agreement, AgreementKind } from '../../agreements/agreements.schemas.ts';
import type { InstitutionDetail } from '../../institutions/institutions.schemas.ts';
import type { Network } from '../../networks/networks.schemas.ts';
import { partnershipPath, type Section, sectionPath } from '../portal.paths.ts';
import { figures } from '../portal.service.ts';
import { agreementDate, agreementTitle } from './common.tsx';
import { ContactList, Contacts, SourceLinks } from './contacts.tsx';
import { s } from './portal.strings.ts';

export function Overview({
  institution: inst,
  agreements,
  networks,
  lang,
}: {
  institution: InstitutionDetail;
  agreements: Agreement[];
  networks: Network[];
  lang: Lang;
}) {
  const t = s(lang);
  const f = figures(agreements);
  const office = lang === 'it' ? inst.officeNameIt : inst.officeNameEn;
  const description = lang === 'it' ? inst.descriptionIt : inst.descriptionEn;
  const explore: Section[] = [
    'partnerships',
    'map',
    'timeline',
    'networks',
    'agenda',
    'consularCorps',
    'communities',
    'projects',
    'objectives',
    'openData',
  ];
  return (
    <div class="container my-4">
      <h1>{office ?? (lang === 'it' ? inst.nameIt : inst.nameEn)}</h1>
      {description ? <p class="lead">{description}</p> : null}

      <section aria-labelledby="figures" class="my-4">
        <h2 id="figures">{t.overview.figures}</h2>
        {f.total === 0 ? (
          <p>{t.overview.nothingYet}</p>
        ) : (
          <ul class="ponte-figures">
            <li>
              <strong>{formatNumber(f.total, lang)}</strong> {t.overview.total}
            </li>
            <li>
              <strong>{formatNumber(f.countries, lang)}</strong> {t.overview.countries}
            </li>
            <li>
              <strong>{formatNumber(f.byContinent.length, lang)}</strong> {t.overview.continents}
            </li>
          </ul>
        )}
        <div class="row mt-3">
          {f.byKind.length > 0 ? (
            <div class="col-md-6">
              <h3 class="h5">{t.overview.byKind}</h3>
              <ul>
                {f.byKind.map(([kind, n]) => (
                  <li key={kind}>
                    {KIND_PLURALS[kind as AgreementKind][lang]}: {formatNumber(n, lang)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {f.byContinent.length > 0 ? (
            <div class="col-md-6">
              <h3 class="h5">{t.overview.byContinent}</h3>
              <ul>
                {f.byContinent.map(([c, n]) => (
                  <li key={c}>
                    {c === 'AM' ? t.overview.americas : (CONTINENT_LABELS[c as ContinentCode]?.[lang] ?? c)}:{' '}
                    {formatNumber(n, lang)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <dl class="row">
          {f.first ? (
            <>
              <dt class="col-sm-3">{t.overview.first}</dt>
              <dd class="col-sm-9">
                <a href={partnershipPath(inst.slug, lang, f.first)}>{agreementTitle(f.first, lang)}</a>,{' '}
                {agreementDate(f.first, lang)}
              </dd>
            </>
          ) : null}
          {f.latest && f.latest !== f.first ? (
            <>
              <dt class="col-sm-3">{t.overview.latest}</dt>
              <dd class="col-sm-9">
                <a href={partnershipPath(inst.slug, lang, f.latest)}>{agreementTitle(f.latest, lang)}</a>,{' '}
                {agreementDate(f.latest, lang)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {inst.units.length > 0 ? (
        <section aria-labelledby="units" class="my-4">
          <h2 id="units">{t.overview.units}</h2>
          {inst.units.map((u) => (
            <div key={u.slug} class="mb-3">
              <h3 class="h5">{lang === 'it' ? u.nameIt : u.nameEn}</h3>
              {(lang === 'it' ? u.remitIt : u.remitEn) ? (
                <p>{lang === 'it' ? u.remitIt : u.remitEn}</p>
              ) : null}
              {u.head ? (
                <p>
                  {t.overview.head}: {u.head}
                </p>
              ) : null}
              <ContactList lang={lang} contact={u} />
              <SourceLinks lang={lang} sources={u.sources} />
            </div>
          ))}
        </section>
      ) : null}

      <Contacts inst={inst} lang={lang} />

      {networks.length > 0 ? (
        <section aria-labelledby="networks" class="my-4">
          <h2 id="networks">{t.overview.networks}</h2>
          <ul>
            {networks.map((n) => (
              <li key={n.slug}>{lang === 'it' ? n.nameIt : n.nameEn}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <nav aria-labelledby="explore" class="my-4">
        <h2 id="explore">{t.overview.explore}</h2>
        <ul>
          {explore.map((sec) => (
            <li key={sec}>
              <a href={sectionPath(inst.slug, lang, sec)}>{t.sections[sec]}</a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
