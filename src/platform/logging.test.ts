// The server's log keeps no secret: headers are redacted, and an address whose path carries one (a private
// calendar feed, an invitation) is logged without it.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../../test/support.ts';
import { buildApp } from '../app.ts';
import { createLogger, loggableUrl } from './logging.ts';

describe('the log', () => {
  it('when addresses carry a secret in their path, then the URL is logged without it, and others as they are', () => {
    expect(loggableUrl('/feeds/agenda/abcDEF123_-xyz.ics?lang=en')).toBe(
      '/feeds/agenda/[redacted].ics?lang=en',
    );
    expect(loggableUrl('/admin/it/invitation/k9s8d7f6')).toBe('/admin/it/invitation/[redacted]');
    expect(loggableUrl('/milano/it/agenda-internazionale/')).toBe('/milano/it/agenda-internazionale/');
  });

  it('when the server logs requests to such addresses, then no line holds the secret', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const deps = await createTestDeps();
    const app = await buildApp({
      deps,
      config: { publicUrl: 'http://ponte.test' },
      logger: createLogger('info', sink),
    });
    try {
      await app.inject({ method: 'GET', url: '/feeds/agenda/FEEDSECRETFEEDSECRETFEEDSECRET.ics' });
      await app.inject({ method: 'GET', url: '/admin/en/invitation/INVITESECRETINVITESECRET' });
      expect(lines.some((l) => l.includes('/feeds/agenda/[redacted].ics'))).toBe(true);
      expect(lines.join('\n')).not.toMatch(/FEEDSECRET|INVITESECRET/);
    } finally {
      await app.close();
      await deps.close();
    }
  });
});
