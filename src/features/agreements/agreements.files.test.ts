// Pure tests of reading agreement files: delimiters, encodings, Italian labels and line numbers. No database.
import { describe, expect, it } from 'vitest';
import {
  csvColumnOf,
  csvRecordToInput,
  decodeText,
  detectDelimiter,
  parseAgreementsFile,
  parseCsv,
} from './agreements.files.ts';
import { currentStatus, draftAgreement } from './agreements.rules.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectDelimiter', () => {
  it('when the header is separated by commas, then the delimiter is a comma', () => {
    expect(detectDelimiter('kind,partner,country\ntwinning;x;y,z')).toBe(',');
  });

  it('when Excel saved the file with semicolons and a BOM, then the delimiter is a semicolon', () => {
    expect(detectDelimiter('\uFEFFkind;partner;country\r\ngemellaggio;Lione;FR')).toBe(';');
  });

  it('when a quoted header cell holds the other delimiter, then only the separators outside quotes count', () => {
    expect(detectDelimiter('"kind;partner;country;signed",title\n')).toBe(',');
    expect(detectDelimiter('"kind, the type";"partner";"country"\n')).toBe(';');
  });
});

describe('decodeText', () => {
  it('when the file is UTF-8 with a BOM, then the BOM is dropped and there is no warning', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Città;Zürich')]);
    expect(decodeText(bytes)).toEqual({ text: 'Città;Zürich' });
  });

  it('when the file is Windows-1252, then accented letters are read right and a warning says so', () => {
    const { text, warning } = decodeText(Buffer.from('Città;Münster;Zürich;€', 'latin1'));
    // Buffer's latin1 writes € as its low byte; everything else must come back as written.
    expect(text.startsWith('Città;Münster;Zürich;')).toBe(true);
    expect(warning).toMatch(/not UTF-8.*Windows-1252/);
    // The Windows-1252 byte 0x80 is the euro sign, which Latin-1 proper does not have.
    expect(decodeText(Uint8Array.from([0x80, 0x20, 0xe8])).text).toBe('€ è');
    // Word's apostrophe and quotes: "dell’Unione “europea”".
    const word = Uint8Array.from([
      ...Buffer.from('dell', 'latin1'),
      0x92,
      ...Buffer.from('Unione ', 'latin1'),
      0x93,
      0x65,
      0x94,
    ]);
    expect(decodeText(word).text).toBe('dell’Unione “e”');
  });
});

