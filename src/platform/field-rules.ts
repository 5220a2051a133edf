// The rules of a form's or a body's simple fields, one for every entry point (API, forms, import, seed): a
// trimmed line of text, a calendar day, a time of day, a number of people, a yes/no. Each refusal is an
// AppError naming the field.
import { isDateError, parsePartialDate } from './dates.ts';
import { AppError, isAppError } from './errors.ts';

/** A record's id as the database makes them (a UUID): anything else is not one, and is not looked up. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The other fields a refusal names (details.also of fieldChecks). */
export function alsoRefused(err: AppError): { field: string; message: string; reason?: unknown }[] {
  const also = err.details?.['also'];
  return Array.isArray(also) ? also.filter((x) => typeof x?.field === 'string') : [];
}

/**
 * A form's checks run one after the other and refused together, so a person correcting a form sees every
 * field at fault at once. `take` runs a check and keeps its refusal; `done` throws the first refusal with the
 * others in details.also (each { field, message, reason }). What `take` returns after a refusal is a
 * placeholder that `done` never lets out.
 */
export function fieldChecks() {
  const refused: AppError[] = [];
  return {
    take<T>(check: () => T): T {
      try {
        return check();
      } catch (err) {
        if (!isAppError(err) || err.code !== 'invalid_input' || !err.field) throw err;
        refused.push(err);
        return undefined as T;
      }
    },
    /** A refusal found outside `take` (a rule across fields). */
    refuse(err: AppError): void {
      refused.push(err);
    },
    done(): void {
      const [first, ...rest] = refused;
      if (!first) return;
      if (rest.length === 0) throw first;
      const also = rest.map((e) => ({ field: e.field, message: e.message, reason: e.details?.['reason'] }));
      throw new AppError(first.code, first.message, {
        field: first.field!,
        details: { ...first.details, also },
      });
    },
  };
}

/** A trimmed line of text or null; invalid_input naming the field when required and empty, or too long. */
export function text(field: string, value: string | undefined, max: number, required = false): string | null {
  const v = (value ?? '').trim();
  if (required && !v) throw AppError.invalid(field, `${field} is required`);
  if (v.length > max) throw AppError.invalid(field, `${field} is longer than ${max} characters`);
  return v || null;
}

/** A calendar day written YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD. */
export function day(field: string, value: string | undefined, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw AppError.invalid(field, `${field} is required`);
    return null;
  }
  const parsed = parsePartialDate(v);
  if (isDateError(parsed) || parsed.precision !== 'day') {
    throw AppError.invalid(field, `"${v}" is not a day: write YYYY-MM-DD or DD/MM/YYYY`);
  }
  return parsed.date;
}

/** A time of day written 9:30, 09:30 or 9.30, as HH:MM; null when empty. */
export function timeOfDay(field: string, value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = v.match(/^(\d{1,2})[:.](\d{2})(?::00)?$/);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw AppError.invalid(field, `"${v}" is not a time of day: write HH:MM, such as 09:30`);
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** A whole number of people from 1 to max; null when empty. */
export function headcount(field: string, value: string | undefined, max = 10_000): number | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw AppError.invalid(field, `"${v}" is not a number of people from 1 to ${max}`);
  }
  return Number(v);
}

/** One of a fixed list of values (a kind, a status), trimmed; invalid_input naming the field otherwise. */
export function choice<T extends string>(field: string, allowed: readonly T[], value: string): T {
  const v = allowed.find((a) => a === value.trim());
  if (!v) throw AppError.invalid(field, `Choose one of ${allowed.join(', ')}`);
  return v;
}

/** A yes/no field of a form or a body: "yes", "true", "1" or "on" are yes. */
export const yes = (value: string | undefined) => ['yes', 'true', '1', 'on'].includes((value ?? '').trim());

/** An amount as people write it (1500, 1500.5, 1500,50, 1.500,50) as a decimal string; null when empty. */
export function parseAmount(raw: string | undefined): string | null | undefined {
  let v = (raw ?? '').trim().replace(/\s/g, '');
  if (!v) return null;
  // A comma is the decimal mark (1.500,50); without one, dots in groups of three separate thousands (1.500).
  if (v.includes(',')) v = v.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(v)) v = v.replace(/\./g, '');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(v)) return undefined;
  return v;
}

/** An amount as people write it, as a decimal string; null when empty; invalid_input naming the field. */
export function amount(field: string, value: string | undefined): string | null {
  const parsed = parseAmount(value);
  if (parsed === undefined)
    throw AppError.invalid(field, `"${value}" is not an amount such as 1500 or 1500.50`);
  return parsed;
}

/** A three-letter ISO 4217 code, upper-cased; `fallback` when empty. */
export function currency(field: string, value: string | undefined, fallback: string | null): string | null {
  const v = (value ?? '').trim().toUpperCase();
  if (!v) return fallback;
  if (!/^[A-Z]{3}$/.test(v))
    throw AppError.invalid(field, 'The currency is a three-letter ISO 4217 code such as EUR');
  return v;
}

/** A period's end not before its start: on the same day, the end time not before the start time. */
export function period(
  fields: { start: string; end: string },
  on: { startsOn: string; endsOn: string; startsAt: string | null; endsAt: string | null },
) {
  if (on.endsOn < on.startsOn) {
    throw AppError.invalid(fields.end, 'The last day comes before the first');
  }
  if (on.endsOn === on.startsOn && on.startsAt && on.endsAt && on.endsAt < on.startsAt) {
    throw AppError.invalid(fields.start, 'It ends before it starts');
  }
}

/**
 * A map point typed as "45.4642, 9.1900" (latitude, longitude: what a map's "share" shows) or blank; the
 * latitude within ±90 and the longitude within ±180.
 */
export function mapPoint(
  field: string,
  value: string | undefined,
): { latitude: number; longitude: number } | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = /^(-?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
  const latitude = m ? Number(m[1]) : Number.NaN;
  const longitude = m ? Number(m[2]) : Number.NaN;
  if (!m || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw AppError.invalid(
      field,
      `"${v}" is not a point: write the latitude and the longitude, e.g. 45.4642, 9.1900`,
      {
        reason: 'not_a_point',
      },
    );
  }
  return { latitude, longitude };
}
