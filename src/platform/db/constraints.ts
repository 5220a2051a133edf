// Constraint violations that slip past a service's own checks (two people saving at the same moment) turned
// into a conflict the person can act on, instead of a server error.
import { AppError, isAppError } from '../errors.ts';

/**
 * A unique or foreign-key violation (PostgreSQL 23505, 23503, or 23001 of a restricting key), found on the error or its causes, as a 409
 * `conflict` with `details.reason` "concurrent"; undefined for anything else (an AppError included).
 */
export function constraintConflict(err: unknown): AppError | undefined {
  if (isAppError(err)) return undefined;
  let cause: unknown = err;
  for (let depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (code === '23505' || code === '23503' || code === '23001') {
      return new AppError(
        'conflict',
        'Someone else changed related records at the same moment: reload the page and try again',
        { details: { reason: 'concurrent' }, cause: err },
      );
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
