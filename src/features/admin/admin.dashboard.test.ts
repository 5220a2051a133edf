// The dashboard and the audit log as staff read them: the portal's page feedback of their institution only
// (counts per page, comments escaped, all comments a page at a time), partnerships without recorded activity
// (dated events, not edits of the record), and the log naming records by their titles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../test/admin.ts';
import { makeInstitution } from '../../../test/factories.ts';
import {
  city,
  makeAgreement,
  makeFollowUp,
  makeVisit,
  objectiveFields,
  organisation,
  projectFields,
} from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import { cliActor } from '../accounts/accounts.access.ts';
import { BLANK_DOSSIER } from '../dossiers/dossiers.service.ts';
import { BLANK_EVENT } from '../events/events.service.ts';
import { COMMENTS_PAGE, DASHBOARD_COMMENTS } from './admin.service.ts';

let ctx: TestContext;
let app: App;
let signIn: ReturnType<typeof adminClient>['signIn'];
let get: ReturnType<typeof adminClient>['get'];

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  ({ signIn, get } = adminClient(app, ctx));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** The part of a page between two texts. */
const between = (body: string, from: string, to: string) => body.slice(body.indexOf(from), body.indexOf(to));

const rate = (slug: string, page: string, rating: number, comment?: string, answer?: number) =>
  ctx.services.feedback.record(slug, { page, lang: 'it', rating, comment, answer });

describe('the page feedback on the dashboard', () => {
  it('when readers rate pages, then staff see the counts per page and the comments, escaped, of their institution only', async () => {
    const { slug } = await makeInstitution(ctx.services);
    const other = await makeInstitution(ctx.services);
    await rate(slug, `/${slug}/it/reti/`, 5, undefined, 0);
    await rate(slug, `/${slug}/it/reti/`, 4);
    await rate(slug, `/${slug}/it/reti/`, 2, '<script>alert(1)</script> troppo piccolo', 1);
    await rate(slug, `/${slug}/it/mappa/`, 1);
    await rate(other.slug, `/${other.slug}/it/reti/`, 3, 'Commento di un altro ente');
    const { cookie } = await signIn(slug, 'viewer');
    const body = (await get('/admin/en/', cookie)).body;
    const section = between(body, 'Feedback on the portal pages', 'Recent changes');
    // The networks page: three answers, average 3.7, two useful and one not, one comment.
    const row = section.slice(section.indexOf(`/${slug}/it/reti/`));
    expect(row.slice(0, row.indexOf('</tr>')).replace(/<[^>]+>/g, '|')).toMatch(
      /reti\/\|+3\|+3\.7\|+2\|+1\|+1\|/,
    );
    expect(section).toContain(`/${slug}/it/mappa/`);
    expect(section).toContain('&lt;script>alert(1)&lt;/script> troppo piccolo');
    expect(section).not.toContain('<script>alert(1)');
    // The follow-up answer in the page's language: the negative group's second answer.
    expect(section).toContain('Sometimes the instructions were incomplete');
    expect(body).not.toContain('Commento di un altro ente');
    expect(body).not.toContain(`/${other.slug}/it/reti/`);
    const italian = (await get('/admin/it/', cookie)).body;
    expect(italian).toContain('Valutazioni delle pagine del portale');
    expect(italian).toContain('3,7');
  });

  it('when there are more comments than the dashboard shows, then it links to all of them, a page at a time', async () => {
    const { slug } = await makeInstitution(ctx.services);
    const count = COMMENTS_PAGE + 2;
    for (let i = 1; i <= count; i++) await rate(slug, `/${slug}/en/`, 3, `Comment number ${i}.`);
    const { cookie } = await signIn(slug, 'viewer');
    const dashboard = (await get('/admin/en/', cookie)).body;
    expect(dashboard).toContain(`All comments (${count})`);
    expect(dashboard.match(/Comment number \d+\./g)).toHaveLength(DASHBOARD_COMMENTS);
    const first = (await get('/admin/en/feedback', cookie)).body;
    expect(first).toContain('Comments on the portal pages');
    expect(first.match(/Comment number \d+\./g)).toHaveLength(COMMENTS_PAGE);
    expect(first).toContain(`Comment number ${count}.`);
    expect(first).toContain('href="/admin/en/feedback?page=2"');
    const second = (await get('/admin/it/feedback?page=2', cookie)).body;
    expect(second.match(/Comment number \d+\./g)).toEqual(['Comment number 2.', 'Comment number 1.']);
    expect(second).toContain('Commenti sulle pagine del portale');
  });
});

