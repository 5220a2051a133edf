// Importing the contacts register from spreadsheets as offices keep them (the consular list, the register of
// associations), with the rules of the other imports: every row checked by the same services as a form, all
// or nothing (one transaction, rolled back once every row is tried), problems named by line and column, a dry
// run, the progress row by row; CSV with commas or semicolons, UTF-8 or Windows-1252; Italian headers too.
// A row may name the post's head (a person on the basis of public task, seen by the staff). Likely duplicates
// (the same organisation under two spellings, or the same kind of post of the same country in the same city;
// the same person twice) are flagged as warnings, to merge afterwards.
import { randomUUID } from 'node:crypto';
import { csvRecords, decodeText } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/client.ts';
import { isAppError } from '../../platform/errors.ts';
import { alsoRefused } from '../../platform/field-rules.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { type AuditRecord, appendAudit } from '../audit/audit.service.ts';
import {
  BLANK_ORGANISATION,
  type OrganisationFields,
  type OrganisationsService,
} from '../organisations/organisations.service.ts';
import { normalizeName } from '../places/places.service.ts';
import { Duplicates, type Twin } from './people.duplicates.ts';
import { mayRead, readerLevel } from './people.rules.ts';
import { BLANK_PERSON, BLANK_ROLE, type PeopleService } from './people.service.ts';

export const CONTACT_COLUMNS = [
  'kind',
  'post_kind',
  'name_it',
  'name_en',
  'country',
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
  'published',
  'head_name',
  'head_title_it',
  'head_title_en',
  'head_since',
] as const;

/** Headers offices write in Italian or English (folded), and the column each means. */
const ALIASES: Record<string, string> = {
  tipo: 'kind',
  tipo_sede: 'post_kind',
  sede: 'post_kind',
  nome: 'name_it',
  denominazione: 'name_it',
  nome_inglese: 'name_en',
  paese: 'country',
  stato: 'country',
  comunita: 'communities',
  lingue: 'languages',
  circoscrizione: 'district',
  indirizzo: 'address',
  citta: 'city',
  comune: 'city',
  latitudine: 'latitude',
  longitudine: 'longitude',
  telefono: 'phone',
  e_mail: 'email',
  sito: 'website',
  sito_web: 'website',
  orari: 'opening_hours_it',
  attivita: 'activities_it',
  numero_registro: 'register_number',
  n_registro: 'register_number',
  pubblicato: 'published',
  capo_sede: 'head_name',
  capo_della_sede: 'head_name',
  titolare: 'head_name',
  qualifica: 'head_title_it',
  dal: 'head_since',
  tipo_di_sede: 'post_kind',
  nome_obbligatoria: 'name_it',
  numero_di_registro: 'register_number',
  nome_in_inglese: 'name_en',
  orari_in_inglese: 'opening_hours_en',
  attivita_in_inglese: 'activities_en',
  // The same columns as an English-speaking office heads them.
  name: 'name_it',
  name_in_english: 'name_en',
  opening_hours: 'opening_hours_it',
  activities: 'activities_it',
  head_of_post: 'head_name',
  head: 'head_name',
  title: 'head_title_it',
  since: 'head_since',
};

/** Kinds of post as offices write them, folded, in Italian and English. */
const POST_WORDS: Record<string, string> = {
  ambasciata: 'embassy',
  embassy: 'embassy',
  consolato_generale: 'consulate_general',
  consulate_general: 'consulate_general',
  consolato: 'consulate',
  consulate: 'consulate',
  vice_consolato: 'vice_consulate',
  viceconsolato: 'vice_consulate',
  vice_consulate: 'vice_consulate',
  consolato_onorario: 'honorary_consulate',
  honorary_consulate: 'honorary_consulate',
};

/** The column a service's field is read from, to name it in a problem. */
const COLUMN_OF: Record<string, string> = {
  postKind: 'post_kind',
  nameIt: 'name_it',
  nameEn: 'name_en',
  coordinates: 'latitude',
  openingHoursIt: 'opening_hours_it',
  openingHoursEn: 'opening_hours_en',
  activitiesIt: 'activities_it',
  activitiesEn: 'activities_en',
  registerNumber: 'register_number',
  name: 'head_name',
  titleIt: 'head_title_it',
  titleEn: 'head_title_en',
  startsOn: 'head_since',
};

