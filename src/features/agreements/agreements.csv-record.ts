// One CSV record to an AgreementInput: the columns an import understands, the Italian and English words people
// write in spreadsheets, and the problems of the cells that cannot be understood, named by their column.
import {
  formatPartialDate,
  isDateError,
  type PartialDate,
  parsePartialDate,
  periodEnd,
} from '../../platform/dates.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { normalizeName } from '../places/places.service.ts';
import {
  AGREEMENT_KINDS,
  type AgreementInput,
  type AlternativeDate,
  SECTORS,
  type Source,
  STATUSES,
  type StatusEventInput,
} from './agreements.schemas.ts';

/** Every CSV column an import understands; export writes them all, in this order. */
export const CSV_COLUMNS = [
  'slug',
  'kind',
  'partner',
  'country',
  'geonames_id',
  'partner_type',
  'partner_name_en',
  'partner_website',
  'signed',
  'signed_source',
  'ratified',
  'ratified_source',
  'signed_place',
  'term',
  'ends',
  'renewal',
  'renewal_years',
  'sectors',
  'status',
  'status_date',
  'status_reason_it',
  'status_reason_en',
  'status_act',
  'title_it',
  'title_en',
  'description_it',
  'description_en',
  'sources',
  'alternative_dates',
  'status_history',
  'published',
  'unit',
] as const;

// Italian and English labels people write in spreadsheets, mapped to codes.
const KIND_WORDS: Record<string, (typeof AGREEMENT_KINDS)[number]> = {
  gemellaggio: 'twinning',
  twinning: 'twinning',
  'twin city': 'twinning',
  'sister city': 'twinning',
  'patto di amicizia': 'friendship_pact',
  'friendship pact': 'friendship_pact',
  amicizia: 'friendship_pact',
  'patto di fratellanza': 'brotherhood_pact',
  'brotherhood pact': 'brotherhood_pact',
  fratellanza: 'brotherhood_pact',
  'accordo di collaborazione': 'collaboration_agreement',
  'collaboration agreement': 'collaboration_agreement',
  'accordo di cooperazione': 'collaboration_agreement',
  'memorandum d intesa': 'memorandum_of_understanding',
  'protocollo d intesa': 'memorandum_of_understanding',
  memorandum: 'memorandum_of_understanding',
  'memorandum of understanding': 'memorandum_of_understanding',
  mou: 'memorandum_of_understanding',
  'partenariato di progetto': 'project_partnership',
  'project partnership': 'project_partnership',
};
const STATUS_WORDS: Record<string, (typeof STATUSES)[number]> = {
  proposto: 'proposed',
  proposta: 'proposed',
  attivo: 'active',
  attiva: 'active',
  sospeso: 'suspended',
  sospesa: 'suspended',
  scaduto: 'expired',
  scaduta: 'expired',
  cessato: 'terminated',
  cessata: 'terminated',
  concluso: 'terminated',
  revocato: 'terminated',
  ended: 'terminated',
};
const SECTOR_WORDS: Record<string, (typeof SECTORS)[number]> = {
  'amministrazione pubblica': 'public_administration',
  'pubblica amministrazione': 'public_administration',
  'public administration': 'public_administration',
  economia: 'economy',
  scienza: 'science',
  tecnologia: 'technology',
  innovazione: 'innovation',
  cultura: 'culture',
  educazione: 'education',
  istruzione: 'education',
  commercio: 'trade',
  'scambi commerciali': 'trade',
  turismo: 'tourism',
  mobilita: 'mobility',
  energia: 'energy',
  ambiente: 'environment',
};

function codeOf<T extends string>(raw: string, codes: readonly T[], words: Record<string, T>): T | undefined {
  const v = raw.trim();
  if ((codes as readonly string[]).includes(v)) return v as T;
  const norm = normalizeName(v);
  const asCode = norm.replace(/ /g, '_');
  if ((codes as readonly string[]).includes(asCode)) return asCode as T;
  return words[norm];
}

const truthy = (v: string) => /^(1|true|yes|y|si|sì|x|pubblicato|published)$/i.test(v.trim());
const falsy = (v: string) => /^(0|false|no|n|bozza|draft|non pubblicato|unpublished)?$/i.test(v.trim());

function jsonCell<T>(raw: string, field: string, problems: FieldProblem[]): T | undefined {
  if (!raw.trim()) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    problems.push({ field, message: 'is not valid JSON' });
    return undefined;
  }
}

/**
 * A date cell at its precision ("1970", "1967-10", "1967-10-02"), or null when empty or unknown ("sconosciuta",
 * "n/d"). A cell that is not a date is a problem of its column, with the reason dates.ts gives.
 */
function dateCell(raw: string, column: string, problems: FieldProblem[]): string | null {
  const parsed = parsePartialDate(raw);
  if (isDateError(parsed)) {
    problems.push({ field: column, message: parsed.error });
    return null;
  }
  return formatPartialDate(parsed.date, parsed.precision);
}