describe('partnerships without recorded activity', () => {
  it('when a partner has only old dated events, then the partnership is dormant though its record was written a moment ago; a recent event keeps another off the list', async () => {
    const { slug } = await makeInstitution(ctx.services);
    const lastYear = new Date().getUTCFullYear() - 1;
    await makeAgreement(ctx.services, slug, {
      partner: city('Riga', 'LV'),
      signed: { date: '2012-04-03' },
      statusHistory: [{ status: 'active', date: '2012-04-03' }],
    });
    await makeAgreement(ctx.services, slug, {
      partner: city('Osaka', 'JP'),
      signed: { date: '2001-09-01' },
      statusHistory: [
        { status: 'active', date: '2001-09-01' },
        { status: 'suspended', date: `${lastYear - 1}-02-01` },
        { status: 'active', date: `${lastYear}-06-15` },
      ],
    });
    await makeAgreement(ctx.services, slug, {
      kind: 'collaboration_agreement',
      partner: organisation('Fondazione senza date'),
      signed: { date: null },
      statusHistory: [{ status: 'active' }],
    });
    const { cookie } = await signIn(slug, 'viewer');
    const section = between(
      (await get('/admin/en/', cookie)).body,
      'Partnerships with no activity recorded for 3 years',
      'Feedback on the portal pages',
    );
    // Made a moment ago (updated_at is now), yet nothing has happened with Riga since 2012.
    expect(section).toContain('Twinning with Riga</a> — no recorded activity since 3 April 2012');
    expect(section).toContain(
      'Collaboration agreement with Fondazione senza date</a> — no activity recorded',
    );
    expect(section).not.toContain('Osaka');
    const italian = (await get('/admin/it/', cookie)).body;
    expect(italian).toContain('Gemellaggio con Riga</a> — nessuna attività registrata dal 3 aprile 2012');
  });
});

describe('the audit log', () => {
  it('when entries name records, then the log shows their titles linked to their pages, and a deleted record as such', async () => {
    const institution = await makeInstitution(ctx.services);
    const lyon = await makeAgreement(ctx.services, institution.slug, { partner: city('Lione', 'FR') });
    const riga = await makeAgreement(ctx.services, institution.slug, { partner: city('Riga', 'LV') });
    await ctx.services.admin.remove(cliActor(institution), riga.id, riga.version);
    const { cookie } = await signIn(institution.slug, 'viewer');
    const it = (await get('/admin/it/audit', cookie)).body;
    expect(it).toContain(`<a href="/admin/it/agreements/${lyon.id}">Gemellaggio con Lione</a>`);
    expect(it).toContain(`Accordo: scheda eliminata (id ${riga.id.slice(0, 8)}…)`);
    expect(it).not.toContain(`<code>${lyon.id.slice(0, 8)}</code>`);
    const en = (await get('/admin/en/audit', cookie)).body;
    expect(en).toContain(`<a href="/admin/en/agreements/${lyon.id}">Twinning with Lyon</a>`);
    expect(en).toContain(`Agreement: record deleted (id ${riga.id.slice(0, 8)}…)`);
    // The dashboard's recent changes name them the same way.
    expect((await get('/admin/en/', cookie)).body).toContain('Twinning with Lyon</a>');
  });

  it("when a project's and an objective's changes are logged, then the log names them and links their pages", async () => {
    const institution = await makeInstitution(ctx.services);
    const actor = cliActor(institution);
    const project = await ctx.services.projectsAdmin.create(actor, {
      ...projectFields(),
      titleIt: 'Acqua a Thiès',
      titleEn: 'Water in Thiès',
    });
    const objective = await ctx.services.planAdmin.create(actor, {
      ...objectiveFields(),
      code: '1901/0159',
      titleIt: 'La Città nel mondo',
    });
    const { cookie } = await signIn(institution.slug, 'viewer');
    const en = (await get('/admin/en/audit', cookie)).body;
    expect(en).toContain(`Project: <a href="/admin/en/projects/${project.id}">Water in Thiès</a>`);
    expect(en).toContain(`<a href="/admin/en/plan/${objective.id}">1901/0159 La Città nel mondo</a>`);
    expect(en).not.toContain(`<code>${project.id.slice(0, 8)}</code>`);
  });

  it('when a project, an event, a candidacy and an objective are written, then every field in the log has its label and every code its words', async () => {
    const institution = await makeInstitution(ctx.services);
    const actor = cliActor(institution);
    const p = await ctx.services.projectsAdmin.create(actor, {
      ...projectFields(),
      titleEn: 'Water',
      descriptionIt: 'Pozzi',
      funder: 'AICS',
      status: 'running',
      startsOn: '2025-01-01',
      endsOn: '2026-12-31',
      countries: 'SN',
      totalBudget: '1000',
      ownShare: '100',
      resultsIt: 'Tre pozzi',
      currency: 'EUR',
    });
    await ctx.services.projectsAdmin.addFunding(actor, p.id, p.version, { source: 'Regione', amount: '50' });
    await ctx.services.eventsAdmin.create(actor, {
      ...BLANK_EVENT,
      titleIt: 'Forum',
      startsOn: '2027-05-01',
      venue: 'Palazzo Vecchio',
      city: 'Firenze',
      coordinates: '43.7693, 11.2558',
      partners: 'Eurocities',
      audienceIt: 'Sindaci',
    });
    const d = await ctx.services.dossiersAdmin.create(actor, {
      ...BLANK_DOSSIER,
      titleIt: 'Capitale verde',
      kind: 'prize',
      awardingBody: 'Commissione europea',
      callTitle: 'Bando 2027',
      callUrl: 'https://example.org/bando',
      contributors: 'Ambiente',
    });
    await ctx.services.dossiersAdmin.putDeadline(actor, d.id, d.version, undefined, {
      labelIt: 'Lettera d’intenti',
      labelEn: '',
      dueOn: '2027-01-15',
      doneOn: '',
    });
    await ctx.services.planAdmin.create(actor, {
      ...objectiveFields(),
      addressIt: 'Indirizzo',
      responsible: 'Anna',
    });
    const { cookie } = await signIn(institution.slug, 'viewer');
    for (const lang of ['it', 'en'] as const) {
      const body = (await get(`/admin/${lang}/audit`, cookie)).body;
      // A label is the field's key only when no words were found for it: camelCase or a bare code.
      const raw = [...body.matchAll(/<li>([a-zA-Z]+):/g)]
        .map((m) => m[1])
        .filter((k) => /[A-Z]|^[a-z]+$/.test(k!));
      expect(
        raw.filter((k) => k !== k!.charAt(0).toUpperCase() + k!.slice(1)),
        lang,
      ).toEqual([]);
      if (lang === 'it') {
        const text = body.replace(/\u00a0/g, ' ');
        expect(text).toContain('Inizio: 1 gennaio 2025');
        expect(text).toContain('Budget totale: 1.000,00 €');
        expect(text).toContain('Paesi in cui si svolge: Senegal');
      }
      for (const code of [
        'running',
        'organiser',
        'proposed',
        'prize',
        'preparing',
        'strategic',
        'cooperation',
      ])
        expect(body, `${lang} ${code}`).not.toMatch(new RegExp(`: ${code}<`));
    }
  });
});