describe('csvRecordToInput', () => {
  it('when the cells are written in Italian, then kind, status, sectors, term and publication become codes', () => {
    const { input, problems } = csvRecordToInput({
      kind: 'Gemellaggio',
      partner: 'Francoforte',
      country: 'Germania',
      signed: '20/10/1970',
      status: 'Sospeso',
      status_date: '2012-11',
      status_reason_it: 'Mozione del Consiglio',
      sectors: 'Cultura | mobilità; Turismo, pubblica amministrazione',
      term: 'a termine',
      ends: '2030-12-31',
      published: 'sì',
    });
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      kind: 'twinning',
      partner: { type: 'city', name: 'Francoforte', country: 'Germania' },
      signed: { date: '1970-10-20' },
      sectors: ['culture', 'mobility', 'tourism', 'public_administration'],
      term: { type: 'fixed', endsOn: '2030-12-31' },
      published: true,
      statusHistory: [
        { status: 'active', date: '1970-10-20' },
        { status: 'suspended', date: '2012-11', reasonIt: 'Mozione del Consiglio' },
      ],
    });
  });

  it('when other Italian labels are used, then each maps to its code', () => {
    const kindOf = (kind: string) => csvRecordToInput({ kind, partner: 'Riga' }).input?.kind;
    expect(kindOf('patto di amicizia')).toBe('friendship_pact');
    expect(kindOf('Patto di fratellanza')).toBe('brotherhood_pact');
    expect(kindOf("Memorandum d'intesa")).toBe('memorandum_of_understanding');
    expect(kindOf('accordo di cooperazione')).toBe('collaboration_agreement');
    expect(kindOf('project_partnership')).toBe('project_partnership');
    const statusOf = (status: string) =>
      csvRecordToInput({
        kind: 'gemellaggio',
        partner: 'Riga',
        status,
        status_date: '2020',
      }).input?.statusHistory?.at(-1)?.status;
    expect(statusOf('attivo')).toBe('active');
    expect(statusOf('proposta')).toBe('proposed');
    expect(statusOf('scaduto')).toBe('expired');
    expect(statusOf('Cessata')).toBe('terminated');
  });

  it('when the partner type is an organisation, then the partner is one with both names', () => {
    const { input } = csvRecordToInput({
      kind: 'accordo di collaborazione',
      partner: 'Banca Mondiale',
      partner_type: 'Ente',
      partner_name_en: 'World Bank',
      partner_website: 'https://www.worldbank.org',
    });
    expect(input?.partner).toEqual({
      type: 'organisation',
      nameIt: 'Banca Mondiale',
      nameEn: 'World Bank',
      website: 'https://www.worldbank.org',
    });
    expect(input?.published).toBe(false);
  });

  it('when a later status has no date, then the status that the row states is the current one', () => {
    const { input } = csvRecordToInput({
      kind: 'gemellaggio',
      partner: 'San Pietroburgo',
      signed: '1967-10-02',
      status: 'sospeso',
    });
    const { draft, problems } = draftAgreement(input!);
    expect(problems).toEqual([]);
    expect(currentStatus(draft.events).status).toBe('suspended');
    expect(input?.signed?.date).toBe('1967-10-02');
  });

  it('when a date cell says the date is unknown, then the date is null, whatever its length', () => {
    const { input, problems } = csvRecordToInput({
      kind: 'gemellaggio',
      partner: 'Lione',
      signed: 'sconosciuta',
      ratified: '22/09/1967',
    });
    expect(problems).toEqual([]);
    expect(input?.signed?.date).toBeNull();
    expect(input?.ratified?.date).toBe('1967-09-22');
    // The activation takes the ratification date when the signing is unknown.
    expect(input?.statusHistory).toEqual([{ status: 'active', date: '1967-09-22' }]);
  });

  it('when a date cell is not a date, then the problem names its column with the reason', () => {
    const { input, problems } = csvRecordToInput({
      kind: 'gemellaggio',
      partner: 'Lione',
      signed: 'spring 1970',
      ends: '31/02/2020',
      status_date: '2020-13',
    });
    expect(input).toBeUndefined();
    expect(problems).toEqual([
      { field: 'signed', message: expect.stringContaining('"spring 1970" is not a date: write YYYY') },
      { field: 'ends', message: '"31/02/2020" is not a day of the calendar' },
      { field: 'status_date', message: '"2020-13" has no month 13' },
    ]);
  });

  it('when a later status is dated before the agreement began, then the status date is refused', () => {
    const { problems } = csvRecordToInput({
      kind: 'gemellaggio',
      partner: 'Lione',
      signed: '1990',
      status: 'cessato',
      status_date: '1985-06',
    });
    expect(problems).toEqual([
      { field: 'status_date', message: expect.stringContaining('comes before the agreement began (1990)') },
    ]);
  });

  it('when cells cannot be understood, then each problem names its column and says why', () => {
    const { input, problems } = csvRecordToInput({
      kind: 'alleanza',
      partner: '',
      sectors: 'cultura|astronautica',
      status: 'dormiente',
      published: 'forse',
      geonames_id: 'abc',
      renewal: 'sempre',
    });
    expect(input).toBeUndefined();
    expect(Object.fromEntries(problems.map((p) => [p.field, p.message]))).toEqual({
      kind: expect.stringContaining('"alleanza" is not a kind'),
      partner: expect.stringContaining('is empty'),
      sectors: expect.stringContaining('"astronautica" is not a sector'),
      status: expect.stringContaining('"dormiente" is not a status'),
      published: expect.stringContaining('"forse" is not yes or no'),
      geonames_id: expect.stringContaining('"abc" is not a GeoNames id'),
      renewal: expect.stringContaining('"sempre"'),
    });
  });
});

