// How an audit entry reads in the back-office: fields and values in the page's language, bookkeeping keys
// left out, long values shortened, creations listing their values and changes showing before and after.
import { describe, expect, it } from 'vitest';
import { renderFragment } from '../../views/render.ts';
import type { AuditEntry } from './audit.service.ts';
import { AuditTable, changesOf } from './views/history.tsx';

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  at: '2026-11-20 10:00:00+00',
  actor: 'editor@milano.example.org',
  action: 'update',
  entity: 'agreement',
  entityId: '00000000-0000-4000-8000-000000000001',
  before: null,
  after: null,
  ...e,
});

describe('the changes of an audit entry', () => {
  it('when an agreement is changed, then each field reads with its label and value in the language, and the version is left out', () => {
    const e = entry({
      before: { kind: 'twinning', term: { type: 'permanent' }, sectors: ['culture'], version: 3 },
      after: {
        kind: 'friendship_pact',
        term: { type: 'fixed', endsOn: '2030-06-30', renewal: 'automatic' },
        sectors: ['culture', 'education'],
        version: 4,
      },
    });
    expect(changesOf(e, 'it')).toEqual([
      'Tipo: Gemellaggio → Patto di amicizia',
      'Durata: A tempo indeterminato → Con scadenza',
      'Scadenza: — → 30 giugno 2030',
      'Rinnovo: — → Rinnovo automatico',
      'Settori: Cultura → Cultura, Istruzione',
    ]);
    expect(changesOf(e, 'en')).toEqual([
      'Kind: Twinning → Friendship pact',
      'Term: Permanent → Fixed term',
      'Ends on: — → 30 June 2030',
      'Renewal: — → Renewed automatically',
      'Sectors: Culture → Culture, Education',
    ]);
  });

  it('when only bookkeeping changed, then there is nothing to show', () => {
    const e = entry({
      before: { version: 1, updatedAt: '2026-01-01T00:00:00Z', searchText: 'lyon lione' },
      after: { version: 2, updatedAt: '2026-02-01T00:00:00Z', searchText: 'lyon lione francia' },
    });
    expect(changesOf(e, 'it')).toEqual([]);
    expect(changesOf(e, 'en')).toEqual([]);
  });

  it('when a partner is created, then its values are listed without ids, versions, counts or timestamps, and long ones are shortened', () => {
    const long = 'x'.repeat(300);
    const e = entry({
      action: 'create',
      entity: 'counterpart',
      after: {
        id: '00000000-0000-4000-8000-000000000002',
        kind: 'organisation',
        nameIt: 'Eurocittà',
        nameEn: long,
        website: null,
        country: { code: 'BE', nameIt: 'Belgio', nameEn: 'Belgium' },
        agreements: 0,
        version: 1,
        createdAt: '2026-11-20T10:00:00Z',
        updatedAt: '2026-11-20T10:00:00Z',
      },
    });
    const italian = changesOf(e, 'it');
    expect(italian).toEqual([
      'Tipo: Organizzazione',
      'Nome in italiano: Eurocittà',
      `Nome in inglese: ${'x'.repeat(117)}…`,
      'Paese (nome o codice): Belgio',
    ]);
    expect(changesOf(e, 'en')).toContain('Country (name or code): Belgium');
    expect(italian.join('\n')).not.toMatch(/00000000|2026-11-20|version|Versione/);
  });

  it('when a membership is left, then what it was is listed', () => {
    const e = entry({
      action: 'leave',
      entity: 'membership',
      before: {
        id: 'm1',
        networkId: 'n1',
        since: { date: '2012-11-01', precision: 'month' },
        unit: { id: 'u1', nameIt: 'Relazioni internazionali', nameEn: 'International relations' },
        version: 2,
      },
      after: null,
    });
    expect(changesOf(e, 'en')).toEqual([
      'Unit in charge: International relations',
      'Member since: November 2012',
    ]);
  });

  it("when the seed or the command line wrote, then the table names them in the page's language; a person by name", () => {
    const rows = [
      entry({ actor: 'seed', action: 'create' }),
      entry({ actor: 'cli', action: 'create' }),
      entry({ actor: 'editor@milano.example.org' }),
    ];
    const it_ = renderFragment(AuditTable({ lang: 'it', rows, variant: 'log' }));
    const en = renderFragment(AuditTable({ lang: 'en', rows, variant: 'log' }));
    expect(it_).toContain('<td data-label="Chi">Dati dimostrativi (caricamento)</td>');
    expect(it_).toContain('<td data-label="Chi">Riga di comando</td>');
    expect(en).toContain('<td data-label="Who">Demo data (loading)</td>');
    expect(en).toContain('<td data-label="Who">Command line</td>');
    expect(en).toContain('<td data-label="Who">editor@milano.example.org</td>');
    expect(en).not.toContain('>seed</td>');
  });
});

