// Reading agreements: one by id, a filtered page of the list, and an institution's whole set for export.
import { AppError } from '../../platform/errors.ts';
import { UUID } from '../../platform/field-rules.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { normalizeName } from '../places/places.service.ts';
import { detailView, iso, summaryView } from './agreements.mapping.ts';
import type { AgreementsRepository, EventRow, SummaryRow } from './agreements.repository.ts';
import type { Agreement, AgreementListQuery, AgreementPage, Sort } from './agreements.schemas.ts';

const SORT_COLUMNS: Record<Sort, 'sort_date' | 'sort_name' | 'updated_at'> = {
  signed: 'sort_date',
  '-signed': 'sort_date',
  name: 'sort_name',
  '-name': 'sort_name',
  updated: 'updated_at',
  '-updated': 'updated_at',
};

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): { value: string; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
      return { value, id };
  } catch {
    // fall through to the error below
  }
  throw AppError.invalid('cursor', 'The cursor is not one this API gave out; start again without it');
}

export function createAgreementReads(deps: {
  repo: AgreementsRepository;
  institutions: InstitutionsService;
}) {
  const { repo, institutions } = deps;

  async function get(id: string, opts: { includeUnpublished?: boolean } = {}): Promise<Agreement> {
    if (!UUID.test(id)) {
      throw AppError.notFound('Agreement', id);
    }
    const row = await repo.detail(id);
    if (!row || (!row.published && !opts.includeUnpublished)) throw AppError.notFound('Agreement', id);
    return detailView(row, await repo.events([id]));
  }

  return {
    get,

    async list(
      query: AgreementListQuery,
      opts: { includeUnpublished?: boolean } = {},
    ): Promise<AgreementPage> {
      const institutionId = query.institution ? await institutions.idOf(query.institution) : undefined;
      if (query.signedFrom && query.signedTo && query.signedFrom > query.signedTo) {
        throw AppError.invalid('signedTo', 'signedTo must not come before signedFrom');
      }
      const sort = query.sort ?? 'signed';
      const descending = sort.startsWith('-');
      const key = SORT_COLUMNS[sort];
      const column = key === 'sort_name' ? (query.lang === 'en' ? 'sort_name_en' : 'sort_name_it') : key;
      const limit = query.limit ?? 50;
      const text = query.q ? normalizeName(query.q) : undefined;
      const rows = await repo.list(
        {
          institutionId,
          publishedOnly: !opts.includeUnpublished,
          kind: query.kind,
          status: query.status,
          continent: query.continent,
          country: query.country?.toUpperCase(),
          sector: query.sector,
          fromDate: query.signedFrom ? `${query.signedFrom}-01-01` : undefined,
          toDate: query.signedTo ? `${query.signedTo}-12-31` : undefined,
          text: text || undefined,
        },
        {
          column,
          descending,
          after: query.cursor ? decodeCursor(query.cursor) : undefined,
          limit: limit + 1,
        },
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const value = (r: SummaryRow) => (column === 'updated_at' ? iso(r.updated_at) : String(r[column]));
      return {
        items: page.map(summaryView),
        nextCursor: rows.length > limit && last ? encodeCursor(value(last), last.id) : null,
      };
    },

    /** Every agreement of an institution with its history, for export. */
    async listDetailed(
      institution: string,
      opts: { includeUnpublished?: boolean } = {},
    ): Promise<Agreement[]> {
      const institutionId = await institutions.idOf(institution);
      const rows = await repo.details(institutionId, !opts.includeUnpublished);
      const events = await repo.events(rows.map((r) => r.id));
      const byAgreement = new Map<string, EventRow[]>();
      for (const e of events) byAgreement.set(e.agreementId, [...(byAgreement.get(e.agreementId) ?? []), e]);
      return rows.map((r) => detailView(r, byAgreement.get(r.id) ?? []));
    },
  };
}