describe('csvColumnOf', () => {
  it('when a problem names an input field, then the column that holds it is named instead', () => {
    expect(
      [
        'partner.name',
        'partner.country',
        'partner.geonamesId',
        'signed.date',
        'ratified.date',
        'term.endsOn',
        'term.renewalYears',
        'statusHistory.1.date',
        'sectors.0',
        'alternativeDates.0.url',
        'titleIt',
        'kind',
        'unit',
      ].map(csvColumnOf),
    ).toEqual([
      'partner',
      'country',
      'geonames_id',
      'signed',
      'ratified',
      'ends',
      'renewal_years',
      'status_history',
      'sectors',
      'alternative_dates',
      'title_it',
      'kind',
      'unit',
    ]);
  });
});

describe('parseCsv', () => {
  it('when cells span several lines, then every row reports the line where it starts', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [
        'kind,partner,country,description_it',
        'gemellaggio,Lione,FR,"prima riga',
        'seconda riga',
        'terza riga"',
        '',
        'gemellaggio,Riga,LV,"una; due, tre"',
        'gemellaggio,Chicago,US,"ancora',
        'due righe"',
        'alleanza,Dakar,SN,x',
      ].join(eol);
      const { rows, problems } = parseCsv(text);
      expect(problems, JSON.stringify(eol)).toEqual([]);
      expect(
        rows.map((r) => r.line),
        JSON.stringify(eol),
      ).toEqual([2, 6, 7, 9]);
      expect(rows[3]!.problems).toEqual([expect.objectContaining({ field: 'kind' })]);
      expect(rows[0]!.input?.descriptionIt?.split(/\r?\n/)).toEqual([
        'prima riga',
        'seconda riga',
        'terza riga',
      ]);
    }
  });

  it('when a row has the wrong number of cells, then the problem carries its line', () => {
    const { rows, problems } = parseCsv(
      'kind,partner,country\r\ngemellaggio,"Lione\r\nsul Rodano",FR\r\ngemellaggio,Riga\r\n',
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/length/i) }),
    ]);
  });

  it('when the header has a column Ponte does not know, then the file is refused naming it', () => {
    const { rows, problems } = parseCsv('kind,partner,note\ngemellaggio,Lione,x\n');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'note', message: expect.stringContaining('unknown column "note"') }),
    ]);
  });

  it('when the header lacks the partner column, then the file is refused saying so', () => {
    const { problems } = parseCsv('kind,country\ngemellaggio,FR\n');
    expect(problems).toEqual([expect.objectContaining({ field: 'partner' })]);
  });
});

describe('parseAgreementsFile', () => {
  it('when the file is empty or holds only a BOM and blanks, then it is refused as empty', () => {
    for (const bytes of [new Uint8Array(), Uint8Array.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20])]) {
      expect(parseAgreementsFile(bytes, 'csv').problems).toEqual([
        { field: 'file', message: 'The file is empty' },
      ]);
    }
  });

  it('when the CSV has only its header, then it is refused as having no rows', () => {
    const parsed = parseAgreementsFile(utf8('kind;partner;country\r\n'), 'csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([{ field: 'file', message: 'The file has no rows' }]);
  });

  it('when the JSON is not an array of agreements, then it is refused saying what was expected', () => {
    expect(parseAgreementsFile(utf8('{"agreements": 3}'), 'json').problems[0]!.message).toMatch(
      /Expected an array/,
    );
    expect(parseAgreementsFile(utf8('[{"kind": '), 'json').problems[0]!.message).toMatch(/Not valid JSON/);
    const ok = parseAgreementsFile(utf8('\uFEFF{"agreements": [{"kind": "twinning"}, {}]}'), 'json');
    expect(ok.problems).toEqual([]);
    expect(ok.rows.map((r) => r.line)).toEqual([1, 2]);
  });
});
