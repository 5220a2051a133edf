// Agreement payloads: one TypeBox schema each drives validation, the TypeScript types and OpenAPI.
import { type Static, Type } from '@sinclair/typebox';
import {
  Nullable,
  PG_INTEGER_MAX,
  Source,
  Sources,
  StringEnum,
  TaggedUnion,
  WebUrl,
} from '../../platform/http/schema-helpers.ts';

export const AGREEMENT_KINDS = [
  'twinning',
  'friendship_pact',
  'brotherhood_pact',
  'collaboration_agreement',
  'memorandum_of_understanding',
  'project_partnership',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const STATUSES = ['proposed', 'active', 'suspended', 'expired', 'terminated'] as const;
export type Status = (typeof STATUSES)[number];

export const OUTCOMES = ['approved', 'rejected'] as const;
export const PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** The twelve sectors Milan's agreements cover (seed 004). */
export const SECTORS = [
  'public_administration',
  'economy',
  'science',
  'technology',
  'innovation',
  'culture',
  'education',
  'trade',
  'tourism',
  'mobility',
  'energy',
  'environment',
] as const;
export type Sector = (typeof SECTORS)[number];

export const TERMS = ['permanent', 'fixed'] as const;
export const RENEWALS = ['none', 'automatic', 'by_agreement'] as const;

/** "1973", "1973-04", "1973-04-01", or null for an unknown date. */
export const PartialDateString = Type.String({
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'A date at its precision: YYYY, YYYY-MM or YYYY-MM-DD',
  examples: ['1973', '1973-04', '1979-07-03'],
});

export const DatedFact = Type.Object(
  {
    date: Nullable(PartialDateString),
    precision: StringEnum(PRECISIONS),
    source: Nullable(Type.String({ description: 'Where the date comes from' })),
    sourceEn: Nullable(
      Type.String({ description: 'The same in English, for English pages; null: use source' }),
    ),
  },
  { title: 'DatedFact' },
);
export type DatedFact = Static<typeof DatedFact>;

/** Re-exported: the agreements' sources were the first; every record type now shares the shape. */
export { Source };

/** A date that another source gives differently: both are kept. */
export const AlternativeDate = Type.Object(
  {
    field: StringEnum(['signed', 'ratified'] as const),
    date: PartialDateString,
    precision: StringEnum(PRECISIONS),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    sourceEn: Type.Optional(
      Type.String({ maxLength: 500, description: 'The source in English, for English pages' }),
    ),
    url: Type.Optional(WebUrl()),
  },
  { title: 'AlternativeDate' },
);
export type AlternativeDate = Static<typeof AlternativeDate>;

export const StatusEvent = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    status: StringEnum(STATUSES),
    outcome: StringEnum(OUTCOMES, { description: "'rejected' records a motion that did not pass" }),
    date: Nullable(PartialDateString),
    precision: StringEnum(PRECISIONS),
    reasonIt: Nullable(Type.String()),
    reasonEn: Nullable(Type.String()),
    act: Nullable(Type.String({ description: 'The approving (or rejecting) act' })),
    sources: Type.Array(Source, { description: 'Where the event is documented' }),
  },
  { title: 'StatusEvent' },
);
export type StatusEvent = Static<typeof StatusEvent>;

export const StatusEventInput = Type.Object(
  {
    status: StringEnum(STATUSES),
    outcome: Type.Optional(StringEnum(OUTCOMES)),
    date: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    reasonIt: Type.Optional(Type.String({ maxLength: 4000 })),
    reasonEn: Type.Optional(Type.String({ maxLength: 4000 })),
    act: Type.Optional(Type.String({ maxLength: 500 })),
    sources: Type.Optional(Sources()),
  },
  { title: 'StatusEventInput' },
);
export type StatusEventInput = Static<typeof StatusEventInput>;

export const PartnerInput = TaggedUnion(
  [
    Type.Object(
      {
        type: Type.Literal('city'),
        name: Type.String({ minLength: 1, maxLength: 200, description: 'City name in any language' }),
        country: Type.Optional(Type.String({ maxLength: 100, description: 'Country name or ISO code' })),
        geonamesId: Type.Optional(Type.Integer({ minimum: 1, maximum: PG_INTEGER_MAX })),
      },
      { title: 'CityPartnerInput' },
    ),
    Type.Object(
      {
        type: Type.Literal('organisation'),
        nameIt: Type.String({ minLength: 1, maxLength: 300 }),
        nameEn: Type.String({ minLength: 1, maxLength: 300 }),
        country: Type.Optional(Type.String({ maxLength: 100 })),
        website: Type.Optional(WebUrl({ maxLength: 300 })),
      },
      { title: 'OrganisationPartnerInput' },
    ),
  ],
  'type',
  { title: 'PartnerInput' },
);
export type PartnerInput = Static<typeof PartnerInput>;

