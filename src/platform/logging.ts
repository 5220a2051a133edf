// Structured logs (pino); pretty only when a person watches a terminal. Secrets are redacted.
import { type DestinationStream, type LoggerOptions, pino } from 'pino';

/**
 * Addresses that carry a secret in their path: a person's private calendar feed and an invitation's one-time
 * address. Their secret is cut out of the logged URL, as an Authorization header is redacted.
 */
const SECRET_PATHS: [RegExp, string][] = [
  [/^(\/feeds\/agenda\/)[^/?#]+/, '$1[redacted].ics'],
  [/^(\/admin\/[a-z]{2}\/invitation\/)[^/?#]+/, '$1[redacted]'],
];

/** A URL as the log may show it. */
export function loggableUrl(url: string): string {
  for (const [pattern, replacement] of SECRET_PATHS)
    if (pattern.test(url)) return url.replace(pattern, replacement);
  return url;
}

/** The request as the log shows it: Fastify's fields, the URL without a path's secret. */
function req(request: {
  method?: string;
  url?: string;
  host?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: loggableUrl(request.url ?? ''),
    host: request.host ?? request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The server's logger; `destination` for a test that reads what it writes (stdout otherwise). */
export function createLogger(level: string, destination?: DestinationStream) {
  const options: LoggerOptions = {
    level,
    serializers: { req },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'databaseUrl',
        'databaseOwnerUrl',
        'ownerUrl',
        'oidcClientSecret',
        '*.oidcClientSecret',
        'client_secret',
        'token',
      ],
      censor: '[redacted]',
    },
    ...(process.stdout.isTTY && !destination
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