describe('what the dashboard leads with', () => {
  it('when a visit is coming, a follow-up is overdue and a twinning turns ten, then the dashboard says so, for its institution only', async () => {
    const office = await makeInstitution(ctx.services);
    const other = await makeInstitution(ctx.services);
    const year = Number(new Date().toISOString().slice(0, 4));
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const late = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const visit = await makeVisit(ctx.services, office.id, {
      titleIt: 'Delegazione in arrivo',
      startsOn: soon,
      endsOn: soon,
    });
    await makeVisit(ctx.services, office.id, {
      titleIt: 'Visita lontana',
      startsOn: '2099-01-01',
      endsOn: '2099-01-01',
    });
    await makeVisit(ctx.services, other.id, { titleIt: 'Visita altrui', startsOn: soon, endsOn: soon });
    const f = await makeFollowUp(ctx.database, office.id, { kind: 'visit', id: visit.id });
    await ctx.database.query('update follow_ups set due_on = $1 where id = $2', [late, f.id]);
    await makeAgreement(ctx.services, office.slug, {
      partner: city('Lione', 'FR'),
      signed: { date: `${year - 10}-05-09` },
      statusHistory: [{ status: 'active', date: `${year - 10}-05-09` }],
    });
    await makeAgreement(ctx.services, office.slug, {
      partner: city('Chicago', 'US'),
      signed: { date: `${year - 7}-05-09` },
      statusHistory: [{ status: 'active', date: `${year - 7}-05-09` }],
    });
    const { cookie } = await signIn(office.slug, 'viewer');
    const body = (await get('/admin/en/', cookie)).body;
    const coming = between(body, 'In the coming 30 days', 'Follow-ups coming due');
    expect(coming).toContain('Visit: Delegazione in arrivo');
    expect(coming).not.toMatch(/Visita lontana|Visita altrui/);
    const due = between(body, 'Follow-ups coming due', 'Anniversaries of agreements');
    expect(due).toContain('<strong>Overdue: </strong>');
    expect(due).toContain(f.action);
    const anniversaries = between(body, `Anniversaries of agreements in ${year}`, 'Agreements by status');
    expect(anniversaries).toContain('10 years: Twinning with Lyon');
    expect(anniversaries).not.toContain('Chicago');
  });
});
