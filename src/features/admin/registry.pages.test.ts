// The back-office's partners, networks and units through HTTP: lists with search, filters, sort and pages;
// every write route for each role; isolation between institutions (a Florence editor against Milan's
// records); stale versions refused with both versions shown; field errors in both languages; deletes refused
// while something uses the record; history from the audit log; and no input that makes a route answer 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn, FORM } from '../../../test/admin.ts';
import { createTestApp, createTestDeps, type TestContext, uniqueSlug } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Role } from '../accounts/accounts.table.ts';

let ctx: TestContext;
let app: App;
let seq = 0;
let milanId: string;

interface Staff {
  cookie: string;
  email: string;
  csrf: string;
}

/** A user of an institution with a role (or a platform admin there), signed in through the login form. */
async function signIn(institution: string, role: Role, platformAdmin = false): Promise<Staff> {
  const email = `${platformAdmin ? 'platform' : role}${++seq}.${institution}@example.org`;
  const { password } = await ctx.services.accounts.createUser({ email, institution, role, platformAdmin });
  const cookie = await adminClient(app, ctx).login(email, password!);
  const home = await app.inject({ method: 'GET', url: '/admin/it/', headers: { cookie } });
  return { cookie, email, csrf: csrfIn(home.body) };
}

const get = (url: string, who: Staff) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const post = (url: string, who: Staff, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  body.append('_csrf', who.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...FORM, cookie: who.cookie },
    payload: body.toString(),
  });
};

/** The names in the first column of a list page's table, in order. */
const rowNames = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a><\/th>/g)].map((m) => m[1]!);

/** The text of the error paragraph beside a field. */
const errorOf = (html: string, name: string) =>
  html.match(new RegExp(`<p id="e-${name}"[^>]*>([^<]*)</p>`))?.[1];

const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> =>
  (await ctx.database.query<T>(sql, params))[0];

async function organisation(institutionId: string, name = `Org ${uniqueSlug('o')}`) {
  const [row] = await ctx.services.counterparts.ensureMany(institutionId, [
    { type: 'organisation', nameIt: `${name} (it)`, nameEn: name },
  ]);
  return row!;
}

async function unit(institutionId: string, slug = uniqueSlug('u')) {
  return ctx.services.institutions.addUnit(
    institutionId,
    { slug, nameIt: `Ufficio ${slug}`, nameEn: `Unit ${slug}` },
    50,
  );
}

async function network(name = uniqueSlug('net')) {
  return ctx.services.networks.create({ slug: name, nameIt: `Rete ${name}`, nameEn: `Network ${name}` });
}

async function membership(institution = 'milano') {
  const net = await network();
  const row = await ctx.services.networks.join(institution, { network: net.slug, roleIt: 'Membro' });
  return { network: net, membership: row };
}

const auditCount = async (entity: string, actor: string) =>
  (await one<{ n: number }>('select count(*)::int as n from audit_events where entity = $1 and actor = $2', [
    entity,
    actor,
  ]))!.n;

