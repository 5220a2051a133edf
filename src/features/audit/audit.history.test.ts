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
