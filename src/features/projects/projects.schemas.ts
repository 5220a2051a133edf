// Projects as the API shows and takes them: money as exact decimal strings in the project's currency.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { Source } from '../agreements/agreements.schemas.ts';
import { PARTNER_ROLES, PROJECT_KINDS, PROJECT_ROLES, PROJECT_STATUSES } from './projects.rules.ts';

const MONEY = Type.String({
  pattern: '^\\d{1,10}(\\.\\d{1,2})?$',
  description: 'An exact decimal such as "12500.00"',
});

export const ProjectPartner = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    counterpartId: Nullable(
      Type.String({ format: 'uuid', description: 'The partner in the registry, if it is one' }),
    ),
    name: Type.String(),
    role: StringEnum(PARTNER_ROLES),
    country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-2' })),
  },
  { title: 'ProjectPartner' },
);
export const ProjectFunding = Type.Object(
  { id: Type.String({ format: 'uuid' }), source: Type.String(), amount: MONEY },
  { title: 'ProjectFunding' },
);

export const Project = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    code: Type.String({ description: "The office's own code; the IATI identifier ends with it" }),
    kind: StringEnum(PROJECT_KINDS),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    descriptionIt: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    funder: Nullable(Type.String({ description: 'The programme or funder' })),
    role: StringEnum(PROJECT_ROLES, { description: "The institution's role" }),
    status: StringEnum(PROJECT_STATUSES),
    startsOn: Nullable(Type.String({ format: 'date' })),
    endsOn: Nullable(Type.String({ format: 'date' })),
    countries: Type.Array(Type.String(), { description: 'ISO 3166-1 alpha-2 codes of where it takes place' }),
    currency: Type.String(),
    totalBudget: Nullable(MONEY),
    ownShare: Nullable({ ...MONEY, description: "The institution's share of the budget" }),
    resultsIt: Nullable(Type.String()),
    resultsEn: Nullable(Type.String()),
    documents: Type.Array(Source),
    partners: Type.Array(ProjectPartner),
    funding: Type.Array(ProjectFunding, { description: 'Co-funding by source' }),
    years: Type.Array(Type.Object({ year: Type.Integer(), amount: MONEY }), {
      description: "The institution's budget per calendar year",
    }),
    published: Type.Boolean(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Project' },
);
export type Project = Static<typeof Project>;

export const ProjectRecordSchema = Type.Composite(
  [
    Project,
    Type.Object({
      example: Type.Boolean({ description: 'Loaded by `ponte seed examples`: never published' }),
      version: Type.Integer({ description: 'Send it back with the next write to the project or its parts' }),
    }),
  ],
  { title: 'ProjectRecord' },
);

export const ProjectPage = Type.Object(
  {
    items: Type.Array(ProjectRecordSchema),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'ProjectPage' },
);

export const projectProps = {
  code: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$',
    description: 'Unique in the institution (409)',
  }),
  kind: StringEnum(PROJECT_KINDS),
  titleIt: Type.String({ minLength: 1, maxLength: 300 }),
  titleEn: optionalText(300),
  descriptionIt: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  funder: optionalText(300, 'The programme or funder: "Interreg Europe", "AICS", "Regione Toscana"'),
  role: StringEnum(PROJECT_ROLES),
  status: StringEnum(PROJECT_STATUSES),
  startsOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  endsOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  countries: Type.Optional(
    Type.Array(Type.String({ maxLength: 60 }), { maxItems: 40, description: 'Codes or names' }),
  ),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  totalBudget: Type.Optional(Nullable(MONEY)),
  ownShare: Type.Optional(Nullable(MONEY)),
  resultsIt: optionalText(10_000),
  resultsEn: optionalText(10_000),
  documents: Type.Optional(
    Type.Array(Source, { maxItems: 50, description: 'Replaces the list; http(s) only' }),
  ),
  published: Type.Optional(Type.Boolean()),
} satisfies TProperties;

export const ProjectInput = Type.Object(projectProps, { ...closed, title: 'ProjectInput' });
export const ProjectChanges = changesOf(projectProps, 'ProjectChanges');

export const PartnerInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: "The project's version (409 if stale)" }),
    counterpartId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    name: optionalText(300, 'Required unless counterpartId names the partner'),
    role: StringEnum(PARTNER_ROLES),
    country: optionalText(60, 'A code or a name; taken from the registry when empty'),
  },
  { ...closed, title: 'ProjectPartnerInput' },
);
export const FundingInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: "The project's version (409 if stale)" }),
    source: Type.String({ minLength: 1, maxLength: 300 }),
    amount: MONEY,
  },
  { ...closed, title: 'ProjectFundingInput' },
);
export const ProjectYearsInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: "The project's version (409 if stale)" }),
    years: Type.Array(Type.Object({ year: Type.Integer(), amount: Nullable(MONEY) }, closed), {
      maxItems: 15,
      description: 'Each year within the project period; null removes the year',
    }),
  },
  { ...closed, title: 'ProjectYearsInput' },
);
