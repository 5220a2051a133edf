// The import and export commands, run in-process on real files in a temporary folder against a real database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/cli.ts';
import {
  makeInstitution,
  makeVariedInstitution,
  VARIED_OTHERS,
  VARIED_TWINNINGS,
} from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { loadConfig } from '../../config.ts';
import { slugify } from './agreements.rules.ts';
import type { Agreement } from './agreements.schemas.ts';

let ctx: TestContext;
let dir: string;
const config = loadConfig({}, {});
/** An institution with agreements of each kind (makeVariedInstitution), to export. */
let source: string;
const SOURCE_COUNT = VARIED_TWINNINGS.length + VARIED_OTHERS.length;

beforeAll(async () => {
  ctx = await createTestDeps();
  source = (await makeVariedInstitution(ctx.services)).institution.slug;
  dir = mkdtempSync(join(tmpdir(), 'ponte-cli-'));
});
afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs one command line against the test database and collects what it prints. */
const cli = (...argv: string[]) => runCommand(argv, { deps: ctx, config });

let files = 0;
/** Writes a file in the temporary folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  files += 1;
  const path = join(dir, `${files}-${name}`);
  writeFileSync(path, content);
  return path;
}

const detailed = (institution: string) =>
  ctx.services.agreements.listDetailed(institution, { includeUnpublished: true });

/** What an agreement says, without what differs between two institutions holding the same agreement. */
function content(a: Agreement) {
  const { id: _id, institution: _i, createdAt: _c, updatedAt: _u, partner, statusHistory, ...rest } = a;
  const { id: _pid, ...partnerRest } = partner;
  return { ...rest, partner: partnerRest, statusHistory: statusHistory.map(({ id: _eid, ...e }) => e) };
}

