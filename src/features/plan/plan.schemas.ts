// The plan's objectives as the API shows and takes them: money as exact decimal strings in the objective's
// currency, null for "not recorded".
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { Source } from '../agreements/agreements.schemas.ts';
import { LEVELS } from './plan.rules.ts';

const MONEY = Nullable(
  Type.String({
    pattern: '^\\d{1,10}(\\.\\d{1,2})?$',
    description: 'An exact decimal with a dot, such as "12500.00"; null is "not recorded", unlike "0.00"',
  }),
);
const YEAR = Type.Integer({ minimum: 1990, maximum: 2100 });

export const YearAmounts = Type.Object(
  {
    year: YEAR,
    incomePlanned: MONEY,
    incomeCommitted: { ...MONEY, description: 'Income ascertained (accertato)' },
    incomePaid: { ...MONEY, description: 'Income collected (riscosso)' },
    expensePlanned: MONEY,
    expenseCommitted: { ...MONEY, description: 'Expenditure committed (impegnato)' },
    expensePaid: { ...MONEY, description: 'Expenditure paid (pagato)' },
  },
  { title: 'YearAmounts', additionalProperties: false },
);

export const IndicatorValue = Type.Object(
  {
    year: YEAR,
    target: Nullable(Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,2})?$' })),
    actual: Nullable(Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,2})?$' })),
  },
  { title: 'IndicatorValue', additionalProperties: false },
);

export const Indicator = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    nameIt: Type.String(),
    nameEn: Nullable(Type.String()),
    unit: Nullable(Type.String({ description: 'What the numbers count: "accordi", "%"' })),
    values: Type.Array(IndicatorValue, { description: 'One per year of the horizon' }),
  },
  { title: 'Indicator' },
);

export const LINK_KINDS = [
  'agreement',
  'visit',
  'mission',
  'meeting',
  'network',
  'project',
  'event',
  'dossier',
] as const;
export const ObjectiveLink = Type.Object(
  {
    linkId: Type.String({ format: 'uuid' }),
    kind: StringEnum(LINK_KINDS),
    id: Type.String({ format: 'uuid', description: 'The record linked' }),
    labelIt: Type.String(),
    labelEn: Type.String(),
    day: Nullable(Type.String({ format: 'date', description: 'Its signing or starting day' })),
    until: Nullable(
      Type.String({
        format: 'date',
        description:
          'Its last day when it runs longer (a project, an event); a running project without an end runs to today',
      }),
    ),
  },
  { title: 'ObjectiveLink' },
);

/** An objective as the portal and the open data show it. */
export const Objective = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    level: StringEnum(LEVELS),
    parentId: Nullable(Type.String({ format: 'uuid', description: 'The strategic objective it serves' })),
    code: Nullable(Type.String({ description: 'The DUP code of an operational objective: "1901/0159"' })),
    mandateFrom: Type.Integer(),
    mandateTo: Type.Integer(),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    addressIt: Nullable(Type.String({ description: 'The strategic address (indirizzo strategico)' })),
    addressEn: Nullable(Type.String()),
    mission: Type.String({ description: 'Missione of the harmonised accounts: "19"' }),
    programme: Nullable(Type.String({ description: 'Programma: "1901", "1902"' })),
    responsible: Nullable(Type.String()),
    descriptionIt: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    firstYear: Type.Integer({ description: 'The first year its resources are planned for' }),
    lastYear: Type.Integer(),
    currency: Type.String({ description: 'ISO 4217' }),
    years: Type.Array(YearAmounts, { description: 'One per year from firstYear to lastYear' }),
    indicators: Type.Array(Indicator),
    sources: Type.Array(Source),
    published: Type.Boolean(),
  },
  { title: 'Objective' },
);
export type Objective = Static<typeof Objective>;

export const ObjectiveRecordSchema = Type.Composite(
  [
    Objective,
    Type.Object({
      version: Type.Integer({
        description: 'Send it back with the next write to the objective or its parts',
      }),
      updatedAt: Type.String({ format: 'date-time' }),
      links: Type.Array(ObjectiveLink, { description: 'The activities that serve it' }),
      children: Type.Array(
        Type.Object({
          id: Type.String({ format: 'uuid' }),
          code: Nullable(Type.String()),
          titleIt: Type.String(),
        }),
        { description: 'The operational objectives under a strategic one' },
      ),
    }),
  ],
  { title: 'ObjectiveRecord' },
);

export const objectiveProps = {
  level: StringEnum(LEVELS),
  parentId: Type.Optional(
    Nullable(Type.String({ description: 'An operational objective: the id of its strategic objective' })),
  ),
  code: optionalText(40, 'The DUP code, unique in the mandate (409 if taken): "1901/0159"'),
  mandateFrom: YEAR,
  mandateTo: YEAR,
  titleIt: Type.String({ minLength: 1, maxLength: 300 }),
  titleEn: optionalText(300),
  addressIt: optionalText(300, 'The strategic address (indirizzo strategico)'),
  addressEn: optionalText(300),
  mission: Type.String({ enum: ['19'], description: 'Missione 19 "Relazioni internazionali"' }),
  programme: Type.Optional(Nullable(Type.String({ enum: ['1901', '1902', ''] }))),
  responsible: optionalText(200, 'The person responsible'),
  descriptionIt: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  firstYear: YEAR,
  lastYear: { ...YEAR, description: 'At most ten years after firstYear' },
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; EUR by default' })),
  published: Type.Optional(Type.Boolean({ description: 'Shown on the portal; false by default' })),
  sources: Type.Optional(Type.Array(Source, { maxItems: 50, description: 'Replaces the list' })),
} satisfies TProperties;

export const ObjectiveInput = Type.Object(objectiveProps, { ...closed, title: 'ObjectiveInput' });
export const ObjectiveChanges = changesOf(objectiveProps, 'ObjectiveChanges');

const MONEY_IN = Type.Optional(MONEY);
export const YearAmountsInput = Type.Object(
  {
    year: YEAR,
    incomePlanned: MONEY_IN,
    incomeCommitted: MONEY_IN,
    incomePaid: MONEY_IN,
    expensePlanned: MONEY_IN,
    expenseCommitted: MONEY_IN,
    expensePaid: MONEY_IN,
  },
  {
    title: 'YearAmountsInput',
    additionalProperties: false,
    description: 'An amount left out is not recorded',
  },
);

export const YearsInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: "The objective's version (409 if stale)" }),
    years: Type.Array(YearAmountsInput, {
      maxItems: 11,
      description: 'The years sent replace theirs; a year outside firstYear..lastYear is refused',
    }),
  },
  { ...closed, title: 'YearsInput' },
);

export const IndicatorInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: "The objective's version (409 if stale)" }),
    nameIt: Type.String({ minLength: 1, maxLength: 300 }),
    nameEn: optionalText(300),
    unit: optionalText(40),
    values: Type.Optional(Type.Array(IndicatorValue, { maxItems: 11 })),
  },
  { ...closed, title: 'IndicatorInput' },
);

export const LinkInput = Type.Object(
  {
    kind: StringEnum(LINK_KINDS),
    recordId: Type.String({ format: 'uuid', description: "One of the institution's records of that kind" }),
  },
  { ...closed, title: 'ObjectiveLinkInput' },
);
