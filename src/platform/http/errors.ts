// The one place where errors become HTTP answers: AppError codes map to statuses, request-validation errors
// become 400 invalid_input naming the field, anything else is a logged 500 without internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionLost } from '../db/connection.ts';
import { AppError, isAppError } from '../errors.ts';

interface ValidationIssue {
  instancePath?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
  message?: string;
}

function fieldOf(issue: ValidationIssue | undefined, context: string | undefined): string | undefined {
  if (!issue) return undefined;
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const leaf = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  const field = [path, leaf].filter(Boolean).join('.');
  return field || context;
}

export function toAppError(err: FastifyError | Error): AppError {
  if (isAppError(err)) return err;
  const fe = err as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation) {
    const issue = fe.validation[0];
    const field = fieldOf(issue, fe.validationContext);
    const extra = issue?.params?.additionalProperty
      ? ` (unknown field "${issue.params.additionalProperty}")`
      : '';
    return new AppError(
      'invalid_input',
      `${field ?? 'request'}: ${issue?.message ?? 'is not valid'}${extra}`,
      {
        ...(field ? { field } : {}),
      },
    );
  }
  if (isConnectionLost(err)) {
    return new AppError('unavailable', 'The database cannot be reached just now; try again in a moment', {
      cause: err,
    });
  }
  // PostgreSQL's class 22, "data exception" (a NUL byte in text, a number out of range, a malformed id): the
  // value came from the request, so it is bad input rather than our failure.
  const sqlState = [err, (err as { cause?: unknown }).cause]
    .map((e) => (e as { code?: unknown } | undefined)?.code)
    .find((code) => typeof code === 'string');
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    return new AppError(
      'invalid_input',
      'A value in the request cannot be stored (unsupported character or out of range)',
      {
        field: 'body',
      },
    );
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
    return new AppError('invalid_input', fe.message, { field: 'body' });
  }
  return new AppError('internal', 'Something went wrong on our side; the error has been logged', {
    cause: err,
  });
}

export function errorBody(err: AppError) {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
      ...(err.details ? { details: err.details } : {}),
    },
  };
}

export interface ErrorHandlingOptions {
  /** Answers an unknown address that a browser asked for, with a page in the user's language. */
  htmlNotFound?: (request: FastifyRequest, reply: FastifyReply) => unknown;
  /** Answers any other failed page request with a page in the user's language. */
  htmlError?: (request: FastifyRequest, reply: FastifyReply, err: AppError, status: number) => unknown;
}

/** A browser asking for something that is not there gets the 404 page; scripts asking for JSON get JSON. */
const wantsHtml = (request: FastifyRequest) =>
  !request.url.startsWith('/api/') && String(request.headers.accept ?? '').includes('text/html');

/** Pages (everything outside /api/) answer errors as pages: a form post must never land on JSON. */
const isPage = (request: FastifyRequest) => !request.url.startsWith('/api/');

export function registerErrorHandling(app: FastifyInstance, opts: ErrorHandlingOptions = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.code === 'internal') request.log.error({ err }, 'request failed');
    else if (appErr.code === 'unavailable') request.log.warn({ err }, appErr.message);
    else request.log.info({ code: appErr.code, field: appErr.field }, appErr.message);
    // A lost database connection is replaced within moments: say when to try again.
    if (appErr.code === 'unavailable') reply.header('retry-after', '1');
    const status = appErr.code === 'invalid_input' && err.statusCode === 413 ? 413 : appErr.status;
    // A browser that asked for a record that is not there (or not its institution's) gets the 404 page.
    if (appErr.code === 'not_found' && opts.htmlNotFound && wantsHtml(request)) {
      return opts.htmlNotFound(request, reply);
    }
    if (appErr.code !== 'not_found' && opts.htmlError && isPage(request)) {
      return opts.htmlError(request, reply, appErr, status);
    }
    return reply.status(status).send(errorBody(appErr));
  });
  app.setNotFoundHandler((request, reply) => {
    if (opts.htmlNotFound && wantsHtml(request)) return opts.htmlNotFound(request, reply);
    return reply
      .status(404)
      .send(errorBody(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)));
  });
}
