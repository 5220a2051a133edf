// Validates data outside HTTP (files, CLI) against the same schemas the API declares, with Ajv as Fastify does.
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, type FieldProblem } from './errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, discriminator: true }));

function problemOf(e: ErrorObject): FieldProblem {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const leaf = (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty;
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  const field = [path, leaf ?? extra].filter(Boolean).join('.') || '(item)';
  const allowed = (e.params as { allowedValues?: string[] }).allowedValues;
  const limit = e.keyword === 'maxLength' ? (e.params as { limit?: number }).limit : undefined;
  const message = extra
    ? 'is not a known field'
    : allowed
      ? `must be one of ${allowed.join(', ')}`
      : (e.message ?? 'is not valid');
  return { field, message, ...(limit !== undefined ? { maxLength: limit } : {}) };
}

/** A validator returning field problems; union branches' noise is reduced to the first problem per field. */
export function validator<T>(schema: TSchema): (value: unknown) => { value?: T; problems: FieldProblem[] } {
  // Compiled at the first call, not when the module loads: a start should not pay for checks nobody runs yet.
  let compiled: ValidateFunction | undefined;
  return (value) => {
    compiled ??= ajv.compile(schema);
    const validate = compiled;
    if (validate(value)) return { value: value as T, problems: [] };
    const seen = new Set<string>();
    const problems = (validate.errors ?? []).map(problemOf).filter((p) => {
      if (seen.has(p.field)) return false;
      seen.add(p.field);
      return true;
    });
    return { problems };
  };
}

/**
 * A validator that throws instead: invalid_input naming the first field at fault, with every problem in
 * `details.problems` (and `details.maxLength` when the first is a text that is too long). For services whose
 * callers do not all pass through an HTTP schema (forms, CLI), so that they refuse what the API refuses.
 */
export function asserter<T>(schema: TSchema): (value: unknown) => T {
  const check = validator<T>(schema);
  return (value) => {
    const { problems } = check(value);
    const first = problems[0];
    if (!first) return value as T;
    throw AppError.invalid(first.field, `${first.field}: ${first.message}`, {
      problems,
      ...(first.maxLength !== undefined ? { maxLength: first.maxLength } : {}),
    });
  };
}
