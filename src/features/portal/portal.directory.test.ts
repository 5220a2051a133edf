// The portal's directories through HTTP: the consular corps and the community associations show only what is
// published, a head of post only when the person is public, never notes or a restricted field; the filters are
// plain queries; the vCards read back with a vCard parser; the CSV and JSON hold no internal field.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { makeOrganisation, makePerson } from '../../../test/factories-backoffice.ts';
import { app, ctx, useRecordsPages } from '../../../test/records-pages.ts';

useRecordsPages();

const get = (url: string) => app.inject({ method: 'GET', url });

async function setUp() {
  const office = await makeInstitution(ctx.services);
  const japan = await makeOrganisation(ctx.services, office.id, {
    nameIt: 'Consolato generale del Giappone',
    nameEn: 'Consulate General of Japan',
    country: 'Giappone',
    address: 'Via Privata Cesare Mangili 2/4',
    city: 'Milano',
    coordinates: '45.4781, 9.1963',
    phone: '+39 02 6241141',
    website: 'https://www.example.org/jp',
    openingHoursIt: 'Lun–Ven 9:15–12:30',
    notes: 'Nota interna da non pubblicare',
    published: 'yes',
  });
  const iceland = await makeOrganisation(ctx.services, office.id, {
    postKind: 'honorary_consulate',
    nameIt: 'Consolato onorario d’Islanda',
    country: 'IS',
    city: 'Bergamo',
    coordinates: '45.6983, 9.6773',
    published: 'yes',
  });
  await makeOrganisation(ctx.services, office.id, { nameIt: 'Consolato non pubblicato', published: '' });
  await makeOrganisation(ctx.services, office.id, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: 'Associazione filippina',
    communities: 'Filippine',
    languages: 'inglese, tagalog',
    published: 'yes',
  });
  const consul = await makePerson(ctx.services, office.id, {
    name: 'Tanaka Hiroshi',
    honorific: 'S.E.',
    visibility: 'public',
  });
  await ctx.services.people.addRole(
    office.id,
    consul.id,
    {
      organisationId: japan.id,
      titleIt: 'Console generale',
      titleEn: 'Consul General',
      head: 'yes',
      startsOn: '2024-01-01',
      endsOn: '',
    },
    3,
  );
  const hidden = await makePerson(ctx.services, office.id, {
    name: 'Console riservato',
    visibility: 'staff',
  });
  await ctx.services.people.addRole(
    office.id,
    hidden.id,
    {
      organisationId: iceland.id,
      titleIt: 'Console onorario',
      titleEn: '',
      head: 'yes',
      startsOn: '',
      endsOn: '',
    },
    3,
  );
  return { office, japan, iceland };
}

describe("the portal's directories", () => {
  it('when posts are published or not, then the consular corps shows the published ones in both languages, a public head only, no notes', async () => {
    const { office } = await setUp();
    const it_ = await get(`/${office.slug}/it/corpo-consolare/`);
    expect(it_.statusCode).toBe(200);
    for (const text of [
      'Corpo consolare',
      'Consolato generale del Giappone',
      'S.E. Tanaka Hiroshi, Console generale',
      'Consolato onorario d’Islanda',
      '2 voci',
      'Schema della posizione di 2 sedi',
    ]) {
      expect(it_.body, text).toContain(text);
    }
    for (const text of [
      'Consolato non pubblicato',
      'Nota interna',
      'Console riservato',
      'Associazione filippina',
    ]) {
      expect(it_.body, text).not.toContain(text);
    }
    const en = await get(`/${office.slug}/en/consular-corps/`);
    expect(en.body).toContain('Consulate General of Japan');
    expect(en.body).toContain('S.E. Tanaka Hiroshi, Consul General');
    const filtered = await get(`/${office.slug}/en/consular-corps/?country=IS`);
    expect(filtered.body).toContain('1 entry');
    expect(filtered.body).not.toContain('Consulate General of Japan');
    const bogus = await get(`/${office.slug}/en/consular-corps/?country=ZZ&kind=spaceship`);
    expect(bogus.body).toContain('2 entries');
    const communities = await get(`/${office.slug}/it/associazioni-straniere/?country=PH`);
    expect(communities.body).toContain('Associazione filippina');
    expect(communities.body).toContain('Filippine');
  });

  it('when the consular corps is downloaded as vCards, CSV and JSON, then a parser reads every post back and no internal field is there', async () => {
    const { office, japan } = await setUp();
    const vcf = await get(`/${office.slug}/data/consular-corps-en.vcf`);
    expect(vcf.statusCode).toBe(200);
    expect(vcf.headers['content-type']).toContain('text/vcard');
    const text = vcf.body;
    const cards = text
      .split(/(?=BEGIN:VCARD)/)
      .filter(Boolean)
      .map((c) => new ICAL.Component(ICAL.parse(c)));
    expect(cards.map((c) => c.getFirstPropertyValue('fn'))).toEqual([
      'Consulate General of Japan',
      'Consolato onorario d’Islanda',
    ]);
    const jp = cards[0]!;
    expect(jp.getFirstPropertyValue('kind')).toBe('org');
    expect(jp.getFirstPropertyValue('tel')).toBe('tel:+39026241141');
    expect(jp.getFirstPropertyValue('geo')).toBe('geo:45.4781,9.1963');
    expect(String(jp.getFirstPropertyValue('note'))).toContain('Tanaka Hiroshi, Consul General');
    expect(text).not.toContain('Nota interna');
    const one = await get(`/${office.slug}/data/organisations/${japan.id}-it.vcf`);
    expect(new ICAL.Component(ICAL.parse(one.body)).getFirstPropertyValue('fn')).toBe(
      'Consolato generale del Giappone',
    );

    const csv = await get(`/${office.slug}/data/consular-corps.csv`);
    expect(csv.body.split('\r\n')[0]).toContain('name_it');
    expect(csv.body).toContain('Consolato generale del Giappone');
    expect(csv.body).not.toContain('Nota interna');
    const json = (await get(`/${office.slug}/data/consular-corps.json`)).json();
    expect(json).toMatchObject({ licence: 'CC-BY-4.0', kind: 'consular_post' });
    expect(json.items).toHaveLength(2);
    expect(json.items[0]).not.toHaveProperty('notes');
    expect(JSON.stringify(json)).not.toContain('Console riservato');
    expect((await get(`/${office.slug}/data/consular-corps.vcf`)).statusCode).toBe(404);
  });
});
