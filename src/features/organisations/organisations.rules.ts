// The fixed values of the contacts register's organisations: their kinds, the kinds of consular post, and the
// Italian regions a consular district is made of; and the pure checks of a map point.
import { AppError } from '../../platform/errors.ts';

export { mapPoint } from '../../platform/field-rules.ts';

export const ORGANISATION_KINDS = [
  'consular_post',
  'association',
  'ngo',
  'company',
  'university',
  'eu_body',
  'international_body',
  'partner_office',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A consular post's kind, from the highest: only a consular post has one. */
export const POST_KINDS = [
  'embassy',
  'consulate_general',
  'consulate',
  'vice_consulate',
  'honorary_consulate',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** The 20 regions, by the names the ISTAT list gives them (the two-language ones as the Italian name). */
export const REGIONS = [
  'Abruzzo',
  'Basilicata',
  'Calabria',
  'Campania',
  'Emilia-Romagna',
  'Friuli-Venezia Giulia',
  'Lazio',
  'Liguria',
  'Lombardia',
  'Marche',
  'Molise',
  'Piemonte',
  'Puglia',
  'Sardegna',
  'Sicilia',
  'Toscana',
  'Trentino-Alto Adige',
  'Umbria',
  "Valle d'Aosta",
  'Veneto',
] as const;

const folded = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
const REGION_BY_KEY = new Map<string, string>(REGIONS.map((r) => [folded(r), r]));
// Names offices also write: the English ones and the short ones.
for (const [alias, region] of Object.entries({
  tuscany: 'Toscana',
  lombardy: 'Lombardia',
  piedmont: 'Piemonte',
  apulia: 'Puglia',
  sardinia: 'Sardegna',
  sicily: 'Sicilia',
  aostavalley: "Valle d'Aosta",
  valledaosta: "Valle d'Aosta",
  trentino: 'Trentino-Alto Adige',
  trentinoaltoadige: 'Trentino-Alto Adige',
  friuli: 'Friuli-Venezia Giulia',
  emilia: 'Emilia-Romagna',
})) {
  REGION_BY_KEY.set(alias, region);
}

/** A consular district: regions separated by commas or new lines, as their names; an unknown one is named. */
export function regionList(field: string, value: string | readonly string[] | undefined): string[] {
  const parts = (typeof value === 'string' ? value.split(/[,;\n]/) : (value ?? []))
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const region = REGION_BY_KEY.get(folded(part));
    if (!region)
      throw AppError.invalid(field, `"${part}" is not one of the Italian regions`, { value: part });
    if (!out.includes(region)) out.push(region);
  }
  return out.sort((a, b) => REGIONS.indexOf(a as never) - REGIONS.indexOf(b as never));
}