function listCell(raw: string): string[] {
  return raw
    .split(/[|;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// Input fields ("partner.country", "term.endsOn", "statusHistory.1.date") to the CSV column that holds them.
const FIELD_COLUMNS: [RegExp, string][] = [
  [/^partner\.(name|nameIt)$/, 'partner'],
  [/^partner\.nameEn$/, 'partner_name_en'],
  [/^partner\.country$/, 'country'],
  [/^partner\.geonamesId$/, 'geonames_id'],
  [/^partner\.website$/, 'partner_website'],
  [/^partner(\.|$)/, 'partner'],
  [/^signed\.date$/, 'signed'],
  [/^signed\.source$/, 'signed_source'],
  [/^ratified\.date$/, 'ratified'],
  [/^ratified\.source$/, 'ratified_source'],
  [/^term\.endsOn$/, 'ends'],
  [/^term\.renewalYears$/, 'renewal_years'],
  [/^term\.renewal$/, 'renewal'],
  [/^term(\.|$)/, 'term'],
  [/^statusHistory(\.|$)/, 'status_history'],
  [/^alternativeDates(\.|$)/, 'alternative_dates'],
  [/^sectors(\.|$)/, 'sectors'],
  [/^sources(\.|$)/, 'sources'],
];

/** The CSV column a problem of an input field points at, so a report names what the person sees. */
export function csvColumnOf(field: string): string {
  for (const [re, column] of FIELD_COLUMNS) if (re.test(field)) return column;
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (CSV_COLUMNS as readonly string[]).includes(snake) ? snake : field;
}

/** A cell of the record by its column, trimmed; empty when the file has no such column. */
type Cells = (column: string) => string;

/** One CSV record to an AgreementInput, collecting problems of the cells that cannot be understood. */
export function csvRecordToInput(rec: Record<string, string>): {
  input?: AgreementInput;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const get: Cells = (k) => (rec[k] ?? '').trim();

  // Each reader adds the problems of its cells; a report lists them in the order the readers run.
  const kind = kindOf(get, problems);
  const partner = partnerOf(get, problems);
  const sectors = sectorsOf(get, problems);
  const signed = dateCell(get('signed'), 'signed', problems);
  const ratified = dateCell(get('ratified'), 'ratified', problems);
  const ends = dateCell(get('ends'), 'ends', problems);
  const statusDate = dateCell(get('status_date'), 'status_date', problems);
  const history = historyOf(get, problems, signed ?? ratified, statusDate);
  const sources = sourcesOf(get, problems);
  const term = termOf(get, problems, ends);

  const publishedRaw = get('published');
  if (!truthy(publishedRaw) && !falsy(publishedRaw)) {
    problems.push({ field: 'published', message: `"${publishedRaw}" is not yes or no` });
  }

  const alternativeDates = jsonCell<AlternativeDate[]>(
    get('alternative_dates'),
    'alternative_dates',
    problems,
  );
  if (problems.length > 0 || !kind) return { problems };

  const input: AgreementInput = {
    kind,
    partner,
    ...(get('slug') ? { slug: get('slug') } : {}),
    signed: {
      date: signed,
      ...(get('signed_source') ? { source: get('signed_source') } : {}),
    },
    ratified: {
      date: ratified,
      ...(get('ratified_source') ? { source: get('ratified_source') } : {}),
    },
    ...(get('signed_place') ? { signedPlace: get('signed_place') } : {}),
    term,
    sectors,
    ...(get('title_it') ? { titleIt: get('title_it') } : {}),
    ...(get('title_en') ? { titleEn: get('title_en') } : {}),
    ...(get('description_it') ? { descriptionIt: get('description_it') } : {}),
    ...(get('description_en') ? { descriptionEn: get('description_en') } : {}),
    ...(sources ? { sources } : {}),
    ...(alternativeDates ? { alternativeDates } : {}),
    statusHistory: history ?? [],
    published: truthy(publishedRaw),
    ...(get('unit') ? { unit: get('unit') } : {}),
  };
  return { input, problems };
}

function kindOf(get: Cells, problems: FieldProblem[]): AgreementInput['kind'] | undefined {
  const kind = codeOf(get('kind'), AGREEMENT_KINDS, KIND_WORDS);
  if (!get('kind')) problems.push({ field: 'kind', message: 'is empty: say what kind of agreement it is' });
  else if (!kind)
    problems.push({
      field: 'kind',
      message: `"${get('kind')}" is not a kind (${AGREEMENT_KINDS.join(', ')})`,
    });
  return kind;
}

/** The partner: a city (by name, country and GeoNames id) or an organisation (names in both languages). */
function partnerOf(get: Cells, problems: FieldProblem[]): AgreementInput['partner'] {
  const partnerName = get('partner');
  if (!partnerName)
    problems.push({ field: 'partner', message: 'is empty: name the partner city or organisation' });
  const partnerType = get('partner_type').toLowerCase() || 'city';
  const geonamesRaw = get('geonames_id');
  const geonamesId = geonamesRaw ? Number(geonamesRaw) : undefined;
  if (geonamesRaw && !(Number.isInteger(geonamesId) && geonamesId! > 0)) {
    problems.push({ field: 'geonames_id', message: `"${geonamesRaw}" is not a GeoNames id` });
  }
  if (['organisation', 'organization', 'organizzazione', 'ente'].includes(partnerType)) {
    return {
      type: 'organisation',
      nameIt: partnerName,
      nameEn: get('partner_name_en') || partnerName,
      ...(get('country') ? { country: get('country') } : {}),
      ...(get('partner_website') ? { website: get('partner_website') } : {}),
    };
  }
  if (['city', 'citta', 'città', 'comune'].includes(partnerType)) {
    return {
      type: 'city',
      name: partnerName,
      ...(get('country') ? { country: get('country') } : {}),
      ...(geonamesId && Number.isInteger(geonamesId) ? { geonamesId } : {}),
    };
  }
  problems.push({ field: 'partner_type', message: `"${partnerType}" is neither city nor organisation` });
  return { type: 'city', name: partnerName };
}

function sectorsOf(get: Cells, problems: FieldProblem[]): (typeof SECTORS)[number][] {
  const sectors: (typeof SECTORS)[number][] = [];
  for (const s of listCell(get('sectors'))) {
    const code = codeOf(s, SECTORS, SECTOR_WORDS);
    // A sheet may name a sector in both languages ("cultura|culture"); it counts once.
    if (code) {
      if (!sectors.includes(code)) sectors.push(code);
    } else problems.push({ field: 'sectors', message: `"${s}" is not a sector (${SECTORS.join(', ')})` });
  }
  return sectors;
}

/**
 * The status history: the status_history column (JSON) when it is there, else one built from the status
 * columns, starting when the agreement began (START: signed, or else ratified).
 */
function historyOf(
  get: Cells,
  problems: FieldProblem[],
  start: string | null,
  statusDate: string | null,
): StatusEventInput[] | undefined {
  const history = jsonCell<StatusEventInput[]>(get('status_history'), 'status_history', problems);
  if (history !== undefined) return history;
  const statusRaw = get('status');
  const status = statusRaw ? codeOf(statusRaw, STATUSES, STATUS_WORDS) : 'active';
  if (!status) {
    problems.push({ field: 'status', message: `"${statusRaw}" is not a status (${STATUSES.join(', ')})` });
    return undefined;
  }
  const reason = {
    ...(get('status_reason_it') ? { reasonIt: get('status_reason_it') } : {}),
    ...(get('status_reason_en') ? { reasonEn: get('status_reason_en') } : {}),
    ...(get('status_act') ? { act: get('status_act') } : {}),
  };
  if (status === 'proposed' || status === 'active') {
    return [{ status, date: statusDate ?? start, ...reason }];
  }
  // A status without a date stays after the activation: undated events keep their recorded place.
  const since = parsePartialDate(statusDate) as PartialDate;
  const begun = parsePartialDate(start) as PartialDate;
  if (since.date && begun.date && periodEnd(since)! < begun.date) {
    problems.push({
      field: 'status_date',
      message: `"${get('status_date')}" comes before the agreement began (${start}): it cannot be ${status} before it was active`,
    });
  }
  return [
    { status: 'active', date: start },
    { status, date: statusDate, ...reason },
  ];
}

/** Sources as JSON, or as addresses separated by spaces or bars. */
function sourcesOf(get: Cells, problems: FieldProblem[]): Source[] | undefined {
  const sourcesRaw = get('sources');
  if (sourcesRaw.startsWith('[')) return jsonCell<Source[]>(sourcesRaw, 'sources', problems);
  if (!sourcesRaw) return undefined;
  return sourcesRaw
    .split(/[\s|]+/)
    .filter(Boolean)
    .map((url) => ({ url }));
}

/** The term: permanent, or fixed (said so, or implied by an end date) with its renewal. */
function termOf(get: Cells, problems: FieldProblem[], ends: string | null): AgreementInput['term'] {
  const termRaw = get('term').toLowerCase();
  const fixed =
    termRaw === 'fixed' ||
    termRaw === 'a termine' ||
    termRaw === 'determinato' ||
    (!termRaw && !!get('ends'));
  if (termRaw && !fixed && !['permanent', 'permanente', 'indeterminato'].includes(termRaw)) {
    problems.push({ field: 'term', message: `"${get('term')}" is neither permanent nor fixed` });
  }
  const renewal = get('renewal');
  if (renewal && !['none', 'automatic', 'by_agreement'].includes(renewal)) {
    problems.push({ field: 'renewal', message: `"${renewal}" is not one of none, automatic, by_agreement` });
  }
  const renewalYears = get('renewal_years') ? Number(get('renewal_years')) : undefined;
  if (
    renewalYears !== undefined &&
    !(Number.isInteger(renewalYears) && renewalYears > 0 && renewalYears <= 50)
  ) {
    problems.push({ field: 'renewal_years', message: `"${get('renewal_years')}" is not a number of years` });
  }
  return fixed
    ? {
        type: 'fixed',
        endsOn: ends,
        ...(renewal ? { renewal: renewal as 'none' } : {}),
        ...(renewalYears ? { renewalYears } : {}),
      }
    : { type: 'permanent' };
}