let milan: Record<'admin' | 'editor' | 'viewer' | 'platform', Staff>;
let florenceEditor: Staff;

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
  milanId = await ctx.services.institutions.idOf('milano');
  milan = {
    admin: await signIn('milano', 'admin'),
    editor: await signIn('milano', 'editor'),
    viewer: await signIn('milano', 'viewer'),
    platform: await signIn('milano', 'admin', true),
  };
  florenceEditor = await signIn('firenze', 'editor');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('lists', () => {
  it("when a viewer lists partners, then search, kind and country filter Milan's partners", async () => {
    const all = await get('/admin/it/counterparts', milan.viewer);
    expect(all.statusCode).toBe(200);
    expect(rowNames(all.body)).toEqual(expect.arrayContaining(['Lione', 'Chicago', 'Banca Mondiale']));
    expect(all.body).toMatch(/<caption>Partner del tuo ente<\/caption>/);
    expect(all.body).toContain('<th scope="col">Paese</th>');

    const search = await get('/admin/en/counterparts?q=lyo', milan.viewer);
    expect(rowNames(search.body)).toEqual(['Lyon']);
    expect(search.body).toContain('1 result — page 1 of 1');

    const orgs = rowNames((await get('/admin/it/counterparts?kind=organisation', milan.viewer)).body);
    expect(orgs).toContain('Banca Mondiale');
    expect(orgs).not.toContain('Lione');

    const french = rowNames((await get('/admin/it/counterparts?country=fr&kind=city', milan.viewer)).body);
    expect(french).toContain('Lione');
    expect(french).not.toContain('Chicago');

    const florence = await signIn('firenze', 'viewer');
    const theirs = await get('/admin/it/counterparts?q=Lione', florence);
    expect(rowNames(theirs.body)).toEqual([]);
    expect(theirs.body).toContain('0 risultati');
  });

  it('when partners fill more than a page, then pages and sort change the rows and page links keep the filters', async () => {
    const prefix = `Paginata ${uniqueSlug('p')}`;
    for (let i = 1; i <= 30; i++) await organisation(milanId, `${prefix} ${String(i).padStart(2, '0')}`);
    const q = encodeURIComponent(prefix);
    const first = await get(`/admin/en/counterparts?q=${q}&kind=organisation&sort=name`, milan.viewer);
    const names = rowNames(first.body);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe(`${prefix} 01`);
    expect(names.at(-1)).toBe(`${prefix} 25`);
    expect(first.body).toContain('30 results — page 1 of 2');
    expect(first.body).toMatch(/<nav class="pagination-wrapper[^"]*" aria-label="Result pages">/);
    const next = first.body.match(/href="([^"]*page=2[^"]*)" rel="next"/)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    expect(next).toContain('kind=organisation');
    expect(next).toContain('sort=name');
    expect(next).toContain(`q=${prefix.replace(/ /g, '+')}`);

    const second = rowNames((await get(next!, milan.viewer)).body);
    expect(second).toEqual([26, 27, 28, 29, 30].map((n) => `${prefix} ${n}`));

    const reversed = rowNames(
      (await get(`/admin/en/counterparts?q=${q}&kind=organisation&sort=-name`, milan.viewer)).body,
    );
    expect(reversed[0]).toBe(`${prefix} 30`);
    expect(reversed).not.toContain(`${prefix} 01`);
  });

  it('when partners are sorted by agreements, then those with the most come first', async () => {
    const rows = rowNames((await get('/admin/it/counterparts?sort=-agreements', milan.viewer)).body);
    const fewest = rowNames((await get('/admin/it/counterparts?sort=agreements', milan.viewer)).body);
    const counts = await ctx.database.query<{ name_it: string; n: number }>(
      `select cp.name_it, count(a.id)::int as n from counterparts cp left join agreements a on a.counterpart_id = cp.id
        where cp.institution_id = $1 group by cp.id order by n desc, lower(cp.name_it) limit 1`,
      [milanId],
    );
    expect(rows[0]).toBe(counts[0]!.name_it);
    expect(fewest[0]).not.toBe(rows[0]);
  });

  it('when networks are filtered by membership, then members and non-members part, and pages and sort work', async () => {
    const prefix = uniqueSlug('pagnet');
    for (let i = 1; i <= 26; i++) await network(`${prefix}-${String(i).padStart(2, '0')}`);
    const members = await get('/admin/it/networks?member=yes', milan.viewer);
    expect(members.body).toContain('<caption>Reti del catalogo e adesioni del tuo ente</caption>');
    const memberNames = rowNames(members.body);
    expect(memberNames.some((n) => n.includes('EUROCITIES'))).toBe(true);
    expect(memberNames.some((n) => n.includes(prefix))).toBe(false);
    expect(members.body).toContain('Unità Affari europei');
    const others = rowNames((await get(`/admin/it/networks?member=no&q=${prefix}`, milan.viewer)).body);
    expect(others).toHaveLength(25);
    expect(others[0]).toBe(`Rete ${prefix}-01`);
    const page2 = rowNames((await get(`/admin/it/networks?member=no&q=${prefix}&page=2`, milan.viewer)).body);
    expect(page2).toEqual([`Rete ${prefix}-26`]);
    const reversed = rowNames((await get(`/admin/it/networks?q=${prefix}&sort=-name`, milan.viewer)).body);
    expect(reversed[0]).toBe(`Rete ${prefix}-26`);
  });

  it('when units fill more than a page, then pages and sort change the rows', async () => {
    const cmId = await ctx.services.institutions.idOf('cm-firenze');
    const viewer = await signIn('cm-firenze', 'viewer');
    const prefix = uniqueSlug('pagunit');
    for (let i = 1; i <= 27; i++) await unit(cmId, `${prefix}-${String(i).padStart(2, '0')}`);
    const first = await get(`/admin/en/units?q=${prefix}&sort=name`, viewer);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("<caption>Your institution's units</caption>");
    const names = rowNames(first.body);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe(`Unit ${prefix}-01`);
    expect(rowNames((await get(`/admin/en/units?q=${prefix}&sort=name&page=2`, viewer)).body)).toEqual([
      `Unit ${prefix}-26`,
      `Unit ${prefix}-27`,
    ]);
    expect(rowNames((await get(`/admin/en/units?q=${prefix}&sort=-name`, viewer)).body)[0]).toBe(
      `Unit ${prefix}-27`,
    );
    const milanUnits = rowNames((await get('/admin/it/units', milan.viewer)).body);
    expect(milanUnits.some((n) => n.includes(prefix))).toBe(false);
  });
});

interface WriteCase {
  name: string;
  entity: string;
  /** Makes the record the route writes (fresh for each role) and says how to tell the write happened. */
  prepare: () => Promise<{ url: string; fields: Record<string, string>; applied: () => Promise<boolean> }>;
  /** Who may write; the others get 403 and nothing changes. */
  allowed: (keyof typeof milan)[];
}

