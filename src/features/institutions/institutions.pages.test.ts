// The institution's settings page in the back-office, and what the portal makes of the settings: the footer's
// contacts and accessibility statement, the privacy page's text, the overview's contact block.
import { describe, expect, it } from 'vitest';
import {
  app,
  errorOf,
  get,
  milan,
  milanId,
  one,
  post,
  useRecordsPages,
} from '../../../test/records-pages.ts';

useRecordsPages();

const versionOf = async () =>
  (await one<{ version: number }>('select version from institutions where id = $1', [milanId]))!.version;

const filled = (version: number, over: Record<string, string> = {}) => ({
  version: String(version),
  address: 'Piazza della Scala 2, 20121 Milano',
  email: 'relazioni@comune.example.it',
  pec: 'protocollo@pec.comune.example.it',
  phone: '+39 02 0202',
  taxCode: '',
  vatNumber: '01199250158',
  website: '',
  accessibilityUrl: 'https://form.agid.gov.it/view/milano-statement',
  privacyTextIt: 'Il nostro testo sulla privacy.\n\nUn secondo paragrafo.',
  privacyTextEn: '',
  sources: 'https://www.comune.example.it/contatti Recapiti dell’ente',
  ...over,
});

describe('settings page', () => {
  it('when an admin saves the settings, then the page shows them again and the portal uses them', async () => {
    const page = await get('/admin/it/settings', milan.admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Impostazioni dell’ente');
    expect(page.body).toContain('href="/admin/it/settings"');
    const saved = await post('/admin/it/settings', milan.admin, filled(await versionOf()));
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe('/admin/it/settings?saved=1');
    const again = await get('/admin/it/settings?saved=1', milan.admin);
    expect(again.body).toContain('value="+39 02 0202"');
    expect(again.body).toContain('https://www.comune.example.it/contatti Recapiti dell’ente');
    expect(again.body).toContain('alert-success');

    const home = await app.inject({ method: 'GET', url: '/milano/it/' });
    expect(home.body).toContain(
      'href="https://form.agid.gov.it/view/milano-statement" data-element="accessibility-link"',
    );
    expect(home.body).toContain('href="tel:+39020202"');
    expect(home.body).toContain('Piazza della Scala 2, 20121 Milano');
    expect(home.body).toContain('<h2 id="contacts">Contatti</h2>');
    expect(home.body).toContain('href="https://www.comune.example.it/contatti"');
    const privacy = await app.inject({ method: 'GET', url: '/milano/it/privacy/' });
    expect(privacy.body).toContain('<p>Il nostro testo sulla privacy.</p><p>Un secondo paragrafo.</p>');
    // No English text: the English page keeps the portal's generic one.
    const english = await app.inject({ method: 'GET', url: '/milano/en/privacy/' });
    expect(english.body).toContain('This section uses no cookies');
  });

  it('when an e-mail or an address is wrong, then the error is beside the field in the page language and nothing typed is lost', async () => {
    const version = await versionOf();
    const it1 = await post('/admin/it/settings', milan.admin, filled(version, { email: 'non-una-email' }));
    expect(it1.statusCode).toBe(400);
    expect(errorOf(it1.body, 'email')).toContain('Scrivi un indirizzo e-mail');
    expect(it1.body).toContain('value="non-una-email"');
    expect(it1.body).toContain('value="Piazza della Scala 2, 20121 Milano"');
    const en = await post(
      '/admin/en/settings',
      milan.admin,
      filled(version, { accessibilityUrl: 'javascript:x' }),
    );
    expect(en.statusCode).toBe(400);
    expect(errorOf(en.body, 'accessibilityUrl')).toContain('Write a full address starting with https://');
    expect(await versionOf()).toBe(version);
  });

  it('when the settings changed meanwhile, then both versions are shown and nothing is saved', async () => {
    const version = await versionOf();
    expect(
      (await post('/admin/en/settings', milan.admin, filled(version, { phone: '02 1111 1111' }))).statusCode,
    ).toBe(303);
    const stale = await post('/admin/en/settings', milan.admin, filled(version, { phone: '02 2222 2222' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('The version stored now and the one you sent');
    expect(stale.body).toContain(`name="version" value="${version + 1}"`);
    expect(await one('select phone from institutions where id = $1', [milanId])).toEqual({
      phone: '02 1111 1111',
    });
  });

  it('when an editor or a viewer asks, then the page and its save are refused and the navigation has no link', async () => {
    for (const who of [milan.editor, milan.viewer]) {
      const page = await get('/admin/en/settings', who);
      expect(page.statusCode).toBe(403);
      expect(page.body).not.toContain('href="/admin/en/settings"');
    }
    const version = await versionOf();
    expect((await post('/admin/en/settings', milan.editor, filled(version))).statusCode).toBe(403);
    expect(await versionOf()).toBe(version);
  });
});