describe('import agreements: good files', () => {
  it('when a comma-separated CSV names partners in Italian with dates at every precision, then each agreement links the right city at the right precision', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'comma.csv',
      [
        'kind,partner,country,signed,sectors,published,unit',
        'gemellaggio,Francoforte,Germania,1970,cultura|economia,sì,relazioni',
        'patto di amicizia,San Pietroburgo,RU,1967-10,turismo,yes,',
        'accordo di collaborazione,Monaco di Baviera,Germania,2018-02-02,"innovazione, tecnologia",no,',
        "memorandum d'intesa,Nanchino,CN,15/03/2019,mobilità,sì,",
      ].join('\n'),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Imported 4 of 4 rows.\n');

    const byPlace = new Map((await detailed(inst.slug)).map((a) => [a.partner.place?.geonamesId, a]));
    expect(byPlace.size).toBe(4);
    expect(byPlace.get(2925533)).toMatchObject({
      slug: 'francoforte-sul-meno',
      kind: 'twinning',
      signed: { date: '1970', precision: 'year' },
      status: 'active',
      statusSince: '1970',
      partner: { nameEn: 'Frankfurt am Main', country: { code: 'DE' } },
      sectors: ['culture', 'economy'],
      published: true,
      unit: 'relazioni',
    });
    expect(byPlace.get(498817)).toMatchObject({
      kind: 'friendship_pact',
      signed: { date: '1967-10', precision: 'month' },
      partner: { country: { code: 'RU' } },
    });
    expect(byPlace.get(2867714)).toMatchObject({
      kind: 'collaboration_agreement',
      signed: { date: '2018-02-02', precision: 'day' },
      sectors: ['innovation', 'technology'],
      published: false,
    });
    expect(byPlace.get(1799962)).toMatchObject({
      kind: 'memorandum_of_understanding',
      signed: { date: '2019-03-15', precision: 'day' },
      partner: { nameEn: 'Nanjing', country: { code: 'CN' } },
    });
    // The public list shows the published ones only.
    const published = (await ctx.services.agreements.list({ institution: inst.slug })).items;
    expect(published.map((a) => a.partner.place?.geonamesId).sort((x, y) => x! - y!)).toEqual([
      498817, 1799962, 2925533,
    ]);
  });

  it('when Excel saved the CSV with semicolons, CRLF and a BOM, then it imports with statuses, sources and multi-line cells', async () => {
    const inst = await makeInstitution(ctx.services);
    const text = [
      'Slug;Kind;Partner;Country;Signed;Ratified;Status;Status date;Status reason it;Sectors;Description it;Sources;Published',
      'spb;Gemellaggio;San Pietroburgo;Russia;02/10/1967;;Sospeso;2012-11;Mozione del Consiglio;Cultura;"Sospeso con mozione; vedi atti.\r\nSeconda riga, con virgola";https://example.org/a https://example.org/b;sì',
      ';Patto di amicizia;Nanchino;Cina;2019-03;2019-06-30;attivo;;;mobilità|turismo;;;no',
      ';Gemellaggio;Monaco di Baviera;DE;1970;;sospeso;;;;;;sì',
      ';Gemellaggio;Lione;Francia;sconosciuta;22/09/1967;scaduto;2020;;;;;sì',
    ].join('\r\n');
    const path = file('excel.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.err).toBe('');
    expect(r.out).toBe('Imported 4 of 4 rows.\n');
    expect(r.code).toBe(0);

    const byPlace = new Map((await detailed(inst.slug)).map((a) => [a.partner.place?.geonamesId, a]));
    expect(byPlace.get(498817)).toMatchObject({
      slug: 'spb',
      signed: { date: '1967-10-02', precision: 'day' },
      status: 'suspended',
      statusSince: '2012-11',
      descriptionIt: 'Sospeso con mozione; vedi atti.\nSeconda riga, con virgola',
      sources: [{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }],
      published: true,
    });
    expect(byPlace.get(498817)!.statusHistory.map((e) => [e.status, e.date, e.reasonIt])).toEqual([
      ['active', '1967-10-02', null],
      ['suspended', '2012-11', 'Mozione del Consiglio'],
    ]);
    expect(byPlace.get(1799962)).toMatchObject({
      slug: 'nanchino-friendship-pact',
      signed: { date: '2019-03', precision: 'month' },
      ratified: { date: '2019-06-30', precision: 'day' },
      status: 'active',
      sectors: ['mobility', 'tourism'],
      published: false,
    });
    // "sospeso" without a date: the row's status holds even though the signing date is known.
    expect(byPlace.get(2867714)).toMatchObject({
      signed: { date: '1970', precision: 'year' },
      status: 'suspended',
      statusSince: null,
    });
    expect(byPlace.get(2996944)).toMatchObject({
      signed: { date: null, precision: 'unknown' },
      ratified: { date: '1967-09-22', precision: 'day' },
      status: 'expired',
      statusSince: '2020',
    });
  });

  it('when the file is Windows-1252 with accented names, then it imports with a warning and the names are right', async () => {
    const inst = await makeInstitution(ctx.services);
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const bytes = Buffer.concat([
      latin1('kind;partner;country;signed;title_it;description_it\r\n'),
      latin1('gemellaggio;Zürich;Svizzera;1990;Città di Zürich;Gemellaggio dell'),
      Buffer.from([0x92]), // Windows-1252 right single quotation mark, as Word and Excel write it
      latin1('amicizia: 100 '),
      Buffer.from([0x80]), // the euro sign
      latin1('\r\n'),
      latin1('patto di amicizia;Münster;Germania;1995;Città di Münster;Perché no\r\n'),
    ]);
    const path = file('latin1.csv', bytes);
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Warning: The file is not UTF-8: it was read as Windows-1252/);
    expect(r.out).toBe('Imported 2 of 2 rows.\n');

    const byPlace = new Map((await detailed(inst.slug)).map((a) => [a.partner.place?.geonamesId, a]));
    expect(byPlace.get(2657896)).toMatchObject({
      titleIt: 'Città di Zürich',
      descriptionIt: 'Gemellaggio dell’amicizia: 100 €',
      partner: { nameIt: 'Zurigo', nameEn: 'Zurich', country: { code: 'CH' } },
    });
    expect(byPlace.get(2867543)).toMatchObject({
      titleIt: 'Città di Münster',
      descriptionIt: 'Perché no',
      partner: { nameIt: 'Münster', country: { code: 'DE' } },
    });
  });

  it('when a JSON file lists agreements, then they are imported as given', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'list.json',
      JSON.stringify([
        {
          kind: 'twinning',
          partner: { type: 'city', name: 'Nanchino', country: 'Cina' },
          signed: { date: '03/2019' },
          statusHistory: [{ status: 'active', date: '03/2019' }],
          published: true,
        },
        {
          kind: 'collaboration_agreement',
          partner: { type: 'organisation', nameIt: 'Banca Mondiale', nameEn: 'World Bank' },
        },
      ]),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.out).toBe('Imported 2 of 2 rows.\n');
    const list = await detailed(inst.slug);
    expect(list.map((a) => [a.slug, a.signed.date, a.signed.precision, a.status])).toEqual([
      ['nanchino', '2019-03', 'month', 'active'],
      ['banca-mondiale-collaboration-agreement', null, 'unknown', 'proposed'],
    ]);
  });
});

