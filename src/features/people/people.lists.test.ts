// Distribution lists: the consular corps or a community's associations, with the people in them, as JSON, CSV
// and vCards a parser reads back; a viewer's list leaves out what a viewer may not see; another institution's
// list holds none of Milan's.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makePerson, makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

const get = (url: string, token = milanWrite) => app.inject({ method: 'GET', url, headers: bearer(token) });

describe('distribution lists', () => {
  it("when the Chinese community's associations are asked for, then the list holds them and their people, and a viewer gets no restricted field", async () => {
    const tag = uniqueSlug('d');
    const assoc = await makeOrganisation(ctx.services, milanId, {
      kind: 'association',
      postKind: '',
      district: '',
      nameIt: `Associazione cinese ${tag}`,
      communities: 'Cina',
      languages: 'cinese, italiano',
      email: 'info@assoc.example.org',
    });
    await makeOrganisation(ctx.services, milanId, {
      kind: 'association',
      postKind: '',
      district: '',
      nameIt: `Associazione peruviana ${tag}`,
      communities: 'Perù',
    });
    const president = await makePerson(ctx.services, milanId, {
      name: `Li Wei ${tag}`,
      phone: '+39 333 123 4567',
      phoneVisibility: 'editors',
    });
    await ctx.services.people.addRole(
      milanId,
      president.id,
      {
        organisationId: assoc.id,
        titleIt: 'Presidente',
        titleEn: 'President',
        head: 'yes',
        startsOn: '',
        endsOn: '',
      },
      3,
    );
    const q = `kind=association&community=CN&role=presidente`;
    const json = (await get(`/api/v1/distribution-list?${q}`)).json();
    const mine = json.items.filter((i: { organisation: { nameIt: string } }) =>
      i.organisation.nameIt.endsWith(tag),
    );
    expect(mine).toMatchObject([
      {
        organisation: { id: assoc.id },
        people: [{ name: president.name, title: 'Presidente', phone: '+39 333 123 4567' }],
      },
    ]);

    const asViewer = (await get(`/api/v1/distribution-list?${q}`, milanRead)).json();
    const seen = asViewer.items.find((i: { organisation: { id: string } }) => i.organisation.id === assoc.id);
    expect(seen.people[0]).toMatchObject({ name: president.name, phone: null });
    const csv = (await get(`/api/v1/distribution-list?${q}&format=csv`, milanRead)).body;
    expect(csv).toContain(president.name);
    expect(csv).not.toContain('333 123 4567');

    const vcf = (await get(`/api/v1/distribution-list?${q}&format=vcf`)).body;
    const cards = vcf
      .split(/(?=BEGIN:VCARD)/)
      .filter(Boolean)
      .map((c) => new ICAL.Component(ICAL.parse(c)));
    const person = cards.find((c) => c.getFirstPropertyValue('fn') === president.name)!;
    expect(person.getFirstPropertyValue('kind')).toBe('individual');
    expect(person.getFirstPropertyValue('title')).toBe('Presidente');
    expect(String(person.getFirstPropertyValue('org'))).toContain(`Associazione cinese ${tag}`);

    const florence = bearer(await makeToken(ctx.services, 'firenze', 'read'));
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/v1/distribution-list?kind=association`,
      headers: florence,
    });
    expect(JSON.stringify(theirs.json())).not.toContain(tag);
    expect((await get('/api/v1/distribution-list?country=Atlantide')).json().error.field).toBe('country');
  });
});
