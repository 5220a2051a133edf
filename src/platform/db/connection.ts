// What a lost database connection looks like, whichever layer reports it: node-postgres, the pool, Drizzle
// (which wraps the driver's error as its cause) or the socket. Such a failure is not the request's fault and
// not a bug: the request is answered 503 (try again) and the pool replaces the connection.

// SQLSTATE class 08 (connection exception) and the operator interventions that end a session: 57P01
// admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown, 57P03 cannot_connect_now
// (a server starting or in recovery), 57P05 idle_session_timeout.
const LOST_STATES = /^(08[0-9A-Z]{3}|57P0[1235])$/;
const LOST_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

/** True when err, or an error it wraps, says the connection to the database was lost or refused. */
export function isConnectionLost(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (LOST_STATES.test(code) || LOST_ERRNOS.has(code))) return true;
    if (typeof message === 'string' && LOST_MESSAGES.some((m) => message.startsWith(m))) return true;
  }
  return false;
}

/**
 * True for a statement that only reads, which may be sent again on a new connection when the first one was
 * lost: whatever happened to the first attempt, a second changes nothing.
 */
export function isRetrySafeRead(text: string): boolean {
  return (
    /^\s*(select|with)\b/i.test(text) &&
    !/\b(insert|update|delete|merge|nextval|setval|pg_notify)\b/i.test(text)
  );
}