const WRITERS: WriteCase['allowed'] = ['admin', 'editor', 'platform'];

const WRITE_CASES: WriteCase[] = [
  {
    name: 'create a partner organisation',
    entity: 'counterpart',
    allowed: WRITERS,
    prepare: async () => {
      const name = `New org ${uniqueSlug('c')}`;
      return {
        url: '/admin/it/counterparts/new',
        fields: { nameIt: `${name} it`, nameEn: name, website: 'https://example.org', country: 'Belgio' },
        applied: async () =>
          !!(await one('select 1 from counterparts where name_en = $1 and country_code = $2', [name, 'BE'])),
      };
    },
  },
  {
    name: 'edit a partner',
    entity: 'counterpart',
    allowed: WRITERS,
    prepare: async () => {
      const cp = await organisation(milanId);
      const renamed = `Renamed ${uniqueSlug('r')}`;
      return {
        url: `/admin/it/counterparts/${cp.id}/edit`,
        fields: { version: String(cp.version), nameIt: renamed, nameEn: cp.nameEn, website: '', country: '' },
        applied: async () =>
          !!(await one('select 1 from counterparts where id = $1 and name_it = $2', [cp.id, renamed])),
      };
    },
  },
  {
    name: 'delete a partner',
    entity: 'counterpart',
    allowed: WRITERS,
    prepare: async () => {
      const cp = await organisation(milanId);
      return {
        url: `/admin/it/counterparts/${cp.id}/delete`,
        fields: { version: String(cp.version) },
        applied: async () => !(await one('select 1 from counterparts where id = $1', [cp.id])),
      };
    },
  },
  {
    name: 'create a unit',
    entity: 'unit',
    allowed: WRITERS,
    prepare: async () => {
      const slug = uniqueSlug('newunit');
      return {
        url: '/admin/it/units/new',
        fields: { slug, nameIt: 'Nuovo ufficio', nameEn: 'New unit', head: 'Maria Rossi' },
        applied: async () =>
          !!(await one('select 1 from units where slug = $1 and institution_id = $2', [slug, milanId])),
      };
    },
  },
  {
    name: 'edit a unit',
    entity: 'unit',
    allowed: WRITERS,
    prepare: async () => {
      const u = await unit(milanId);
      return {
        url: `/admin/it/units/${u.id}/edit`,
        fields: {
          version: '1',
          slug: u.slug,
          nameIt: 'Ufficio rinominato',
          nameEn: u.nameEn,
          head: 'Anna Bianchi',
        },
        applied: async () =>
          !!(await one("select 1 from units where id = $1 and head = 'Anna Bianchi'", [u.id])),
      };
    },
  },
  {
    name: 'delete a unit',
    entity: 'unit',
    allowed: WRITERS,
    prepare: async () => {
      const u = await unit(milanId);
      return {
        url: `/admin/it/units/${u.id}/delete`,
        fields: { version: '1' },
        applied: async () => !(await one('select 1 from units where id = $1', [u.id])),
      };
    },
  },
  {
    name: 'join a network',
    entity: 'membership',
    allowed: WRITERS,
    prepare: async () => {
      const net = await network();
      return {
        url: `/admin/it/networks/${net.id}/join`,
        fields: {
          since: '2019-03',
          roleIt: 'Membro',
          annualFee: '1.500,50',
          workingGroups: 'Cultura\nMobilità',
        },
        applied: async () =>
          !!(await one(
            `select 1 from memberships where network_id = $1 and institution_id = $2 and since_precision = 'month'
               and annual_fee = 1500.50 and fee_currency = 'EUR' and working_groups = array['Cultura','Mobilità']`,
            [net.id, milanId],
          )),
      };
    },
  },
  {
    name: 'edit a membership',
    entity: 'membership',
    allowed: WRITERS,
    prepare: async () => {
      const { membership: m } = await membership();
      return {
        url: `/admin/it/memberships/${m.id}/edit`,
        fields: {
          version: String(m.version),
          since: '2001',
          roleIt: 'Vicepresidenza',
          feeCurrency: 'usd',
          annualFee: '200',
        },
        applied: async () =>
          !!(await one(
            `select 1 from memberships where id = $1 and role_it = 'Vicepresidenza' and fee_currency = 'USD'`,
            [m.id],
          )),
      };
    },
  },
  {
    name: 'leave a network',
    entity: 'membership',
    allowed: WRITERS,
    prepare: async () => {
      const { membership: m } = await membership();
      return {
        url: `/admin/it/memberships/${m.id}/delete`,
        fields: { version: String(m.version) },
        applied: async () => !(await one('select 1 from memberships where id = $1', [m.id])),
      };
    },
  },
  {
    name: 'add a network to the catalogue',
    entity: 'network',
    allowed: WRITERS,
    prepare: async () => {
      const slug = uniqueSlug('catalogue');
      return {
        url: '/admin/it/networks/new',
        fields: {
          slug,
          acronym: 'CAT',
          nameIt: 'Rete nuova',
          nameEn: 'New network',
          website: 'https://net.example.org',
        },
        applied: async () => !!(await one('select 1 from networks where slug = $1', [slug])),
      };
    },
  },
  {
    name: 'edit a catalogue network',
    entity: 'network',
    // Only a platform administrator: every institution sees the catalogue.
    allowed: ['platform'],
    prepare: async () => {
      const net = await network();
      return {
        url: `/admin/it/networks/${net.id}/edit`,
        fields: {
          version: String(net.version),
          acronym: 'EDIT',
          nameIt: 'Rete corretta',
          nameEn: net.nameEn,
        },
        applied: async () =>
          !!(await one("select 1 from networks where id = $1 and acronym = 'EDIT'", [net.id])),
      };
    },
  },
  {
    name: 'delete a catalogue network',
    entity: 'network',
    allowed: ['platform'],
    prepare: async () => {
      const net = await network();
      return {
        url: `/admin/it/networks/${net.id}/delete`,
        fields: { version: String(net.version) },
        applied: async () => !(await one('select 1 from networks where id = $1', [net.id])),
      };
    },
  },
];

