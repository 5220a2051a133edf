// The API's and the CLI's JSON body of an objective as the service's fields: a PATCH's left-out fields are
// taken from the stored objective.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import type { ObjectiveFields } from './plan.rules.ts';
import type { ObjectiveRecord } from './plan.service.ts';

export type Body = {
  [K in keyof Omit<
    ObjectiveFields,
    'sources' | 'published' | 'mandateFrom' | 'mandateTo' | 'firstYear' | 'lastYear'
  >]?: Text;
} & {
  sources?: Source[] | undefined;
  published?: boolean | undefined;
  mandateFrom?: number | undefined;
  mandateTo?: number | undefined;
  firstYear?: number | undefined;
  lastYear?: number | undefined;
};

const num = (sent: number | undefined, stored: number | undefined) => String(sent ?? stored ?? '');

/** The API's body as the form's fields, a PATCH's left-out fields taken from the stored objective. */
export function fieldsOf(b: Body, s?: ObjectiveRecord): ObjectiveFields {
  return {
    level: keep(b.level, s?.level),
    parentId: keep(b.parentId, s?.parentId),
    code: keep(b.code, s?.code),
    mandateFrom: num(b.mandateFrom, s?.mandateFrom),
    mandateTo: num(b.mandateTo, s?.mandateTo),
    titleIt: keep(b.titleIt, s?.titleIt),
    titleEn: keep(b.titleEn, s?.titleEn),
    addressIt: keep(b.addressIt, s?.addressIt),
    addressEn: keep(b.addressEn, s?.addressEn),
    mission: keep(b.mission, s?.mission),
    programme: keep(b.programme, s?.programme),
    responsible: keep(b.responsible, s?.responsible),
    descriptionIt: keep(b.descriptionIt, s?.descriptionIt),
    descriptionEn: keep(b.descriptionEn, s?.descriptionEn),
    firstYear: num(b.firstYear, s?.firstYear),
    lastYear: num(b.lastYear, s?.lastYear),
    currency: keep(b.currency, s?.currency),
    published: String(b.published ?? s?.published ?? false),
    sources: b.sources ?? s?.sources ?? [],
  };
}
