// The portal's directories as files: vCard 4.0 (RFC 6350) per organisation and for a whole directory, and open
// data as CSV and JSON (CC BY 4.0). Only what the portal shows: never notes, never a person who is not public.

import { stringify } from 'csv-stringify/sync';
import { telUri } from '../../platform/contacts.ts';
import { guardCell } from '../../platform/csv.ts';
import type { PublicOrganisation } from './organisations.schemas.ts';

/** The head of a post, as the portal may name them. */
export interface DirectoryHead {
  name: string;
  honorific: string | null;
  titleIt: string;
  titleEn: string | null;
}

export type DirectoryEntry = PublicOrganisation & { head: DirectoryHead | null };

const LICENCE = 'CC-BY-4.0';

/** A text value as RFC 6350 §3.4 escapes it: backslash, comma, semicolon and line breaks. */
export const esc = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

/** A content line folded at 75 octets (RFC 6350 §3.2), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const nameOf = (o: PublicOrganisation, lang: 'it' | 'en') =>
  lang === 'en' && o.nameEn ? o.nameEn : o.nameIt;

/** One organisation as a vCard of kind "org", in the page's language. */
export function vcardOf(o: DirectoryEntry, lang: 'it' | 'en', words: { kind: string; head: string }): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'KIND:org',
    `UID:urn:uuid:${o.id}`,
    `FN:${esc(nameOf(o, lang))}`,
    `ORG:${esc(nameOf(o, lang))}`,
    `CATEGORIES:${esc(words.kind)}`,
    ...(o.address || o.city ? [`ADR;TYPE=work:;;${esc(o.address ?? '')};${esc(o.city ?? '')};;;`] : []),
    ...(o.phone ? [`TEL;TYPE=work,voice;VALUE=uri:${telUri(o.phone)}`] : []),
    ...(o.email ? [`EMAIL;TYPE=work:${esc(o.email)}`] : []),
    ...(o.website ? [`URL:${o.website}`] : []),
    ...(o.point ? [`GEO:geo:${o.point.latitude},${o.point.longitude}`] : []),
    ...o.languages.map((l, i) => `LANG;PREF=${i + 1}:${l}`),
    ...(o.head
      ? [
          `NOTE:${esc(
            `${words.head}: ${[o.head.honorific, o.head.name].filter(Boolean).join(' ')}, ${
              lang === 'en' && o.head.titleEn ? o.head.titleEn : o.head.titleIt
            }`,
          )}`,
        ]
      : []),
    `REV:${o.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`,
    'END:VCARD',
  ];
  return vcardText(lines);
}

/** Content lines as a vCard's text: each folded, CRLF after each. */
export const vcardText = (lines: string[]) => `${lines.map(fold).join('\r\n')}\r\n`;

const COLUMNS = [
  'id',
  'kind',
  'post_kind',
  'name_it',
  'name_en',
  'country_code',
  'communities',
  'languages',
  'district',
  'address',
  'city',
  'latitude',
  'longitude',
  'phone',
  'email',
  'website',
  'opening_hours_it',
  'opening_hours_en',
  'activities_it',
  'activities_en',
  'register_number',
  'head_name',
  'head_title_it',
  'head_title_en',
  'updated_at',
] as const;

/** A directory as CSV (UTF-8 with BOM, CRLF, cells that a spreadsheet would run as formulas guarded). */
export function directoryCsv(list: readonly DirectoryEntry[]): string {
  const rows = list.map((o) =>
    [
      o.id,
      o.kind,
      o.postKind ?? '',
      o.nameIt,
      o.nameEn ?? '',
      o.country?.code ?? '',
      o.communities.map((c) => c.code).join(' '),
      o.languages.join(' '),
      o.district.join('; '),
      o.address ?? '',
      o.city ?? '',
      o.point ? String(o.point.latitude) : '',
      o.point ? String(o.point.longitude) : '',
      o.phone ?? '',
      o.email ?? '',
      o.website ?? '',
      o.openingHoursIt ?? '',
      o.openingHoursEn ?? '',
      o.activitiesIt ?? '',
      o.activitiesEn ?? '',
      o.registerNumber ?? '',
      o.head ? [o.head.honorific, o.head.name].filter(Boolean).join(' ') : '',
      o.head?.titleIt ?? '',
      o.head?.titleEn ?? '',
      o.updatedAt,
    ].map(guardCell),
  );
  return `\uFEFF${stringify([[...COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}

/** A directory as JSON, with its licence and where it comes from. */
export function directoryJson(institution: string, kind: string, list: readonly DirectoryEntry[]): string {
  return `${JSON.stringify({ institution, kind, licence: LICENCE, items: list }, null, 2)}\n`;
}
