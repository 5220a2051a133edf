// The API's and the CLI's JSON body of a dossier as the service's fields: a PATCH's left-out fields are taken
// from the stored dossier.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import type { DossierFields } from './dossiers.rules.ts';
import type { Dossier } from './dossiers.schemas.ts';

export type DossierBody = { [K in keyof Omit<DossierFields, 'documents'>]?: Text } & {
  documents?: Source[] | undefined;
};

export function dossierFields(b: DossierBody, s?: Dossier): DossierFields {
  return {
    titleIt: keep(b.titleIt, s?.titleIt),
    titleEn: keep(b.titleEn, s?.titleEn),
    kind: keep(b.kind, s?.kind),
    awardingBody: keep(b.awardingBody, s?.awardingBody),
    callTitle: keep(b.callTitle, s?.callTitle),
    callUrl: keep(b.callUrl, s?.callUrl),
    unit: keep(b.unit, s?.unit),
    contributors: keep(b.contributors, s?.contributors),
    status: keep(b.status, s?.status),
    submittedOn: keep(b.submittedOn, s?.submittedOn),
    decidedOn: keep(b.decidedOn, s?.decidedOn),
    outcomeIt: keep(b.outcomeIt, s?.outcomeIt),
    outcomeEn: keep(b.outcomeEn, s?.outcomeEn),
    documents: b.documents ?? s?.documents ?? [],
  };
}