describe('the record an entry of the log is about', () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const names = {
    known: new Map([
      [`agreement:${id(1)}`, { kind: 'friendship_pact', nameIt: 'Lione', nameEn: 'Lyon' }],
      [`unit:${id(2)}`, { nameIt: 'Ufficio gemellaggi', nameEn: 'Twinning office' }],
    ]),
    nameable: new Set(['agreement', 'unit', 'user']),
  };
  const rows = [
    entry({ entity: 'agreement', entityId: id(1) }),
    entry({ entity: 'unit', entityId: id(2) }),
    entry({ entity: 'agreement', entityId: id(3) }),
    entry({ entity: 'user', entityId: id(4) }),
    entry({ entity: 'database', entityId: id(5) }),
  ];

  it('when names are given, then each reads by its title in the language, linked to its page; the missing say why', () => {
    const it_ = renderFragment(AuditTable({ lang: 'it', rows, variant: 'log', names }));
    expect(it_).toContain(`<a href="/admin/it/agreements/${id(1)}">Patto di amicizia con Lione</a>`);
    expect(it_).toContain(`Ufficio: <a href="/admin/it/units/${id(2)}">Ufficio gemellaggi</a>`);
    expect(it_).toContain('Accordo: scheda eliminata (id 00000000…)');
    expect(it_).toContain('Utente: non più in questo ente (id 00000000…)');
    const en = renderFragment(AuditTable({ lang: 'en', rows, variant: 'log', names }));
    expect(en).toContain(`<a href="/admin/en/agreements/${id(1)}">Friendship pact with Lyon</a>`);
    expect(en).toContain('User: no longer in this institution (id 00000000…)');
    // A type the log cannot name keeps its kind and short id.
    expect(en).toContain('database <code>00000000</code>');
  });
});

describe('the lists a record carries (years, funding, indicators, deadlines)', () => {
  // Intl puts a no-break space between an amount and its currency sign.
  const changes = (e: AuditEntry, lang: 'it' | 'en') =>
    changesOf(e, lang).map((c) => c.replace(/\u00a0/g, ' '));
  const year = (y: number, amounts: Record<string, string | null> = {}) => ({
    year: y,
    incomePlanned: null,
    incomeCommitted: null,
    incomePaid: null,
    expensePlanned: null,
    expenseCommitted: null,
    expensePaid: null,
    ...amounts,
  });

  it("when one year of an objective's money is typed, then only that year shows, its amounts in words and currency", () => {
    const e = entry({
      entity: 'objective',
      before: { currency: 'EUR', years: [year(2022), year(2023), year(2024)] },
      after: {
        currency: 'EUR',
        years: [year(2022), year(2023, { expensePlanned: '12500.00', expensePaid: '9800.50' }), year(2024)],
      },
    });
    expect(changes(e, 'it')).toEqual([
      'Anni, 2023: non registrato → Spese: previsione 12.500,00 €, pagato 9.800,50 €',
    ]);
    expect(changes(e, 'en')).toEqual([
      'Years, 2023: not recorded → Expenditure: planned €12,500.00, paid €9,800.50',
    ]);
  });

  it("when a project's co-funding grows and a year is added, then each item is named by its source or year", () => {
    const e = entry({
      entity: 'project',
      before: { currency: 'EUR', funding: [], years: [{ year: 2025, amount: '15000.00' }] },
      after: {
        currency: 'EUR',
        funding: [{ id: '00000000-0000-4000-8000-0000000000f1', source: 'AICS', amount: '180000.10' }],
        years: [
          { year: 2025, amount: '15000.00' },
          { year: 2026, amount: '20000.25' },
        ],
      },
    });
    const it_ = changes(e, 'it');
    expect(it_).toContain('Cofinanziamento, AICS: — → 180.000,10 €');
    expect(it_).toContain('Anni, 2026: — → 20.000,25 €');
    expect(it_.join()).not.toContain('2025');
    expect(it_.join()).not.toContain('{');
  });

  it('when a candidacy is created with deadlines and an objective with an indicator, then each reads in words, not JSON', () => {
    const dossier = entry({
      entity: 'dossier',
      action: 'create',
      after: {
        deadlines: [
          {
            id: '00000000-0000-4000-8000-0000000000d1',
            labelIt: 'Consegna del dossier',
            labelEn: 'Dossier due',
            dueOn: '2027-03-15',
            doneOn: '2027-03-10',
          },
        ],
      },
    });
    expect(changes(dossier, 'en').join()).toContain('Dossier due: By 15 March 2027; Done on 10 March 2027');
    const objective = entry({
      entity: 'objective',
      action: 'create',
      after: {
        indicators: [
          {
            id: '00000000-0000-4000-8000-0000000000a1',
            nameIt: 'Accordi firmati',
            nameEn: null,
            unit: 'accordi',
            values: [
              { year: 2023, target: '5', actual: '3' },
              { year: 2024, target: null, actual: null },
            ],
          },
        ],
      },
    });
    const text = changes(objective, 'it').join();
    expect(text).toContain('Accordi firmati: 2023: Valore atteso 5 accordi, Valore raggiunto 3 accordi');
    expect(text).not.toContain('2024');
    expect(text).not.toContain('{');
  });
});