describe('roles: every write route for each role', () => {
  for (const c of WRITE_CASES) {
    for (const role of ['admin', 'editor', 'viewer', 'platform'] as const) {
      const allowed = c.allowed.includes(role);
      it(`when ${role === 'platform' ? 'a platform admin' : `an ${role}`} tries to ${c.name}, then it is ${allowed ? 'saved and audited' : 'refused (403) and nothing changes'}`, async () => {
        const { url, fields, applied } = await c.prepare();
        const who = milan[role];
        const audits = await auditCount(c.entity, who.email);
        const res = await post(url, who, fields);
        if (allowed) {
          expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
          expect(await applied()).toBe(true);
          expect(await auditCount(c.entity, who.email)).toBe(audits + 1);
        } else {
          expect(res.statusCode).toBe(403);
          expect(await applied()).toBe(false);
          expect(await auditCount(c.entity, who.email)).toBe(audits);
        }
      });
    }
  }

  it('when a viewer opens a form, then it is refused, and the record pages show no write buttons', async () => {
    const cp = await organisation(milanId);
    expect((await get('/admin/it/counterparts/new', milan.viewer)).statusCode).toBe(403);
    expect((await get(`/admin/it/counterparts/${cp.id}/edit`, milan.viewer)).statusCode).toBe(403);
    const page = await get(`/admin/it/counterparts/${cp.id}`, milan.viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Il tuo ruolo consente la sola lettura.');
    expect(page.body).not.toContain('/delete"');
    expect(page.body).not.toContain('/edit"');
  });

  it('when an editor adds a catalogue network, then the audit entry belongs to their institution', async () => {
    const slug = uniqueSlug('audited');
    const res = await post('/admin/en/networks/new', milan.editor, {
      slug,
      nameIt: 'Rete',
      nameEn: 'Network',
    });
    expect(res.statusCode).toBe(303);
    const created = await one<{ id: string }>('select id from networks where slug = $1', [slug]);
    const entry = await one<{ institution_id: string; actor: string; after: { slug: string } }>(
      `select institution_id, actor, after from audit_events where entity = 'network' and entity_id = $1`,
      [created!.id],
    );
    expect(entry).toMatchObject({ institution_id: milanId, actor: milan.editor.email, after: { slug } });
    const log = await get('/admin/en/audit', milan.admin);
    expect(log.body).toContain(created!.id.slice(0, 8));
  });

  it('when the form has no CSRF token, then the write is refused', async () => {
    const cp = await organisation(milanId);
    const res = await post(
      `/admin/it/counterparts/${cp.id}/edit`,
      { ...milan.editor, csrf: 'forged' },
      {
        version: '1',
        nameIt: 'Forged',
        nameEn: cp.nameEn,
      },
    );
    expect(res.statusCode).toBe(403);
    expect(
      (await one<{ name_it: string }>('select name_it from counterparts where id = $1', [cp.id]))!.name_it,
    ).toBe(cp.nameIt);
  });
});

describe('isolation between institutions', () => {
  it("when a Florence editor reaches for Milan's partner, then it does not exist for them and nothing changes", async () => {
    const cp = await organisation(milanId);
    for (const url of [`/admin/it/counterparts/${cp.id}`, `/admin/it/counterparts/${cp.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const edit = await post(`/admin/it/counterparts/${cp.id}/edit`, florenceEditor, {
      version: '1',
      nameIt: 'Preso',
      nameEn: 'Taken',
    });
    expect(edit.statusCode).toBe(404);
    expect(edit.body).toContain('appartiene a un altro ente');
    expect(
      (await post(`/admin/it/counterparts/${cp.id}/delete`, florenceEditor, { version: '1' })).statusCode,
    ).toBe(404);
    expect(await one('select name_it, version from counterparts where id = $1', [cp.id])).toEqual({
      name_it: cp.nameIt,
      version: 1,
    });
  });

  it("when a Florence editor reaches for Milan's unit, then it does not exist for them and nothing changes", async () => {
    const u = await unit(milanId);
    for (const url of [`/admin/en/units/${u.id}`, `/admin/en/units/${u.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const edit = await post(`/admin/en/units/${u.id}/edit`, florenceEditor, {
      version: '1',
      slug: 'taken',
      nameIt: 'Preso',
      nameEn: 'Taken',
    });
    expect(edit.statusCode).toBe(404);
    expect((await post(`/admin/en/units/${u.id}/delete`, florenceEditor, { version: '1' })).statusCode).toBe(
      404,
    );
    expect(await one('select slug, version from units where id = $1', [u.id])).toEqual({
      slug: u.slug,
      version: 1,
    });
  });

  it("when a Florence editor reaches for Milan's membership, then it does not exist for them and nothing changes", async () => {
    const { membership: m, network: net } = await membership();
    for (const url of [`/admin/it/memberships/${m.id}`, `/admin/it/memberships/${m.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const edit = await post(`/admin/it/memberships/${m.id}/edit`, florenceEditor, {
      version: '1',
      roleIt: 'Preso',
    });
    expect(edit.statusCode).toBe(404);
    expect(
      (await post(`/admin/it/memberships/${m.id}/delete`, florenceEditor, { version: '1' })).statusCode,
    ).toBe(404);
    expect(await one('select role_it, version from memberships where id = $1', [m.id])).toEqual({
      role_it: 'Membro',
      version: 1,
    });
    // The shared network is there for Florence, without Milan's membership.
    const page = await get(`/admin/it/networks/${net.id}`, florenceEditor);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Il tuo ente non aderisce a questa rete.');
    expect(page.body).not.toContain(m.id);
  });

  it("when a Florence editor names Milan's unit in a membership, then the field is refused", async () => {
    const milanUnit = await unit(milanId);
    const net = await network();
    const res = await post(`/admin/en/networks/${net.id}/join`, florenceEditor, {
      since: '2020',
      unitId: milanUnit.id,
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body, 'unitId')).toBe('Check this field: Choose a unit from the list.');
    expect(await one('select 1 from memberships where network_id = $1', [net.id])).toBeUndefined();
  });
});

describe('versions', () => {
  it('when a partner form is stale, then the save is refused (409) and the page shows both versions', async () => {
    const cp = await organisation(milanId);
    const fields = { nameEn: cp.nameEn, website: '', country: '' };
    const first = await post(`/admin/it/counterparts/${cp.id}/edit`, milan.editor, {
      ...fields,
      version: '1',
      nameIt: 'Salvato da Anna',
    });
    expect(first.statusCode).toBe(303);
    const stale = await post(`/admin/it/counterparts/${cp.id}/edit`, milan.admin, {
      ...fields,
      version: '1',
      nameIt: 'Inviato da Bruno',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Qualcun altro ha modificato questa scheda');
    expect(stale.body).toContain('<caption>La versione salvata ora e quella che hai inviato</caption>');
    expect(stale.body).toMatch(
      /<th scope="row">Nome in italiano<\/th><td>Salvato da Anna<\/td><td><strong>Inviato da Bruno<\/strong>/,
    );
    // The form keeps what was sent and now carries the current version.
    expect(stale.body).toContain('value="Inviato da Bruno"');
    expect(stale.body).toContain('name="version" value="2"');
    expect(
      (await one<{ name_it: string }>('select name_it from counterparts where id = $1', [cp.id]))!.name_it,
    ).toBe('Salvato da Anna');
  });

  it('when a unit, a membership or a catalogue network form is stale, then it is refused with both versions', async () => {
    const u = await unit(milanId);
    await post(`/admin/en/units/${u.id}/edit`, milan.editor, {
      version: '1',
      slug: u.slug,
      nameIt: 'A',
      nameEn: 'Stored unit',
    });
    const staleUnit = await post(`/admin/en/units/${u.id}/edit`, milan.admin, {
      version: '1',
      slug: u.slug,
      nameIt: 'A',
      nameEn: 'Sent unit',
    });
    expect(staleUnit.statusCode).toBe(409);
    expect(staleUnit.body).toContain('Someone else changed this record');
    expect(staleUnit.body).toContain('<td>Stored unit</td><td><strong>Sent unit</strong></td>');

    const { membership: m } = await membership();
    await post(`/admin/en/memberships/${m.id}/edit`, milan.editor, { version: '1', roleEn: 'Stored role' });
    const staleMembership = await post(`/admin/en/memberships/${m.id}/edit`, milan.admin, {
      version: '1',
      roleEn: 'Sent role',
    });
    expect(staleMembership.statusCode).toBe(409);
    expect(staleMembership.body).toContain('<td>Stored role</td><td><strong>Sent role</strong></td>');
    expect(
      (await one<{ role_en: string }>('select role_en from memberships where id = $1', [m.id]))!.role_en,
    ).toBe('Stored role');

    const net = await network();
    const base = { acronym: '', nameIt: net.nameIt };
    expect(
      (
        await post(`/admin/en/networks/${net.id}/edit`, milan.platform, {
          ...base,
          version: '1',
          nameEn: 'Stored net',
        })
      ).statusCode,
    ).toBe(303);
    const staleNet = await post(`/admin/en/networks/${net.id}/edit`, milan.platform, {
      ...base,
      version: '1',
      nameEn: 'Sent net',
    });
    expect(staleNet.statusCode).toBe(409);
    expect(staleNet.body).toContain('<td>Stored net</td><td><strong>Sent net</strong></td>');
  });

  it('when a delete comes from a stale page, then it is refused and the record stays', async () => {
    const cp = await organisation(milanId);
    await post(`/admin/it/counterparts/${cp.id}/edit`, milan.editor, {
      version: '1',
      nameIt: 'Cambiato',
      nameEn: cp.nameEn,
    });
    const res = await post(`/admin/it/counterparts/${cp.id}/delete`, milan.editor, { version: '1' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('non è stata eliminata');
    expect(await one('select 1 from counterparts where id = $1', [cp.id])).toBeDefined();
  });
});

describe('field errors in the page language', () => {
  it('when a partner name is empty or the website is not an address, then the error is beside the field, in Italian and English', async () => {
    const cp = await organisation(milanId);
    const it = await post(`/admin/it/counterparts/${cp.id}/edit`, milan.editor, {
      version: '1',
      nameIt: '   ',
      nameEn: cp.nameEn,
      website: 'https://ok.example.org',
    });
    expect(it.statusCode).toBe(400);
    expect(errorOf(it.body, 'nameIt')).toBe(
      'Controlla questo campo: Scrivi il nome in italiano, al massimo 200 caratteri.',
    );
    expect(it.body).toMatch(/id="f-nameIt"[^>]*aria-describedby="e-nameIt"/);
    expect(it.body).toContain('value="https://ok.example.org"');
    const en = await post(`/admin/en/counterparts/${cp.id}/edit`, milan.editor, {
      version: '1',
      nameIt: 'Nome',
      nameEn: cp.nameEn,
      website: 'www.example.org',
    });
    expect(en.statusCode).toBe(400);
    expect(errorOf(en.body, 'website')).toBe(
      'Check this field: Write a full address starting with https:// or http://, or leave it empty.',
    );
    expect(en.body).toMatch(/id="f-website"[^>]*aria-describedby="h-website e-website"/);
    expect(
      (await one<{ version: number }>('select version from counterparts where id = $1', [cp.id]))!.version,
    ).toBe(1);
  });

  it('when a new organisation names an unknown country or an existing name, then each is refused beside its field', async () => {
    const cp = await organisation(milanId);
    const country = await post('/admin/it/counterparts/new', milan.editor, {
      nameIt: 'Ente',
      nameEn: `Body ${uniqueSlug('b')}`,
      country: 'Atlantide',
    });
    expect(country.statusCode).toBe(400);
    expect(errorOf(country.body, 'country')).toContain('Paese sconosciuto');
    const taken = await post('/admin/en/counterparts/new', milan.editor, {
      nameIt: 'Doppione',
      nameEn: cp.nameEn.toUpperCase(),
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken.body, 'nameEn')).toBe(
      'Check this field: A partner organisation with this English name already exists.',
    );
  });

  it('when a unit slug is malformed or taken, then the error is beside the field in both languages', async () => {
    const it = await post('/admin/it/units/new', milan.editor, {
      slug: 'Affari Europei',
      nameIt: 'A',
      nameEn: 'B',
    });
    expect(it.statusCode).toBe(400);
    expect(errorOf(it.body, 'slug')).toContain('Usa solo lettere minuscole');
    expect(it.body).toContain('value="Affari Europei"');
    const en = await post('/admin/en/units/new', milan.editor, {
      slug: 'european-affairs',
      nameIt: 'A',
      nameEn: 'B',
    });
    expect(en.statusCode).toBe(409);
    expect(errorOf(en.body, 'slug')).toBe(
      'Check this field: This identifier is already taken: choose another one.',
    );
  });

  it('when a membership has a date, fee or currency that is not one, then each error is beside its field', async () => {
    const net = await network();
    const cases: [string, Record<string, string>, string, 'it' | 'en'][] = [
      ['since', { since: '31/02/2020' }, 'Scrivi una data vera', 'it'],
      ['since', { since: '0999' }, 'Write a real date', 'en'],
      ['annualFee', { annualFee: 'mille euro' }, 'Scrivi un importo', 'it'],
      ['annualFee', { annualFee: '99999999999' }, 'Write an amount', 'en'],
      ['feeCurrency', { feeCurrency: 'EURO' }, 'codice della valuta', 'it'],
      ['unitId', { unitId: 'not-a-unit' }, 'Choose a unit', 'en'],
    ];
    for (const [name, fields, text, lang] of cases) {
      const res = await post(`/admin/${lang}/networks/${net.id}/join`, milan.editor, {
        since: '2020',
        ...fields,
      });
      expect(res.statusCode, name).toBe(400);
      expect(errorOf(res.body, name), name).toContain(text);
    }
    expect(await one('select 1 from memberships where network_id = $1', [net.id])).toBeUndefined();
  });

  it('when a catalogue slug is taken, then the error is beside the field', async () => {
    const res = await post('/admin/it/networks/new', milan.editor, {
      slug: 'eurocities',
      nameIt: 'X',
      nameEn: 'Y',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body, 'slug')).toContain('già usato');
  });
});

describe('deleting what is in use', () => {
  it('when a partner has agreements, then deleting it is refused with the reason and it stays', async () => {
    const lyon = await one<{ id: string; version: number }>(
      "select id, version from counterparts where institution_id = $1 and name_en = 'Lyon'",
      [milanId],
    );
    const res = await post(`/admin/it/counterparts/${lyon!.id}/delete`, milan.admin, {
      version: String(lyon!.version),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Questo partner non si può eliminare: un accordo lo nomina.');
    expect(await one('select 1 from counterparts where id = $1', [lyon!.id])).toBeDefined();
  });

  it('when a unit follows a network, then deleting it is refused with the reason and it stays', async () => {
    const u = await one<{ id: string; version: number }>(
      "select id, version from units where institution_id = $1 and slug = 'european-affairs'",
      [milanId],
    );
    const res = await post(`/admin/en/units/${u!.id}/delete`, milan.admin, { version: String(u!.version) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toMatch(/This unit cannot be deleted: it follows 1 network and \d+ agreements?\./);
    expect(await one('select 1 from units where id = $1', [u!.id])).toBeDefined();
  });

  it('when a catalogue network has members, then deleting it is refused with the reason in the page language; once they leave, it goes', async () => {
    const { network: net, membership: m } = await membership('firenze');
    const page = await get(`/admin/it/networks/${net.id}`, milan.platform);
    expect(page.body).toContain(`action="/admin/it/networks/${net.id}/delete"`);
    expect((await get(`/admin/it/networks/${net.id}`, milan.admin)).body).not.toContain('/delete"');

    const refused = await post(`/admin/en/networks/${net.id}/delete`, milan.platform, {
      version: String(net.version),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(
      'This network cannot be deleted: an institution is a member. Each must leave it first.',
    );
    const refusedIt = await post(`/admin/it/networks/${net.id}/delete`, milan.platform, {
      version: String(net.version),
    });
    expect(refusedIt.body).toContain('Questa rete non si può eliminare: un ente vi aderisce.');
    expect(await one('select 1 from networks where id = $1', [net.id])).toBeDefined();

    await ctx.database.query('delete from memberships where id = $1', [m.id]);
    const done = await post(`/admin/en/networks/${net.id}/delete`, milan.platform, {
      version: String(net.version),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/en/networks?deleted=1');
    expect(await one('select 1 from networks where id = $1', [net.id])).toBeUndefined();
  });
});

describe('record pages and history', () => {
  it('when a partner is edited, then its page lists its agreements and the history says who changed what', async () => {
    const lyon = await one<{ id: string }>(
      "select id from counterparts where institution_id = $1 and name_en = 'Lyon'",
      [milanId],
    );
    const before = await get(`/admin/it/counterparts/${lyon!.id}`, milan.editor);
    const agreement = await one<{ id: string }>('select id from agreements where counterpart_id = $1', [
      lyon!.id,
    ]);
    expect(before.body).toContain(`href="/admin/it/agreements/${agreement!.id}"`);
    expect(before.body).toContain('Nessuna modifica registrata.');
    expect(before.body).toContain('<dt class="col-sm-4">Sito web</dt><dd class="col-sm-8">—</dd>');
    const edit = await get(`/admin/it/counterparts/${lyon!.id}/edit`, milan.editor);
    const version = edit.body.match(/name="version" value="(\d+)"/)?.[1];
    const res = await post(`/admin/it/counterparts/${lyon!.id}/edit`, milan.editor, {
      version: version!,
      nameIt: 'Lione (Francia)',
      nameEn: 'Lyon',
      website: 'https://www.lyon.fr',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/it/counterparts/${lyon!.id}?saved=1`);
    const after = await get(res.headers.location as string, milan.editor);
    expect(after.body).toContain('Modifica salvata.');
    expect(after.body).toContain(milan.editor.email);
    expect(after.body).toContain('Nome in italiano: Lione → Lione (Francia)');
    expect(after.body).toContain('Sito web: — → https://www.lyon.fr');
    // The agreements follow the new name in the lists and in search.
    const list = await ctx.services.agreements.list(
      { institution: 'milano', q: 'Francia', lang: 'it', sort: 'name' },
      { includeUnpublished: true },
    );
    expect(list.items.map((a) => a.partner.nameIt)).toContain('Lione (Francia)');
  });

  it('when a membership is edited, then the network page shows it and the history has the change', async () => {
    const { membership: m, network: net } = await membership();
    const res = await post(`/admin/en/memberships/${m.id}/edit`, milan.editor, {
      version: '1',
      since: '2012-11',
      roleEn: 'Board member',
      annualFee: '2500',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/en/networks/${net.id}?saved=1`);
    const page = await get(res.headers.location as string, milan.viewer);
    expect(page.body).toContain('November 2012');
    expect(page.body).toContain('2,500.00 EUR');
    expect(page.body).toContain('Role in the network, in English: — → Board member');
    expect((await get(`/admin/en/memberships/${m.id}`, milan.viewer)).headers.location).toBe(
      `/admin/en/networks/${net.id}`,
    );
  });

  it('when a city is edited, then its place and country stay whatever the form sends', async () => {
    const chicago = await one<{ id: string; version: number }>(
      "select id, version from counterparts where institution_id = $1 and name_en = 'Chicago'",
      [milanId],
    );
    const res = await post(`/admin/it/counterparts/${chicago!.id}/edit`, milan.editor, {
      version: String(chicago!.version),
      nameIt: 'Chicago',
      nameEn: 'Chicago',
      country: 'Germania',
    });
    expect(res.statusCode).toBe(303);
    expect(
      await one('select country_code, place_id is not null as placed from counterparts where id = $1', [
        chicago!.id,
      ]),
    ).toEqual({
      country_code: 'US',
      placed: true,
    });
  });

  it('when a record page renders text typed by a person, then it is escaped', async () => {
    const cp = await organisation(milanId, `<script>alert(1)</script> ${uniqueSlug('x')}`);
    const page = await get(`/admin/en/counterparts/${cp.id}`, milan.viewer);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('no input makes a route answer 500', () => {
  it('when lists get nonsense parameters, then they answer normally', async () => {
    for (const url of [
      '/admin/it/counterparts?page=-5&sort=DROP&kind=x&country=ZZZ&q=%25_%5C',
      `/admin/en/counterparts?page=99999999999999999999&q=${'x'.repeat(5000)}`,
      '/admin/it/counterparts?page=abc&q=a&q=b&sort[]=name',
      '/admin/it/networks?member=maybe&sort=1;drop&page=0',
      '/admin/en/units?sort=%00&page=1e9&q=a%00b',
      '/admin/it/networks?q=%00%ED%A0%80',
    ]) {
      const res = await get(url, milan.viewer);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('when forms get nonsense, then the answer is a 4xx, never a 500', async () => {
    const cp = await organisation(milanId);
    const u = await unit(milanId);
    const { membership: m, network: net } = await membership();
    const attempts: [string, Record<string, string | string[]>][] = [
      [`/admin/it/counterparts/${cp.id}/edit`, { version: 'abc', nameIt: 'x', nameEn: 'y' }],
      [`/admin/it/counterparts/${cp.id}/edit`, { version: '-1', nameIt: 'x', nameEn: 'y' }],
      [`/admin/it/counterparts/${cp.id}/edit`, { version: '1', nameIt: ['a', 'b'], nameEn: 'x'.repeat(300) }],
      [
        `/admin/it/counterparts/${cp.id}/edit`,
        { version: '1', nameIt: 'a\u0000b', nameEn: 'y', website: 'https://\u0000' },
      ],
      [`/admin/it/counterparts/${cp.id}/delete`, {}],
      ['/admin/it/counterparts/not-a-uuid/edit', { version: '1' }],
      [
        `/admin/it/units/${u.id}/edit`,
        { version: '99999999999999999999', slug: 'ok', nameIt: 'a', nameEn: 'b' },
      ],
      [`/admin/it/units/${u.id}/edit`, { version: '1', slug: '-', nameIt: 'a', nameEn: 'b' }],
      [
        `/admin/it/memberships/${m.id}/edit`,
        { version: '1', since: '2020-13', workingGroups: 'x'.repeat(300) },
      ],
      [`/admin/it/memberships/${m.id}/delete`, { version: '0' }],
      [`/admin/it/networks/${net.id}/join`, { since: '2020' }],
      ['/admin/it/networks/00000000-0000-0000-0000-000000000000/join', { since: '2020' }],
      ['/admin/it/networks/new', { slug: 'a'.repeat(100), nameIt: '', nameEn: '' }],
      [`/admin/it/networks/${net.id}/edit`, { version: '1', nameIt: '', nameEn: '' }],
    ];
    for (const [url, fields] of attempts) {
      const res = await post(url, milan.editor, fields);
      expect(res.statusCode, `${url} ${JSON.stringify(fields).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    expect(await one('select version from memberships where id = $1', [m.id])).toEqual({ version: 1 });
  });
});
