import type { Lang } from '../../../platform/i18n.ts';
import type { Institution } from '../../institutions/institutions.schemas.ts';
import { type MapPoint, worldMapSvg } from '../map/world-map.ts';
import { partnershipPath, sectionPath } from '../portal.paths.ts';
import type { AtlasPoint } from '../portal.service.ts';
import { MapLegend } from './common.tsx';
import { s } from './portal.strings.ts';

export function Home(p: {
  institutions: Institution[];
  points: AtlasPoint[];
  counts: Map<string, number>;
  lang: Lang;
}) {
  const t = s(p.lang).home;
  const shared = p.points.filter((pt) => new Set(pt.links.map((l) => l.institution)).size > 1);
  const mapPoints: MapPoint[] = p.points.map((pt) => {
    const first = pt.links[0]!;
    const name = p.lang === 'it' ? pt.nameIt : pt.nameEn;
    const insts = [
      ...new Set(pt.links.map((l) => (p.lang === 'it' ? l.institutionNameIt : l.institutionNameEn))),
    ];
    return {
      id: String(pt.geonamesId),
      lon: pt.lon,
      lat: pt.lat,
      label: `${name}, ${p.lang === 'it' ? pt.countryIt : pt.countryEn} — ${insts.join(', ')}`,
      href: partnershipPath(first.institution, p.lang, first),
      tone: insts.length > 1 ? ('shared' as const) : ('active' as const),
    };
  });
  return (
    <div class="container my-4">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <section aria-labelledby="institutions">
        <h2 id="institutions">{t.institutions}</h2>
        <ul class="list-unstyled row">
          {p.institutions.map((i) => (
            <li key={i.slug} class="col-md-4 mb-3">
              <div class="card card-bg h-100">
                <div class="card-body">
                  <h3 class="card-title h5">
                    <a href={sectionPath(i.slug, p.lang, 'overview')}>
                      {p.lang === 'it' ? i.nameIt : i.nameEn}
                    </a>
                  </h3>
                  <p class="card-text">
                    {(p.lang === 'it' ? i.officeNameIt : i.officeNameEn) ?? ''}
                    <br />
                    {t.partnerships(p.counts.get(i.slug) ?? 0)}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="atlas">
        <h2 id="atlas">{t.atlas}</h2>
        <p>{t.atlasDesc(p.points.length, shared.length)}</p>
        <MapLegend
          items={[
            ['active', t.legendOne],
            ['shared', t.legendShared],
          ]}
        />
        <figure
          class="ponte-map"
          // Raw HTML on purpose: a server-built SVG whose labels the map module escapes.
          dangerouslySetInnerHTML={{
            __html: worldMapSvg({
              points: mapPoints,
              title: t.atlas,
              description: t.atlasDesc(p.points.length, shared.length),
              idPrefix: 'atlas',
            }),
          }}
        />
        {shared.length > 0 ? (
          <ul>
            {shared.map((pt) => (
              <li key={pt.geonamesId}>
                {p.lang === 'it' ? pt.nameIt : pt.nameEn}: {t.sharedBy}{' '}
                {pt.links.map((l, i) => (
                  <span key={`${l.institution}-${l.slug}`}>
                    {i > 0 ? ', ' : ''}
                    <a href={partnershipPath(l.institution, p.lang, l)}>
                      {p.lang === 'it' ? l.institutionNameIt : l.institutionNameEn}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