describe('a link between records', () => {
  const link = {
    kind: 'visit',
    recordId: '00000000-0000-4000-8000-0000000000b1',
    label: 'Delegazione di Kyoto',
    labelEn: 'Kyoto delegation',
    day: '2023-05-10',
  };

  it('when an objective or a person is linked to a record, or unlinked, then the entry names the record by its kind, name and day', () => {
    const added = entry({ entity: 'objective', action: 'add_objective_link', after: link });
    expect(changesOf(added, 'it')).toEqual(['Visita: Delegazione di Kyoto (10 maggio 2023)']);
    expect(changesOf(added, 'en')).toEqual(['Visit: Kyoto delegation (10 May 2023)']);
    const removed = entry({
      entity: 'person',
      action: 'remove_person_link',
      before: {
        kind: 'agreement',
        recordId: link.recordId,
        label: 'Gemellaggio con Kyoto',
        given: ['roleIt'],
      },
    });
    expect(changesOf(removed, 'it')).toEqual(['Accordo: Gemellaggio con Kyoto, con il ruolo indicato']);
  });

  it('when an entry is older (named in labelIt) or kept only the link id, then it still reads in words', () => {
    const early = {
      linkId: 'x',
      kind: 'visit',
      id: 'y',
      labelIt: 'Delegazione di Kyoto',
      labelEn: 'Kyoto delegation',
      day: null,
    };
    expect(
      changesOf(entry({ entity: 'objective', action: 'add_objective_link', after: early }), 'en'),
    ).toEqual(['Visit: Kyoto delegation']);
    expect(
      changesOf(
        entry({ entity: 'objective', action: 'remove_objective_link', before: { linkId: 'x' } }),
        'it',
      ),
    ).toEqual(['un collegamento (la scheda collegata non è più registrata)']);
  });

  it('when an objective with the money of three years is deleted, then each year is its own line, whole', () => {
    const year = (y: number) => ({
      year: y,
      expensePlanned: '12500.00',
      expenseCommitted: '11000.00',
      expensePaid: '9800.50',
      incomePlanned: '5000.00',
      incomeCommitted: '4000.00',
      incomePaid: '3500.00',
    });
    const gone = entry({
      entity: 'objective',
      action: 'delete',
      before: { currency: 'EUR', years: [year(2022), year(2023), year(2024)] },
    });
    const lines = changesOf(gone, 'en')
      .map((c) => c.replace(/\u00a0/g, ' '))
      .filter((c) => c.startsWith('Years'));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      'Years, 2024: Expenditure: planned €12,500.00, committed €11,000.00, paid €9,800.50; Income: planned €5,000.00, ascertained €4,000.00, collected €3,500.00',
    );
  });
});