export interface ContactsImportReport {
  rows: number;
  organisations: number;
  people: number;
  /** A row's problem names the service's field and reason too, for a page to say it in its language. */
  problems: { line?: number; column: string; message: string; field?: string; reason?: string }[];
  /** Likely duplicates, by line: flagged, not refused. */
  warnings: string[];
  /** The same duplicates for a page: the row's name and the earlier line or existing record it repeats. */
  duplicates: { line: number; of: 'organisation' | 'person'; name: string; twin: Twin }[];
  dryRun: boolean;
  written: boolean;
}

const twinText = (t: Twin) => ('line' in t ? `line ${t.line}` : `the existing "${t.existing}"`);

class Rollback extends Error {}

const fold = (h: string) => normalizeName(h).replace(/ /g, '_');
const header = (h: string) => {
  const folded = fold(h);
  return ALIASES[folded] ?? folded;
};

/** The organisation's fields from one row; the kind is the file's unless the row says. */
function fieldsOf(c: (name: string) => string, kind: string): OrganisationFields {
  const post = c('post_kind');
  const lat = c('latitude').replace(',', '.');
  const lon = c('longitude').replace(',', '.');
  return {
    ...BLANK_ORGANISATION,
    kind: c('kind') || kind,
    postKind: post ? (POST_WORDS[fold(post)] ?? post) : '',
    nameIt: c('name_it'),
    nameEn: c('name_en'),
    country: c('country'),
    communities: c('communities'),
    languages: c('languages'),
    district: c('district'),
    address: c('address'),
    city: c('city'),
    coordinates: lat || lon ? `${lat}, ${lon}` : '',
    phone: c('phone'),
    email: c('email'),
    website: c('website'),
    openingHoursIt: c('opening_hours_it'),
    openingHoursEn: c('opening_hours_en'),
    activitiesIt: c('activities_it'),
    activitiesEn: c('activities_en'),
    registerNumber: c('register_number'),
    published: ['si', 'sì', 'yes', 'true', '1', 'x'].includes(c('published').toLowerCase()) ? 'yes' : '',
  };
}

/** A row as the organisation and, when the row names one, its head: checked as forms are, not yet written. */
function checkRow(
  deps: { organisations: OrganisationsService; people: PeopleService },
  institutionId: string,
  c: (name: string) => string,
  kind: string,
) {
  const org = deps.organisations.checkNew(institutionId, fieldsOf(c, kind));
  const holder = c('head_name')
    ? deps.people.checkHolder(
        institutionId,
        { ...BLANK_PERSON, name: c('head_name'), legalBasis: 'public_task', visibility: 'staff' },
        {
          ...BLANK_ROLE,
          organisationId: org.id,
          titleIt: c('head_title_it') || (org.postKind ? 'Capo della sede' : 'Presidente'),
          titleEn: c('head_title_en'),
          head: 'yes',
          startsOn: c('head_since'),
        },
        org.id,
      )
    : undefined;
  return { org, holder };
}