describe('import agreements: files with problems', () => {
  // A good row first, spanning two lines, so nothing is written only if the import is all or nothing, and the
  // bad row's line number (4) is not simply its row number plus one.
  const header = 'kind,partner,country,signed,description_it';
  const good = 'gemellaggio,Lione,FR,1967,"Una descrizione\nsu due righe"';

  it.each(
    [
      {
        what: 'a date is not a day of the calendar',
        row: 'gemellaggio,Riga,LV,31/02/2020,x',
        field: 'signed',
        reason: '"31/02/2020" is not a day of the calendar',
      },
      {
        what: 'a date is written in words',
        row: 'gemellaggio,Riga,LV,spring 1970,x',
        field: 'signed',
        reason: '"spring 1970" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY',
      },
      {
        what: 'the country is unknown',
        row: 'gemellaggio,Riga,Narnia,2018,x',
        field: 'country',
        reason: 'Unknown country "Narnia"',
      },
      {
        what: 'the kind is unknown',
        row: 'alleanza,Riga,LV,2018,x',
        field: 'kind',
        reason: '"alleanza" is not a kind (twinning, friendship_pact',
      },
      {
        what: 'a city name without country is ambiguous',
        row: 'gemellaggio,Bethlehem,,2000,x',
        field: 'partner',
        reason: '"Bethlehem" is ambiguous: which one? Bethlehem (PS',
      },
    ].map((c) => [c.what, c] as const),
  )(
    'when %s, then the line, column and reason are reported and nothing is written',
    async (_what, { row, field, reason }) => {
      const inst = await makeInstitution(ctx.services);
      const path = file('bad.csv', [header, good, row, ''].join('\n'));
      const r = await cli('import', 'agreements', path, '--institution', inst.slug);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${path}:4: ${field}: ${reason}`);
      // One problem, one line: the bad cell is not reported twice.
      expect(r.err.split('\n').filter((l) => l.startsWith(path))).toHaveLength(1);
      expect(r.out).toBe(
        'Nothing imported: 1 problem(s) in 2 rows. Fix them, or use --partial to import the 1 good rows.\n',
      );
      expect(await detailed(inst.slug)).toEqual([]);
      expect(await ctx.services.counterparts.list(await ctx.services.institutions.idOf(inst.slug))).toEqual(
        [],
      );
    },
  );

  it('when a city is ambiguous, then its candidates are printed for a person to choose', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file('ambiguous.csv', `${header}\ngemellaggio,Bethlehem,,2000,x\n`);
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/candidate: Bethlehem \(PS\), pop\. \d+, geonames_id 284315, confidence 0\.\d+/);
    expect(r.err).toMatch(/candidate: Bethlehem \(ZA\)/);
    expect(r.err).toMatch(/candidate: Bethlehem \(US\)/);
    expect(await detailed(inst.slug)).toEqual([]);
  });

  it.each(
    [
      { what: 'the file is empty', text: '', problem: 'file: The file is empty' },
      { what: 'the file has only its header', text: `${header}\r\n`, problem: 'file: The file has no rows' },
      {
        what: 'a column is unknown',
        text: `${header},note\n${good},ciao\n`,
        problem: 'note: unknown column "note"; the columns are: slug, kind, partner',
      },
      { what: 'the partner column is missing', text: 'kind,country\ngemellaggio,FR\n', problem: 'partner:' },
    ].map((c) => [c.what, c] as const),
  )('when %s, then the whole file is refused saying why', async (_what, { text, problem }) => {
    const inst = await makeInstitution(ctx.services);
    const path = file('whole.csv', text);
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}: ${problem}`);
    expect(r.out).toMatch(/^Nothing imported: 1 problem\(s\)/);
    expect(await detailed(inst.slug)).toEqual([]);
  });

  it('when a record has the wrong number of cells, then its line is reported', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file('count.csv', `${header}\r\n${good.replace('\n', '\r\n')}\r\ngemellaggio,Riga,LV\r\n`);
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${path}:4: file: Invalid Record Length`, 'm'));
    expect(await detailed(inst.slug)).toEqual([]);
  });

  it('when some rows are bad and --partial is given, then only the good rows are imported', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'partial.csv',
      [
        header,
        good,
        'gemellaggio,Riga,LV,31/02/2020,x',
        'gemellaggio,Nanchino,Cina,2019,x',
        'alleanza,Dakar,SN,1974,x',
      ].join('\n'),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug, '--partial');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:4: signed:`);
    expect(r.err).toContain(`${path}:6: kind:`);
    expect(r.out).toBe('Imported 2 of 4 rows.\n');
    expect((await detailed(inst.slug)).map((a) => a.partner.place?.geonamesId).sort()).toEqual([
      1799962, 2996944,
    ]);
  });

  it('when --dry-run is given, then nothing is written and it says how many rows can be imported', async () => {
    const inst = await makeInstitution(ctx.services);
    const goodFile = file('dry.csv', [header, good, 'gemellaggio,Nanchino,Cina,2019,x'].join('\n'));
    const ok = await cli('import', 'agreements', goodFile, '--institution', inst.slug, '--dry-run');
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('Dry run: 2 of 2 rows can be imported; nothing was written.\n');
    const badFile = file(
      'dry-bad.csv',
      [header, good, 'alleanza,Riga,LV,2018,x', 'gemellaggio,Osaka,JP,1981,x'].join('\n'),
    );
    const bad = await cli(
      'import',
      'agreements',
      badFile,
      '--institution',
      inst.slug,
      '--dry-run',
      '--partial',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${badFile}:4: kind:`);
    expect(bad.out).toBe('Dry run: 2 of 3 rows can be imported; nothing was written.\n');
    expect(await detailed(inst.slug)).toEqual([]);
  });

  it('when two rows give the same slug, or a slug the institution already uses, then both lines are named', async () => {
    const inst = await makeInstitution(ctx.services);
    await cli(
      'import',
      'agreements',
      file('first.csv', 'slug,kind,partner,country\nusato,gemellaggio,Osaka,JP\n'),
      '--institution',
      inst.slug,
    );
    const path = file(
      'slugs.csv',
      [
        'slug,kind,partner,country',
        'doppio,gemellaggio,Lione,FR',
        'doppio,gemellaggio,Riga,LV',
        'usato,gemellaggio,Dakar,SN',
      ].join('\n'),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:3: slug: "doppio" is also on line 2`);
    expect(r.err).toContain(`${path}:4: slug: "usato" is already used by an agreement`);
    expect((await detailed(inst.slug)).map((a) => a.slug)).toEqual(['usato']);
  });

  it('when a row gives as its slug the one another row would get from its partner, then both are imported', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'auto-slug.csv',
      ['slug,kind,partner,country', ',gemellaggio,Lione,FR', 'lione,gemellaggio,Riga,LV'].join('\n'),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const slugs = Object.fromEntries((await detailed(inst.slug)).map((a) => [a.partner.nameEn, a.slug]));
    expect(slugs).toEqual({ Riga: 'lione', Lyon: 'lione-2' });
  });

  it('when a row names a unit the institution does not have, then that line is reported and nothing is written', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'unit.csv',
      ['kind,partner,country,unit', 'gemellaggio,Lione,FR,relazioni', 'gemellaggio,Riga,LV,protocollo'].join(
        '\n',
      ),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:3: unit: No unit "protocollo" in this institution`);
    expect(await detailed(inst.slug)).toEqual([]);
    const partial = await cli('import', 'agreements', path, '--institution', inst.slug, '--partial');
    expect(partial.out).toBe('Imported 1 of 2 rows.\n');
    expect((await detailed(inst.slug)).map((a) => a.unit)).toEqual(['relazioni']);
  });

  it('when an organisation names an unknown country, then that line is reported and nothing is written', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'org.csv',
      [
        'kind,partner,partner_type,partner_name_en,country',
        'accordo di collaborazione,Banca Mondiale,ente,World Bank,',
        'accordo di collaborazione,Agenzia di Atlantide,organisation,Atlantis Agency,Atlantide',
      ].join('\n'),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:3: country: Unknown country "Atlantide"`);
    expect(await detailed(inst.slug)).toEqual([]);
  });

  it('when a JSON item is invalid, then its item number and field are reported', async () => {
    const inst = await makeInstitution(ctx.services);
    const path = file(
      'bad.json',
      JSON.stringify({
        agreements: [
          { kind: 'twinning', partner: { type: 'city', name: 'Lione', country: 'FR' } },
          {
            kind: 'twinning',
            partner: { type: 'city', name: 'Riga', country: 'LV' },
            signed: { date: '2020-13' },
          },
          { kind: 'alliance', partner: { type: 'city', name: 'Osaka' } },
        ],
      }),
    );
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:2: signed.date: "2020-13" has no month 13`);
    expect(r.err).toContain(`${path}:3: kind: must be one of twinning`);
    expect(await detailed(inst.slug)).toEqual([]);
  });
});

describe('import agreements: a large file', () => {
  // Fifty well-known cities, in Italian, with their countries.
  const CITIES: [string, string][] = [
    ['Parigi', 'FR'],
    ['Londra', 'GB'],
    ['Berlino', 'DE'],
    ['Madrid', 'ES'],
    ['Lisbona', 'PT'],
    ['Vienna', 'AT'],
    ['Praga', 'CZ'],
    ['Varsavia', 'PL'],
    ['Budapest', 'HU'],
    ['Atene', 'GR'],
    ['Amsterdam', 'NL'],
    ['Bruxelles', 'BE'],
    ['Copenaghen', 'DK'],
    ['Stoccolma', 'SE'],
    ['Oslo', 'NO'],
    ['Helsinki', 'FI'],
    ['Dublino', 'IE'],
    ['Zurigo', 'CH'],
    ['Monaco di Baviera', 'Germania'],
    ['Francoforte', 'DE'],
    ['Barcellona', 'Spagna'],
    ['Lione', 'FR'],
    ['Marsiglia', 'FR'],
    ['Cracovia', 'PL'],
    ['Riga', 'LV'],
    ['Tallinn', 'EE'],
    ['Vilnius', 'LT'],
    ['Bucarest', 'RO'],
    ['Sofia', 'BG'],
    ['Belgrado', 'RS'],
    ['Zagabria', 'HR'],
    ['Lubiana', 'SI'],
    ['Istanbul', 'TR'],
    ['Tel Aviv', 'IL'],
    ['Il Cairo', 'EG'],
    ['Dakar', 'SN'],
    ['Nairobi', 'KE'],
    ['Città del Capo', 'ZA'],
    ['New York', 'Stati Uniti'],
    ['Chicago', 'US'],
    ['Toronto', 'CA'],
    ['Città del Messico', 'MX'],
    ['San Paolo', 'BR'],
    ['Buenos Aires', 'AR'],
    ['Santiago', 'CL'],
    ['Tokyo', 'JP'],
    ['Osaka', 'JP'],
    ['Shanghai', 'CN'],
    ['Seul', 'KR'],
    ['Melbourne', 'AU'],
  ];
  const KINDS = ['gemellaggio', 'accordo di collaborazione'];

  it('when a CSV has 10,000 rows, then all are imported at once, each with its own slug', async () => {
    const inst = await makeInstitution(ctx.services);
    const lines = ['slug;kind;partner;country;signed;sectors;published'];
    for (let i = 0; i < 10_000; i++) {
      const [city, country] = CITIES[i % CITIES.length]!;
      const kind = KINDS[Math.floor(i / CITIES.length) % KINDS.length]!;
      const year = 1950 + (i % 70);
      const signed =
        i % 3 === 0
          ? `${year}`
          : i % 3 === 1
            ? `${year}-0${1 + (i % 9)}`
            : `1${i % 9}/0${1 + (i % 9)}/${year}`;
      lines.push(`;${kind};${city};${country};${signed};cultura;${i % 2 ? 'sì' : 'no'}`);
    }
    const path = file('large.csv', lines.join('\r\n'));
    // How fast is measured by `npm run bench`, not here.
    const r = await cli('import', 'agreements', path, '--institution', inst.slug);
    expect(r.err).toBe('');
    expect(r.out).toBe('Imported 10000 of 10000 rows.\n');
    expect(r.code).toBe(0);

    const list = await detailed(inst.slug);
    expect(list).toHaveLength(10_000);
    expect(new Set(list.map((a) => a.partner.place?.geonamesId)).size).toBe(50);
    // Two hundred rows per city, half of each kind: the first of a kind takes the bare slug, the others
    // follow with -2, -3 ... -100.
    const groups = new Map<string, string[]>();
    for (const a of list) {
      const base = slugify(a.partner.nameIt) + (a.kind === 'twinning' ? '' : '-collaboration-agreement');
      groups.set(base, [...(groups.get(base) ?? []), a.slug]);
    }
    expect(groups.size).toBe(100);
    for (const [base, slugs] of groups) {
      const expected = [base, ...Array.from({ length: 99 }, (_, k) => `${base}-${k + 2}`)];
      expect(slugs.sort(), base).toEqual(expected.sort());
    }
    // Generous: a loaded CI machine needs minutes for this; speed is measured by `npm run bench`, not here.
  }, 300_000);
});

describe('export agreements', () => {
  async function roundTrip(format: 'csv' | 'json') {
    const first = join(dir, `source-${format}-1.${format}`);
    const exported = await cli(
      'export',
      'agreements',
      '--institution',
      source,
      '--format',
      format,
      '--out',
      first,
    );
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`Wrote ${SOURCE_COUNT} agreements to ${first}\n`);

    const inst = await makeInstitution(ctx.services);
    const id = await ctx.services.institutions.idOf(inst.slug);
    const from = await ctx.services.institutions.get(source);
    // The units the agreements name; makeInstitution already gave the first one.
    for (const [i, u] of from.units.entries()) {
      if (u.slug === 'relazioni') continue;
      await ctx.services.institutions.addUnit(
        id,
        { slug: u.slug, nameIt: u.nameIt, nameEn: u.nameEn },
        i + 1,
      );
    }
    const imported = await cli('import', 'agreements', first, '--institution', inst.slug);
    expect(imported.err).toBe('');
    expect(imported.out).toBe(`Imported ${SOURCE_COUNT} of ${SOURCE_COUNT} rows.\n`);

    const before = await detailed(source);
    const after = await detailed(inst.slug);
    expect(after.map(content)).toEqual(before.map(content));
    // The organisation's website travels too, though agreements do not show it.
    const websites = async (institutionId: string) =>
      (await ctx.services.counterparts.list(institutionId)).map((c) => [c.nameEn, c.website]);
    expect(await websites(id)).toEqual(await websites(await ctx.services.institutions.idOf(source)));

    const second = join(dir, `copy-${format}-2.${format}`);
    await cli('export', 'agreements', '--institution', inst.slug, '--format', format, '--out', second);
    return { first: readFileSync(first, 'utf8'), second: readFileSync(second, 'utf8'), slug: inst.slug };
  }

  it('when an institution is exported as CSV and imported into an empty institution, then it holds the same agreements and exports the same file', async () => {
    const { first, second } = await roundTrip('csv');
    expect(first.startsWith('\uFEFFslug,kind,partner,country,geonames_id')).toBe(true);
    expect(second).toBe(first);
  });

  it('when an institution is exported as JSON and imported into an empty institution, then it holds the same agreements and exports the same list', async () => {
    const { first, second, slug } = await roundTrip('json');
    const a = JSON.parse(first);
    const b = JSON.parse(second);
    expect(a.institution).toBe(source);
    expect(b.institution).toBe(slug);
    expect(a.agreements).toHaveLength(SOURCE_COUNT);
    expect(b.agreements).toEqual(a.agreements);
  });

  it('when exported as GeoJSON, then it is an RFC 7946 FeatureCollection with a point for every partner city', async () => {
    const r = await cli('export', 'agreements', '--institution', source, '--format', 'geojson');
    expect(r.code).toBe(0);
    const geo = JSON.parse(r.out);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.crs).toBeUndefined();
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toHaveLength(2);
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(-180);
      expect(lon).toBeLessThanOrEqual(180);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
      expect(f.properties).toMatchObject({
        institution: source,
        slug: expect.any(String),
        status: expect.any(String),
      });
    }
    const all = await detailed(source);
    const cities = all.filter((a) => a.partner.type === 'city');
    expect(cities).toHaveLength(SOURCE_COUNT - 1);
    expect(geo.features.map((f: { properties: { slug: string } }) => f.properties.slug).sort()).toEqual(
      cities.map((a) => a.slug).sort(),
    );
    expect(
      geo.features.some((f: { properties: { slug: string } }) => f.properties.slug === 'banca-mondiale'),
    ).toBe(false);
    const bySlug = new Map(geo.features.map((f: { properties: { slug: string } }) => [f.properties.slug, f]));
    // Longitude first: Shanghai is east and north, São Paulo west and south, Chicago west and north.
    expect(bySlug.get('shanghai')).toMatchObject({
      geometry: { coordinates: [expect.closeTo(121.46, 0), expect.closeTo(31.22, 0)] },
    });
    const saoPaulo = all.find((a) => a.slug === 'san-paolo')!;
    expect(bySlug.get('san-paolo')).toMatchObject({
      geometry: { coordinates: [expect.closeTo(-46.64, 0), expect.closeTo(-23.55, 0)] },
      properties: { status: 'active', country: 'BR', geonamesId: saoPaulo.partner.place!.geonamesId },
    });
    expect(bySlug.get('chicago')).toMatchObject({
      geometry: { coordinates: [expect.closeTo(-87.65, 1), expect.closeTo(41.85, 1)] },
    });
    expect(bySlug.get('san-pietroburgo')).toMatchObject({
      properties: { status: 'suspended', statusSince: '2012-11' },
    });
  });

  it('when --published-only is given, then unpublished agreements are left out', async () => {
    const inst = await makeInstitution(ctx.services);
    await cli(
      'import',
      'agreements',
      file('pub.csv', 'kind,partner,country,published\ngemellaggio,Lione,FR,sì\ngemellaggio,Riga,LV,no\n'),
      '--institution',
      inst.slug,
    );
    const all = JSON.parse(
      (await cli('export', 'agreements', '--institution', inst.slug, '--format', 'json')).out,
    );
    const published = JSON.parse(
      (await cli('export', 'agreements', '--institution', inst.slug, '--format', 'json', '--published-only'))
        .out,
    );
    expect(all.agreements.map((a: { slug: string }) => a.slug).sort()).toEqual(['lione', 'riga']);
    expect(published.agreements.map((a: { slug: string }) => a.slug)).toEqual(['lione']);
  });
});

describe('command line usage', () => {
  it('when --institution or the file is missing, or a format or option is unknown, then it exits 2 with the usage', async () => {
    const csv = file('usage.csv', 'kind,partner,country\ngemellaggio,Lione,FR\n');
    for (const [argv, message] of [
      [['import', 'agreements', csv], '--institution is required'],
      [['import', 'agreements', '--institution', source], 'Give the file to import'],
      [['import', 'agreements', csv, '--institution', source, '--format', 'xlsx'], '--format is csv or json'],
      [['export', 'agreements', '--format', 'csv'], '--institution is required'],
      [['export', 'agreements', '--institution', source], '--format is required'],
      [
        ['export', 'agreements', '--institution', source, '--format', 'kml'],
        '--format is csv, json or geojson',
      ],
      [
        ['export', 'agreements', '--institution', source, '--format', 'csv', '--colour'],
        "Unknown option '--colour'",
      ],
    ] as const) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(message);
      expect(r.err, argv.join(' ')).toContain('Usage: npm run ponte -- ');
      expect(r.out).toBe('');
    }
    expect((await detailed(source)).length).toBe(SOURCE_COUNT);
  });

  it('when the institution does not exist or the file cannot be read, then it exits 1 saying so', async () => {
    const csv = file('nowhere.csv', 'kind,partner,country\ngemellaggio,Lione,FR\n');
    const exp = await cli('export', 'agreements', '--institution', 'atlantide', '--format', 'csv');
    expect(exp).toEqual({ code: 1, out: '', err: 'Error: Institution "atlantide" does not exist\n' });
    const imp = await cli('import', 'agreements', csv, '--institution', 'atlantide');
    expect(imp).toEqual({ code: 1, out: '', err: 'Error: Institution "atlantide" does not exist\n' });
    const missing = await cli('import', 'agreements', join(dir, 'absent.csv'), '--institution', source);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Cannot read .*absent\.csv: ENOENT/);
  });
});
