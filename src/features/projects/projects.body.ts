// The API's and the CLI's JSON body of a project as the service's fields: a PATCH's left-out fields are taken
// from the stored project.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import type { ProjectFields, ProjectRecord } from './projects.service.ts';

export type Body = { [K in keyof Omit<ProjectFields, 'documents' | 'published' | 'countries'>]?: Text } & {
  documents?: Source[] | undefined;
  published?: boolean | undefined;
  countries?: string[] | undefined;
};

/** The API's body as the form's fields, a PATCH's left-out fields taken from the stored project. */
export function fieldsOf(b: Body, s?: ProjectRecord): ProjectFields {
  return {
    code: keep(b.code, s?.code),
    kind: keep(b.kind, s?.kind),
    titleIt: keep(b.titleIt, s?.titleIt),
    titleEn: keep(b.titleEn, s?.titleEn),
    descriptionIt: keep(b.descriptionIt, s?.descriptionIt),
    descriptionEn: keep(b.descriptionEn, s?.descriptionEn),
    funder: keep(b.funder, s?.funder),
    role: keep(b.role, s?.role),
    status: keep(b.status, s?.status),
    startsOn: keep(b.startsOn, s?.startsOn),
    endsOn: keep(b.endsOn, s?.endsOn),
    countries: (b.countries ?? s?.countries ?? []).join(', '),
    currency: keep(b.currency, s?.currency),
    totalBudget: keep(b.totalBudget, s?.totalBudget),
    ownShare: keep(b.ownShare, s?.ownShare),
    resultsIt: keep(b.resultsIt, s?.resultsIt),
    resultsEn: keep(b.resultsEn, s?.resultsEn),
    published: String(b.published ?? s?.published ?? false),
    documents: b.documents ?? s?.documents ?? [],
  };
}