export function createContactsImport(deps: {
  database: Database;
  organisations: OrganisationsService;
  people: PeopleService;
}) {
  const { database, organisations, people } = deps;

  /** A row's refusal as problems: its first field's, and the others' the checks found with it. */
  const problemsOf = (line: number, err: unknown) => {
    if (!isAppError(err)) throw err;
    return [
      { field: err.field, message: err.message, reason: err.details?.['reason'] },
      ...alsoRefused(err),
    ].map(({ field: name, message, reason }) => {
      const field = name?.split('.')[0] ?? '';
      return {
        line,
        column: COLUMN_OF[field] ?? field.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`),
        message,
        ...(name ? { field: name } : {}),
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    });
  };

  return async function importContacts(opts: {
    actor: Actor;
    bytes: Uint8Array;
    kind: 'consular_post' | 'association' | string;
    dryRun: boolean;
    onProgress?: (done: number, total: number) => void;
  }): Promise<ContactsImportReport> {
    const { text, warning } = decodeText(opts.bytes);
    const parsed = csvRecords(text, header);
    const report: ContactsImportReport = {
      rows: parsed.records.length,
      organisations: 0,
      people: 0,
      problems: [],
      warnings: warning ? [warning] : [],
      duplicates: [],
      dryRun: opts.dryRun,
      written: false,
    };
    if (parsed.error) {
      report.problems.push({
        ...(parsed.error.line ? { line: parsed.error.line } : {}),
        column: 'file',
        message: parsed.error.message,
      });
      return report;
    }
    const found = parsed.records[0] ? Object.keys(parsed.records[0].cells) : [];
    for (const h of found.filter((h) => h && !(CONTACT_COLUMNS as readonly string[]).includes(h))) {
      report.problems.push({
        column: h,
        message: `unknown column "${h}"; the columns are: ${CONTACT_COLUMNS.join(', ')}`,
      });
    }
    if (parsed.records.length && !found.includes('name_it'))
      report.problems.push({ column: 'name_it', message: 'the file has no "name_it" (or "nome") column' });
    if (report.problems.length) return report;

    const institutionId = opts.actor.institutionId;
    try {
      await database.scoped({ institutionIds: [institutionId] }, async () => {
        const audit: AuditRecord[] = [];
        const seen = new Duplicates(await organisations.choicesForDuplicates(institutionId));
        const seenPeople = new Map<string, Twin>(
          // Only people the importer may see: the report must not name one above their role.
          (await people.namesForDuplicates(institutionId))
            .filter((p) => mayRead(readerLevel(opts.actor.role), p.visibility))
            .map((p) => [normalizeName(p.name), { existing: p.name, id: p.id }]),
        );
        const flag = (line: number, of: 'organisation' | 'person', name: string, twin: Twin) => {
          report.duplicates.push({ line, of, name, twin });
          report.warnings.push(`line ${line}: "${name}" is likely the same ${of} as ${twinText(twin)}`);
        };
        const made: ReturnType<OrganisationsService['checkNew']>[] = [];
        const holders: ReturnType<PeopleService['checkHolder']>[] = [];
        for (const [i, { line, cells }] of parsed.records.entries()) {
          const c = (name: string) => (cells[name] ?? '').trim();
          try {
            const { org, holder } = checkRow(deps, institutionId, c, opts.kind);
            made.push(org);
            audit.push({
              institutionId,
              action: 'create',
              entity: 'organisation',
              entityId: org.id,
              after: org,
            });
            const twin = seen.check(org, { line });
            if (twin) flag(line, 'organisation', org.nameIt, twin);
            if (holder) {
              const key = normalizeName(holder.person.name);
              const earlier = seenPeople.get(key);
              if (earlier) flag(line, 'person', holder.person.name, earlier);
              else seenPeople.set(key, { line });
              holders.push(holder);
              const entityId = holder.person.id;
              audit.push(
                { institutionId, action: 'create', entity: 'person', entityId, after: { given: ['name'] } },
                { institutionId, action: 'add_person_role', entity: 'person', entityId, after: holder.role },
              );
            }
          } catch (err) {
            report.problems.push(...problemsOf(line, err));
          }
          opts.onProgress?.(i + 1, parsed.records.length);
        }
        report.organisations = made.length;
        report.people = holders.length;
        if (report.problems.length) throw new Rollback();
        // Written even on a dry run (then rolled back), so the database's own checks are tried too.
        await organisations.insertMany(institutionId, made);
        await people.insertHolders(institutionId, holders);
        if (report.problems.length || opts.dryRun) throw new Rollback();
        await appendAudit(database.query, opts.actor, [
          {
            institutionId,
            action: 'import',
            entity: 'organisations',
            entityId: randomUUID(),
            after: { rows: report.rows, organisations: report.organisations, people: report.people },
          },
          ...audit,
        ]);
      });
      report.written = true;
    } catch (err) {
      // A failed statement leaves the transaction unusable: the rows after it were not tried.
      if (!(err instanceof Rollback)) throw err;
    }
    return report;
  };
}

export type ContactsImport = ReturnType<typeof createContactsImport>;
