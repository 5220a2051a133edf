// Every back-office page has a title of its own: it names the page and, on a record's page, the record, in
// the page's language, followed by "Back office — Ponte" (a tab, a bookmark, a screen reader's first words).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../test/admin.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { city, makeAgreement } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, TEST_PUBLIC_URL, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;
let cookie: string;
let paths: string[];

const titleOf = (html: string) =>
  (html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '').replaceAll('&amp;', '&').replaceAll('&#39;', "'");

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  client = adminClient(app, ctx);
  const { services } = ctx;
  const office = await makeInstitution(services);
  const lyon = await makeAgreement(services, office.slug, { partner: city('Lione', 'FR') });
  ({ cookie } = await client.signIn(office.slug, 'admin'));
  const partner = (await services.counterparts.list(office.id)).find((c) => c.nameEn === 'Lyon')!;
  const unit = (await services.institutions.unitsOf(office.id))[0]!;
  const slug = `titles-${process.pid}-${Date.now()}`;
  const network = await services.networks.create({
    slug,
    nameIt: 'Rete dei titoli',
    nameEn: 'Titles network',
  });
  const membership = await services.networks.join(office.slug, {
    network: slug,
    unit: unit.slug,
    since: '1990',
  });
  const invited = await client.post('/admin/it/users', cookie, {
    email: `invited.${process.pid}@example.org`,
    name: 'Persona Invitata',
    role: 'viewer',
  });
  const invitation = invited.body.match(/\/admin\/it\/(invitation\/[A-Za-z0-9_-]+)/)![1]!;
  expect(invited.body).toContain(TEST_PUBLIC_URL);
  paths = [
    '',
    'agreements',
    `agreements/${lyon.id}`,
    `agreements/${lyon.id}/edit`,
    'agreements/new',
    'counterparts',
    `counterparts/${partner.id}`,
    `counterparts/${partner.id}/edit`,
    'counterparts/new',
    'units',
    `units/${unit.id}`,
    `units/${unit.id}/edit`,
    'units/new',
    'networks',
    `networks/${network.id}`,
    `networks/${network.id}/join`,
    `memberships/${membership.id}/edit`,
    'networks/new',
    'users',
    'audit',
    'password',
    'institutions',
    'login',
    invitation,
  ];
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('the back-office pages titles', () => {
  it.each(['it', 'en'] as const)(
    'when each page is opened (%s), then its title is its own and ends with the back office and Ponte',
    async (lang) => {
      const titles = new Map<string, string>();
      for (const path of paths) {
        const url = `/admin/${lang}/${path.replace('/admin/it/', '')}`;
        const res = await client.get(url, path === 'login' || path.startsWith('invitation') ? '' : cookie);
        expect(res.statusCode, url).toBe(200);
        titles.set(path, titleOf(res.body));
      }
      const suffix = lang === 'it' ? ' — Area riservata — Ponte' : ' — Back office — Ponte';
      for (const [path, title] of titles) {
        expect(title, path).toMatch(new RegExp(`^.{3,} ${suffix.slice(1)}$`));
      }
      const repeated = [...titles.values()].filter((t, i, all) => all.indexOf(t) !== i);
      expect(repeated).toEqual([]);
      // A record's page names the record and what kind of record it is.
      const record = (prefix: string) =>
        titles.get(paths.find((p) => p.startsWith(prefix) && !p.includes('/edit'))!)!;
      expect(record('agreements/') ?? '').toBe(
        lang === 'it' ? `Gemellaggio con Lione${suffix}` : `Twinning with Lyon${suffix}`,
      );
      expect(record('counterparts/')).toBe(
        lang === 'it' ? `Lione — Partner${suffix}` : `Lyon — Partners${suffix}`,
      );
      expect(record('networks/')).toContain(
        lang === 'it' ? 'Rete dei titoli — Reti' : 'Titles network — Networks',
      );
      expect(titles.get(paths[3]!)).toBe(
        lang === 'it' ? `Modifica l'accordo con Lione${suffix}` : `Edit the agreement with Lyon${suffix}`,
      );
    },
  );
});
