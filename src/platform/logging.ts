// Structured logs (pino); pretty only when a person watches a terminal. Secrets are redacted.
import { pino } from 'pino';

export function createLogger(level: string) {
  return pino({
    level,
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
    ...(process.stdout.isTTY
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } }
      : {}),
  });
}
