// What every record type's JSON write routes share: who may call them and how, the version an edit starts
// from, the error answers, PATCH bodies built from the same properties as the creation's, and the notes of
// their documentation. A PATCH sends only the fields it changes: the others are taken from the stored record.
import { type TProperties, Type } from '@sinclair/typebox';
import { ErrorResponse, Nullable } from './schema-helpers.ts';

export const API_SECURITY: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
export const Version = Type.Integer({
  minimum: 1,
  description: 'The version the change starts from (409 if stale)',
});
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const VersionQuery = Type.Object({ version: Version });
export const ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/** JSON writes: an editor's session (with its X-CSRF-Token header) or a write token. */
export const WRITE = { access: 'editor' } as const;

export const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const NO_LINE_BREAK = '^[^\\r\\n]*$';

/** Optional fields take null or "" to clear them. */
export const optionalText = (maxLength: number, description?: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

export const closed = { additionalProperties: false } as const;

/** The properties of a PATCH body: every field optional, plus the version the change starts from. */
export const changesOf = <T extends TProperties>(props: T, title: string) =>
  Type.Composite([Type.Partial(Type.Object(props)), Type.Object({ version: Version })], {
    ...closed,
    title,
  });

export type Text = string | null | undefined;
/** A field of a PATCH: left out keeps the stored value, null clears it. */
export const keep = (sent: Text, stored: string | null | undefined): string =>
  sent === undefined ? (stored ?? '') : (sent ?? '');

export const PATCH_NOTE =
  'Send only the fields that change, with `version` from the last answer: a field left out keeps its ' +
  'value, null (or "") clears an optional one. A stale version is refused with 409 `version_conflict` and ' +
  'the stored record in `details.current`.';
export const DELETE_NOTE =
  '`version` is the one the caller last saw: a stale version is refused with 409 `version_conflict` and the ' +
  'stored record in `details.current`.';
export const SCOPE_NOTE =
  "Only the caller's institution: another institution's record answers 404. Needs a write token, or an " +
  "editor's or admin's session.";
