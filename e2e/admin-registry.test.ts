// The back-office's partners, networks, units, organisations and people in a real Chromium: zero axe-core A/AA
// violations on the five lists, record pages and edit forms (also with an error beside a field) in both
// languages (the organisations' and people's also at 390 px, with nothing scrolling sideways), and the lists'
// filters and pages working as plain GET forms and links.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';
import { city, makeAgreement, makeOrganisation, makePerson } from '../test/factories-backoffice.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let email: string;
let password: string;
let ids: {
  lyon: string;
  unit: string;
  eurocities: string;
  membership: string;
  consulate: string;
  consul: string;
  role: string;
};

beforeAll(async () => {
  // The data is made here, not taken from the demo: an institution "milano", a twinning with Lyon, and a
  // network the institution follows through its unit.
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  const { services } = server;
  const milan = (await makeInstitution(services, { slug: 'milano' })).id;
  await makeAgreement(services, 'milano', { slug: 'lione', partner: city('Lione', 'FR') });
  const created = await services.accounts.createUser({
    email: 'admin.registry.e2e@comune.milano.example',
    institution: 'milano',
    role: 'admin',
  });
  email = created.user.email;
  password = created.password!;
  const lyon = (await services.counterparts.list(milan)).find((c) => c.nameEn === 'Lyon')!;
  const unit = (await services.institutions.unitsOf(milan)).find((u) => u.slug === 'relazioni')!;
  const network = await services.networks.create({
    slug: 'eurocities',
    nameIt: 'EUROCITIES',
    nameEn: 'EUROCITIES',
  });
  const membership = await services.networks.join('milano', {
    network: 'eurocities',
    unit: 'relazioni',
    since: '1990',
    roleIt: 'Membro',
  });
  // A consular post with all its contacts filled, and an association beside it in the list.
  const consulate = await makeOrganisation(services, milan, {
    nameIt: 'Consolato generale del Giappone a Milano',
    nameEn: 'Consulate General of Japan in Milan',
    languages: 'giapponese, italiano, inglese',
    address: 'Via Privata Cesare Mangili 2/4',
    coordinates: '45.4781, 9.1963',
    phone: '+39 02 6241141',
    email: 'ryoji@ml.mofa.example',
    website: 'https://www.milano.it.emb-japan.go.jp/',
    openingHoursIt: 'Lunedì-venerdì 9:15-12:30 e 13:30-16:45',
    openingHoursEn: 'Monday to Friday 9:15-12:30 and 13:30-16:45',
  });
  await makeOrganisation(services, milan, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: 'Associazione dei filippini di Milano',
    country: 'PH',
    communities: 'Filippine',
  });
  // The consul general, whose address only editors see and whose review is overdue, heading the consulate;
  // and a private person beside them in the list.
  const consul = await makePerson(services, milan, {
    name: 'Tanaka Hiroshi',
    honorific: 'S.E.',
    languages: 'giapponese, inglese',
    preferredLanguage: 'inglese',
    address: 'Via Privata Cesare Mangili 2/4, 20121 Milano',
    addressVisibility: 'editors',
    notes: 'Preferisce essere contattato tramite la segreteria.',
    reviewOn: '2024-01-31',
  });
  const role = await services.people.addRole(
    milan,
    consul.id,
    {
      organisationId: consulate.id,
      titleIt: 'Console generale',
      titleEn: 'Consul General',
      head: 'yes',
      startsOn: '2023-04-01',
      endsOn: '',
    },
    3,
  );
  await makePerson(services, milan, {
    name: 'Maria Santos',
    languages: 'inglese, italiano',
    legalBasis: 'consent',
    consentOn: '2025-03-10',
    consentText: 'Acconsento al trattamento dei miei dati di contatto da parte dell’ufficio.',
    visibility: 'editors',
  });
  ids = {
    lyon: lyon.id,
    unit: unit.id,
    eurocities: network.id,
    membership: membership.id,
    consulate: consulate.id,
    consul: consul.id,
    role: role.id,
  };
  page = await (await browser.newContext()).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(lang: 'it' | 'en'): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/${lang}/login`);
  await page.getByLabel(lang === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: lang === 'it' ? 'Accedi' : 'Sign in' }).click();
  await page.waitForURL(`${server.baseUrl}/admin/${lang}/`);
}

/** How far the page scrolls sideways beyond the window: 0 when nothing sticks out. */
const sideways = () => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

/** Axe on the page as it is, at each width, with nothing scrolling sideways; back at 1280 px after. */
async function check(name: string, widths: readonly number[]): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    expect(await runAxe(page), `${name} at ${width}px`).toEqual([]);
    expect(await sideways(), `${name} scrolls sideways at ${width}px`).toBe(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('partners, networks, units, organisations and people in Chromium', () => {
  // One test per language and register, so that each stays well inside the time limit on a slow machine.
  const REGISTERS: Record<string, () => string[]> = {
    partners: () => [
      'counterparts',
      'counterparts?kind=city&sort=-agreements',
      `counterparts/${ids.lyon}`,
      `counterparts/${ids.lyon}/edit`,
      'counterparts/new',
    ],
    networks: () => [
      'networks',
      `networks/${ids.eurocities}`,
      `memberships/${ids.membership}/edit`,
      'networks/new',
    ],
    units: () => ['units', `units/${ids.unit}`, `units/${ids.unit}/edit`],
    organisations: () => [
      'organisations',
      'organisations?q=giappone&kind=consular_post&country=JP&sort=-updated',
      `organisations/${ids.consulate}`,
      `organisations/${ids.consulate}/edit`,
      'organisations/new',
    ],
    people: () => [
      'people',
      `people?organisationId=${ids.consulate}`,
      `people/${ids.consul}`,
      `people/${ids.consul}/edit`,
      'people/new',
      `people/${ids.consul}/roles/new`,
      `people/${ids.consul}/roles/${ids.role}/edit`,
      'people/lists?kind=consular_post',
      // The dashboard asking for the consul's review; the consulate's page, with its people now, is checked
      // with the organisations.
      '',
    ],
  };
  // The newest registers are also checked on a phone; the others' layouts are the same and were checked there.
  const WIDTHS: Record<string, readonly number[]> = { organisations: [1280, 390], people: [1280, 390] };
  // What a page must show for its check to mean something: the parts that appear only with the people's data
  // (the consul's record page as an admin: the review notice, the address only editors see, the roles table
  // with its edit link and delete button; the consulate's people; the dashboard's review).
  const SHOWS = (lang: 'it' | 'en'): Record<string, string[]> => {
    const it = lang === 'it';
    return {
      [`people/${ids.consul}`]: [
        it ? 'Da rivedere' : 'Due for review',
        'Via Privata Cesare Mangili',
        it ? 'Console generale (capo della sede)' : 'Consul General (head of post)',
      ],
      [`organisations/${ids.consulate}`]: [
        it ? 'Persone e incarichi' : 'People and roles',
        'S.E. Tanaka Hiroshi',
      ],
      '': [it ? 'Dati personali da rivedere' : 'Personal data due for review', 'Tanaka Hiroshi'],
    };
  };
  test.each(
    (['it', 'en'] as const).flatMap((lang) => Object.keys(REGISTERS).map((register) => ({ lang, register }))),
  )(
    'when signed in ($lang), then the lists, record pages and edit forms of $register have no A/AA violation',
    async ({ lang, register }) => {
      await signIn(lang);
      for (const path of REGISTERS[register]!()) {
        const res = await page.goto(`${server.baseUrl}/admin/${lang}/${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        for (const text of SHOWS(lang)[path] ?? []) {
          expect(main, `${path} shows ${text}`).toContain(text);
        }
        if (path === `people/${ids.consul}`) {
          // The link's hidden part is a block of its own, so Chromium names it "Edit : Consul General".
          const role = lang === 'it' ? 'Console generale' : 'Consul General';
          const edit = page.getByRole('link', {
            name: new RegExp(`^${lang === 'it' ? 'Modifica' : 'Edit'} ?: ${role}$`),
          });
          const remove = page.getByRole('button', {
            name: `${lang === 'it' ? 'Elimina' : 'Delete'}: ${role}`,
          });
          expect(await edit.count(), `${path} has the role's edit link`).toBe(1);
          expect(await remove.count(), `${path} has the role's delete button`).toBe(1);
        }
        await check(`/admin/${lang}/${path}`, WIDTHS[register] ?? [1280]);
      }
    },
  );

  test('when a form comes back with an error beside a field, then it has no A/AA violation and the field says why', async () => {
    for (const lang of ['it', 'en'] as const) {
      await signIn(lang);
      await page.goto(`${server.baseUrl}/admin/${lang}/units/${ids.unit}/edit`);
      const slug = page.getByLabel(lang === 'it' ? 'Identificativo' : 'Identifier', { exact: true });
      await slug.fill('Not A Slug');
      await page.getByRole('button', { name: lang === 'it' ? 'Salva' : 'Save' }).click();
      await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await slug.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toContain(
        lang === 'it' ? 'Usa solo lettere minuscole' : 'Use only lower-case letters',
      );
      expect(await runAxe(page), `units edit with an error (${lang})`).toEqual([]);
    }
  });

  test.each(['it', 'en'] as const)(
    'when a consular post without its kind of post is refused (%s), then the form comes back with the error beside the field and no A/AA violation',
    async (lang) => {
      await signIn(lang);
      await page.goto(`${server.baseUrl}/admin/${lang}/organisations/new`);
      await page
        .getByLabel(lang === 'it' ? 'Nome in italiano' : 'Name in Italian')
        .fill('Consolato di prova');
      await page.getByRole('button', { name: lang === 'it' ? 'Crea' : 'Create' }).click();
      const postKind = page.getByLabel(lang === 'it' ? 'Tipo di sede consolare' : 'Kind of consular post');
      await expect.poll(() => postKind.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await postKind.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toContain(
        lang === 'it' ? 'scegli il tipo di sede' : 'choose the kind of post',
      );
      await check(`organisations/new with an error (${lang})`, [1280, 390]);
    },
  );

  test.each(['it', 'en'] as const)(
    'when a person on consent without its day is refused (%s), then the form comes back with the error beside the field and no A/AA violation',
    async (lang) => {
      await signIn(lang);
      await page.goto(`${server.baseUrl}/admin/${lang}/people/new`);
      await page.getByLabel(lang === 'it' ? 'Nome e cognome' : 'Full name').fill('Ana Reyes');
      await page
        .getByLabel(lang === 'it' ? 'Base giuridica del trattamento' : 'Legal basis of the processing')
        .selectOption('consent');
      await page.getByRole('button', { name: lang === 'it' ? 'Crea' : 'Create' }).click();
      const consentOn = page.getByLabel(lang === 'it' ? 'Data del consenso' : 'Day of consent');
      await expect.poll(() => consentOn.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await consentOn.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toContain(
        lang === 'it' ? 'Con il consenso scrivi il giorno' : 'With consent, write the day',
      );
      await check(`people/new with an error (${lang})`, [1280, 390]);
    },
  );

  test('when the admin filters, sorts and edits a partner without JavaScript help, then the list and the page follow', async () => {
    await signIn('en');
    await page.goto(`${server.baseUrl}/admin/en/counterparts`);
    await page.getByLabel('Search by name (in Italian or English)').fill('lyo');
    await page.getByLabel('Kind').selectOption('city');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=lyo/);
    expect(await page.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Lyon']);
    await page.getByRole('link', { name: 'Lyon' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Name in English').fill('Lyon (France)');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Change saved.');
    expect(await page.locator('h1').textContent()).toBe('Lyon (France)');
    expect(await page.locator('main').textContent()).toContain('Name in English: Lyon → Lyon (France)');
    expect(await runAxe(page)).toEqual([]);
  });
});
