// The networks' and memberships' back-office pages through HTTP: the list by membership, isolation between
// institutions, field errors, deleting a network with members, a membership's edit in the network's page.
import { describe, expect, it } from 'vitest';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  membership,
  milan,
  milanId,
  network,
  one,
  post,
  rowNames,
  unit,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsPages();

describe('lists', () => {
  it('when networks are filtered by membership, then members and non-members part, and pages and sort work', async () => {
    const follower = await unit(milanId);
    const { network: joined } = await membership('milano', follower.slug);
    const prefix = uniqueSlug('pagnet');
    for (let i = 1; i <= 26; i++) await network(`${prefix}-${String(i).padStart(2, '0')}`);
    const members = await get('/admin/it/networks?member=yes', milan.viewer);
    expect(members.body).toContain('<caption>Reti del catalogo e adesioni del tuo ente</caption>');
    const memberNames = rowNames(members.body);
    expect(memberNames).toContain(joined.nameIt);
    expect(memberNames.some((n) => n.includes(prefix))).toBe(false);
    expect(members.body).toContain(`Ufficio ${follower.slug}`);
    const others = rowNames((await get(`/admin/it/networks?member=no&q=${prefix}`, milan.viewer)).body);
    expect(others).toHaveLength(25);
    expect(others[0]).toBe(`Rete ${prefix}-01`);
    const page2 = rowNames((await get(`/admin/it/networks?member=no&q=${prefix}&page=2`, milan.viewer)).body);
    expect(page2).toEqual([`Rete ${prefix}-26`]);
    const reversed = rowNames((await get(`/admin/it/networks?q=${prefix}&sort=-name`, milan.viewer)).body);
    expect(reversed[0]).toBe(`Rete ${prefix}-26`);
  });
});

describe('isolation between institutions', () => {
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

describe('field errors in the page language', () => {
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
    const taken = await network();
    const res = await post('/admin/it/networks/new', milan.editor, {
      slug: taken.slug,
      nameIt: 'X',
      nameEn: 'Y',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body, 'slug')).toContain('già usato');
  });
});

describe('deleting what is in use', () => {
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
});
