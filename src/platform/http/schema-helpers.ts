// Small TypeBox helpers shared by every feature's schemas.
import { type TSchema, Type } from '@sinclair/typebox';

/** A string enum that OpenAPI shows as `enum`, not as a union of constants. */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  opts: { description?: string } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });

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
