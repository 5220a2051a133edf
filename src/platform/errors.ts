// One error type for the whole application. Services throw it; the HTTP edge, the CLI and the pages map
// its closed set of codes to a status, an exit code or an error page. Messages of 4xx codes are for users.

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  ambiguous_place: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  message: string;
  /** When the text is too long: the most characters the field takes, for pages to say in their language. */
  maxLength?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The offending input field, as a JSON pointer-ish path ("signed.date", "partner.country"). */
  readonly field: string | undefined;
  /** Extra machine-readable facts (candidates of an ambiguous place, the current version...). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static invalid(field: string, message: string, details?: Record<string, unknown>): AppError {
    return new AppError('invalid_input', message, { field, details });
  }

  static notFound(what: string, id: string | number): AppError {
    return new AppError('not_found', `${what} "${id}" does not exist`, { details: { id } });
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