/** A date as given, with where it comes from. */
const DateInput = Type.Object({
  date: Nullable(Type.String({ maxLength: 20 })),
  source: Type.Optional(Type.String({ maxLength: 2000 })),
  sourceEn: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** What a person or a file gives to create an agreement. Dates may be YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY. */
export const AgreementInput = Type.Object(
  {
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 })),
    kind: StringEnum(AGREEMENT_KINDS),
    partner: PartnerInput,
    signed: Type.Optional(DateInput),
    ratified: Type.Optional(DateInput),
    signedPlace: Type.Optional(Type.String({ maxLength: 200 })),
    term: Type.Optional(
      Type.Object({
        type: StringEnum(TERMS),
        endsOn: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
        renewal: Type.Optional(StringEnum(RENEWALS)),
        renewalYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
      }),
    ),
    sectors: Type.Optional(Type.Array(StringEnum(SECTORS), { uniqueItems: true })),
    titleIt: Type.Optional(Type.String({ maxLength: 300 })),
    titleEn: Type.Optional(Type.String({ maxLength: 300 })),
    descriptionIt: Type.Optional(Type.String({ maxLength: 20000 })),
    descriptionEn: Type.Optional(Type.String({ maxLength: 20000 })),
    sources: Type.Optional(Type.Array(Source, { maxItems: 50 })),
    alternativeDates: Type.Optional(Type.Array(AlternativeDate, { maxItems: 20 })),
    statusHistory: Type.Optional(Type.Array(StatusEventInput, { maxItems: 100 })),
    published: Type.Optional(Type.Boolean()),
    toVerify: Type.Optional(
      Type.Boolean({
        description: 'The record comes from sources the office has not yet checked; false clears the mark',
      }),
    ),
    unit: Type.Optional(Type.String({ maxLength: 60, description: 'Slug of the unit that follows it' })),
  },
  { title: 'AgreementInput', additionalProperties: false },
);
export type AgreementInput = Static<typeof AgreementInput>;

/**
 * The fields an edit may change. The partner, the status history and publication have writes of their own
 * (a different partner is a different agreement); a field left out keeps its value.
 */
export const AgreementChanges = Type.Partial(
  Type.Omit(AgreementInput, ['slug', 'partner', 'statusHistory', 'published']),
  { title: 'AgreementChanges', additionalProperties: false },
);
export type AgreementChanges = Static<typeof AgreementChanges>;

const CountryRef = Type.Object({
  code: Type.String(),
  nameIt: Type.String(),
  nameEn: Type.String(),
  continent: Type.String(),
});

export const Partner = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: StringEnum(['city', 'organisation'] as const),
    nameIt: Type.String(),
    nameEn: Type.String(),
    website: Nullable(Type.String()),
    country: Nullable(CountryRef),
    place: Nullable(
      Type.Object({
        geonamesId: Type.Integer(),
        name: Type.String(),
        lat: Type.Number(),
        lon: Type.Number(),
        population: Type.Integer(),
      }),
    ),
  },
  { title: 'Partner' },
);
export type Partner = Static<typeof Partner>;

export const AgreementSummary = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    institution: Type.String({ description: 'Slug of the institution' }),
    slug: Type.String({
      description: "The Italian portal page's address: /{institution}/it/partenariati/{slug}",
    }),
    slugEn: Type.String({
      description: "The English portal page's address: /{institution}/en/partnerships/{slugEn}",
    }),
    kind: StringEnum(AGREEMENT_KINDS),
    status: StringEnum(STATUSES),
    statusSince: Nullable(PartialDateString),
    termEndedOn: Nullable(
      Type.String({
        format: 'date',
        description:
          'When the status is still active but the fixed term ended on this date and no renewal is recorded: ' +
          'the agreement needs review, and is not presented as active',
      }),
    ),
    partner: Partner,
    signed: DatedFact,
    ratified: DatedFact,
    sectors: Type.Array(StringEnum(SECTORS)),
    published: Type.Boolean(),
    toVerify: Type.Boolean({
      description: 'The data is being verified: recorded from sources the office has not yet checked',
    }),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'AgreementSummary' },
);
export type AgreementSummary = Static<typeof AgreementSummary>;

export const Agreement = Type.Composite(
  [
    AgreementSummary,
    Type.Object({
      titleIt: Nullable(Type.String()),
      titleEn: Nullable(Type.String()),
      signedPlace: Nullable(Type.String()),
      term: Type.Object({
        type: StringEnum(TERMS),
        endsOn: Nullable(Type.String({ format: 'date' })),
        renewal: Nullable(StringEnum(RENEWALS)),
        renewalYears: Nullable(Type.Integer()),
      }),
      unit: Nullable(Type.String()),
      descriptionIt: Nullable(Type.String()),
      descriptionEn: Nullable(Type.String()),
      sources: Type.Array(Source),
      alternativeDates: Type.Array(AlternativeDate),
      statusHistory: Type.Array(StatusEvent),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ],
  { title: 'Agreement' },
);
export type Agreement = Static<typeof Agreement>;

export const SORTS = ['signed', '-signed', 'name', '-name', 'updated', '-updated'] as const;
export type Sort = (typeof SORTS)[number];

export const AgreementListQuery = Type.Object({
  institution: Type.Optional(Type.String({ description: 'Institution slug, e.g. milano' })),
  kind: Type.Optional(StringEnum(AGREEMENT_KINDS)),
  status: Type.Optional(StringEnum(STATUSES)),
  continent: Type.Optional(StringEnum(['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const)),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' })),
  sector: Type.Optional(StringEnum(SECTORS)),
  signedFrom: Type.Optional(
    Type.Integer({ minimum: 1000, maximum: 9999, description: 'First signing year' }),
  ),
  signedTo: Type.Optional(Type.Integer({ minimum: 1000, maximum: 9999, description: 'Last signing year' })),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Partner name in any language' }),
  ),
  sort: Type.Optional(StringEnum(SORTS, { description: 'Sort key; a leading - sorts descending' })),
  lang: Type.Optional(StringEnum(['it', 'en'] as const, { description: 'Language of name sorting' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
});
export type AgreementListQuery = Static<typeof AgreementListQuery>;

export const AgreementPage = Type.Object(
  {
    items: Type.Array(AgreementSummary),
    nextCursor: Nullable(Type.String()),
  },
  { title: 'AgreementPage' },
);
export type AgreementPage = Static<typeof AgreementPage>;
