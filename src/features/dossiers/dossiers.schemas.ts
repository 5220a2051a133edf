// Candidacy dossiers as the API shows and takes them.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { Source } from '../agreements/agreements.schemas.ts';
import { DOSSIER_KINDS, DOSSIER_STATUSES } from './dossiers.rules.ts';

export const Deadline = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    labelIt: Type.String(),
    labelEn: Nullable(Type.String()),
    dueOn: Type.String({ format: 'date' }),
    doneOn: Nullable(Type.String({ format: 'date', description: 'When it was met; null while open' })),
  },
  { title: 'DossierDeadline' },
);

export const Dossier = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    kind: StringEnum(DOSSIER_KINDS),
    awardingBody: Nullable(Type.String()),
    callTitle: Nullable(Type.String()),
    callUrl: Nullable(Type.String()),
    unit: Nullable(Type.String({ description: "The lead unit's slug" })),
    contributors: Nullable(Type.String()),
    status: StringEnum(DOSSIER_STATUSES),
    submittedOn: Nullable(Type.String({ format: 'date' })),
    decidedOn: Nullable(Type.String({ format: 'date' })),
    outcomeIt: Nullable(Type.String()),
    outcomeEn: Nullable(Type.String()),
    documents: Type.Array(Source),
    deadlines: Type.Array(Deadline),
    example: Type.Boolean(),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Dossier' },
);
export type Dossier = Static<typeof Dossier>;

export const DossierPage = Type.Object(
  {
    items: Type.Array(Dossier),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'DossierPage' },
);

export const dossierProps = {
  titleIt: Type.String({ minLength: 1, maxLength: 300 }),
  titleEn: optionalText(300),
  kind: StringEnum(DOSSIER_KINDS),
  awardingBody: optionalText(300),
  callTitle: optionalText(300),
  callUrl: optionalText(2000, 'http(s) only'),
  unit: optionalText(60, "The lead unit's slug"),
  contributors: optionalText(1000),
  status: StringEnum(DOSSIER_STATUSES),
  submittedOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  decidedOn: Type.Optional(
    Nullable(Type.String({ format: 'date', description: 'Required once won or lost' })),
  ),
  outcomeIt: optionalText(5000),
  outcomeEn: optionalText(5000),
  documents: Type.Optional(Type.Array(Source, { maxItems: 50 })),
} satisfies TProperties;

export const DossierInput = Type.Object(dossierProps, { ...closed, title: 'DossierInput' });
export const DossierChanges = changesOf(dossierProps, 'DossierChanges');

export const DeadlineInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: "The dossier's version (409 if stale)" }),
    labelIt: Type.String({ minLength: 1, maxLength: 200 }),
    labelEn: optionalText(200),
    dueOn: Type.String({ format: 'date' }),
    doneOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { ...closed, title: 'DossierDeadlineInput' },
);

export const DueDeadline = Type.Object(
  {
    dossierId: Type.String({ format: 'uuid' }),
    dossierTitleIt: Type.String(),
    dossierTitleEn: Nullable(Type.String()),
    id: Type.String({ format: 'uuid' }),
    labelIt: Type.String(),
    labelEn: Nullable(Type.String()),
    dueOn: Type.String({ format: 'date' }),
    days: Type.Integer({ description: 'Days left; negative once passed' }),
    reminder: Type.Union([Type.Literal(30), Type.Literal(7), Type.Literal(1), Type.Literal('overdue')]),
  },
  { title: 'DueDeadline' },
);
export type DueDeadline = Static<typeof DueDeadline>;
