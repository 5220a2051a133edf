// Small TypeBox helpers shared by every feature's schemas.
import { type Static, type TObject, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import { WEB_URL_OR_EMPTY_PATTERN, WEB_URL_PATTERN } from '../urls.ts';

/** A string enum that OpenAPI shows as `enum`, not as a union of constants. */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  opts: { description?: string } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });

/**
 * The largest value of PostgreSQL's `integer`, the column type of GeoNames ids: a larger one cannot even be
 * compared with them (the query fails), so schemas refuse it as input.
 */
export const PG_INTEGER_MAX = 2_147_483_647;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Machine-readable error code' }),
      message: Type.String(),
      field: Type.Optional(Type.String({ description: 'The input field at fault' })),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { title: 'Error' },
);

/**
 * A stored web address: http or https only (platform/urls.ts says why). Every schema that takes an address
 * uses this one; the services check the same rule with webUrlProblem for callers that skip the schema.
 */
export const WebUrl = (opts: { maxLength?: number; emptyClears?: boolean } = {}) =>
  opts.emptyClears
    ? Type.String({
        pattern: WEB_URL_OR_EMPTY_PATTERN,
        maxLength: opts.maxLength ?? 2000,
        description: 'An absolute http:// or https:// address; "" clears it',
      })
    : Type.String({
        format: 'uri',
        pattern: WEB_URL_PATTERN,
        maxLength: opts.maxLength ?? 2000,
        description: 'An absolute http:// or https:// address',
      });

/**
 * Where a claim comes from: the address of the page or act, its title as published and, when the title is in
 * another language, an English label for English pages. Every record type that states facts cites these. A
 * document without an address (a council motion, a page whose address was not kept) is cited by its title:
 * the services refuse a source with neither (sourcesProblem).
 */
export const Source = Type.Object(
  {
    url: Type.Optional(WebUrl({ maxLength: 2000 })),
    title: Type.Optional(Type.String({ maxLength: 500, description: 'The title as published' })),
    titleEn: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'An English label, shown on English pages instead of the title',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'What this source says' })),
  },
  { title: 'Source' },
);
export type Source = Static<typeof Source>;

/** The first source with neither an address nor a title, as the field to name; undefined when all are fine. */
export function sourcesProblem(
  sources: readonly Source[] | undefined,
  field = 'sources',
): string | undefined {
  const i = (sources ?? []).findIndex((s) => !s.url?.trim() && !s.title?.trim());
  return i < 0 ? undefined : `${field}.${i}.title`;
}

/** The sources of a record, at most 50. */
export const Sources = () => Type.Array(Source, { maxItems: 50 });

/**
 * One of several object shapes, told apart by the value of one property (`type`: "city" or "organisation").
 * Validators then check only the branch the value names, so a problem is reported at its field in that branch
 * instead of as the first branch's missing property.
 */
export const TaggedUnion = <T extends TObject[]>(
  schemas: [...T],
  tag: string,
  opts: { title?: string; description?: string } = {},
) =>
  Type.Unsafe<Static<TUnion<T>>>({
    type: 'object',
    oneOf: schemas,
    discriminator: { propertyName: tag },
    ...opts,
  });
