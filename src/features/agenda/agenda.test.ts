// The agenda's calendar and feeds through HTTP, read back as a calendar application would (ical.js): the
// public feed holds the published entries only and none of their internal fields, in Europe/Rome, with UIDs
// that survive an edit and a SEQUENCE that rises, a cancelled visit kept as cancelled; a person's private feed
// holds everything and dies when revoked, replaced or when its holder leaves; the month and week pages.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { makeMeeting, makeMission, makeVisit } from '../../../test/factories-backoffice.ts';
import { app, ctx, get, milan, milanId, post, signIn, useRecordsPages } from '../../../test/records-pages.ts';
import { BLANK_VISIT } from '../visits/visits.service.ts';

useRecordsPages();

interface Parsed {
  uid: string;
  summary: string;
  status: string;
  sequence: number;
  tz: string;
  start: string;
  description: string;
}

function parse(text: string): { name: string; events: Parsed[]; zones: string[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      status: String(v.getFirstPropertyValue('status') ?? ''),
      sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      tz: String(v.getFirstProperty('dtstart')?.getParameter('tzid') ?? ''),
      start: e.startDate.toString(),
      description: e.description ?? '',
    };
  });
  const zones = cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')));
  return { name: String(cal.getFirstPropertyValue('x-wr-calname') ?? ''), events, zones };
}

const feed = async (slug: string, lang = 'it') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/agenda.ics?institution=${slug}&lang=${lang}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/calendar');
  return parse(res.body);
};

describe('the public feed', () => {
  it('when an institution publishes some entries, then its feed holds only those, without internal fields, and edits keep their UID', async () => {
    const office = await makeInstitution(ctx.services);
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const visit = await makeVisit(ctx.services, office.id, {
      titleIt: 'Delegazione di Shanghai',
      titleEn: 'Delegation from Shanghai',
      status: 'confirmed',
      startsOn: soon,
      endsOn: soon,
      startsAt: '09:30',
      endsAt: '17:00',
      headName: 'Li Wei',
      protocolNotes: 'Nessun alcolico',
      purposeIt: 'Cooperazione culturale',
      published: 'yes',
    });
    const cancelled = await makeVisit(ctx.services, office.id, {
      titleIt: 'Visita annullata',
      startsOn: soon,
      endsOn: soon,
      status: 'cancelled',
      published: 'yes',
    });
    await makeVisit(ctx.services, office.id, { titleIt: 'Visita riservata', startsOn: soon, endsOn: soon });
    await ctx.services.visits.create(
      office.id,
      { ...BLANK_VISIT, titleIt: 'Esempio: visita', startsOn: soon },
      { example: true },
    );
    await makeMission(ctx.services, office.id, {
      titleIt: 'Missione a Lione',
      startsOn: soon,
      endsOn: soon,
      published: 'yes',
    });
    await makeMeeting(ctx.services, office.id, {
      titleIt: 'Incontro con il Console',
      startsOn: soon,
      published: 'yes',
    });

    const first = await feed(office.slug);
    expect(first.zones).toEqual(['Europe/Rome']);
    expect(first.events.map((e) => e.summary).sort()).toEqual([
      'Incontro: Incontro con il Console',
      'Missione: Missione a Lione',
      'Visita: Delegazione di Shanghai',
      'Visita: Visita annullata',
    ]);
    const shanghai = first.events.find((e) => e.summary.includes('Shanghai'))!;
    expect(shanghai).toMatchObject({
      uid: `visit-${visit.id}@ponte`,
      tz: 'Europe/Rome',
      status: 'CONFIRMED',
      start: `${soon}T09:30:00`,
    });
    expect(shanghai.description).toContain('Cooperazione culturale');
    expect(JSON.stringify(first.events)).not.toMatch(/Li Wei|alcolico|Console generale/);
    expect(first.events.find((e) => e.summary.includes('annullata'))!.status).toBe('CANCELLED');

    await ctx.services.visits.update(office.id, visit.id, visit.version, {
      ...BLANK_VISIT,
      titleIt: 'Delegazione di Shanghai',
      titleEn: 'Delegation from Shanghai',
      status: 'confirmed',
      startsOn: soon,
      startsAt: '10:00',
      published: 'yes',
    });
    // The same feed read again (kept until what it shows changes) follows the edit.
    const again = (await feed(office.slug)).events.find((e) => e.uid === `visit-${visit.id}@ponte`)!;
    expect(again.start).toBe(`${soon}T10:00:00`);
    const after = (await feed(office.slug, 'en')).events.find((e) => e.uid === `visit-${visit.id}@ponte`)!;
    expect(after).toMatchObject({ summary: 'Visit: Delegation from Shanghai', start: `${soon}T10:00:00` });
    expect(after.sequence).toBeGreaterThan(shanghai.sequence);
    expect(cancelled.id).toBeTruthy();
  });

  it('when the institution does not exist, then 404', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/agenda.ics?institution=nowhere' })).statusCode,
    ).toBe(404);
  });
});

describe('the private feed', () => {
  it('when a viewer creates an address, then a calendar reads everything, internal details included, until it is replaced, revoked or the viewer leaves', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await makeVisit(ctx.services, milanId, {
      titleIt: 'Visita interna',
      startsOn: soon,
      endsOn: soon,
      headName: 'Li Wei',
    });
    const viewer = await signIn('milano', 'viewer');
    const created = await post('/admin/en/agenda/feed', viewer, {});
    expect(created.statusCode).toBe(200);
    const address = created.body.match(/value="(https?:\/\/[^"]+\/feeds\/agenda\/[^"]+)"/)?.[1];
    expect(address).toBeDefined();
    const path =
      new URL(address!.replace(/&amp;/g, '&')).pathname + new URL(address!.replace(/&amp;/g, '&')).search;
    const read = await app.inject({ method: 'GET', url: path });
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('private, no-store');
    const events = parse(read.body).events;
    expect(events.find((e) => e.summary === 'Visit: Visita interna')?.description).toContain('Li Wei');

    const replaced = await post('/admin/en/agenda/feed', viewer, {});
    expect(replaced.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const second = replaced.body
      .match(/value="https?:\/\/[^/"]+(\/feeds\/agenda\/[^"]+)"/)![1]!
      .replace(/&amp;/g, '&');
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await post('/admin/en/agenda/feed/revoke', viewer, {})).body).toContain('was revoked');
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(404);

    const third = (await post('/admin/en/agenda/feed', viewer, {})).body
      .match(/value="https?:\/\/[^/"]+(\/feeds\/agenda\/[^"]+)"/)![1]!
      .replace(/&amp;/g, '&');
    expect((await app.inject({ method: 'GET', url: third })).statusCode).toBe(200);
    await ctx.database.query(
      'delete from user_roles where user_id = (select id from users where email = $1) and institution_id = $2',
      [viewer.email, milanId],
    );
    expect((await app.inject({ method: 'GET', url: third })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/feeds/agenda/not-a-secret.ics' })).statusCode).toBe(404);
  });
});

describe('the calendar pages', () => {
  it('when a month and a week are shown, then each entry is on its days and another institution sees none of them', async () => {
    const v = await makeVisit(ctx.services, milanId, {
      titleIt: 'Visita di aprile',
      startsOn: '2031-04-14',
      endsOn: '2031-04-15',
    });
    const month = await get('/admin/it/agenda?month=2031-04', milan.viewer);
    expect(month.statusCode).toBe(200);
    expect(month.body).toContain('<caption>Calendario di aprile 2031</caption>');
    expect(month.body.split(`/admin/it/visits/${v.id}`).length - 1).toBe(2);
    const week = await get('/admin/en/agenda?week=2031-04-16', milan.viewer);
    expect(week.body).toContain('Monday, 14 April 2031');
    expect(week.body).toContain('Visit</span>: Visita di aprile');
    const florence = await signIn('firenze', 'viewer');
    expect((await get('/admin/it/agenda?month=2031-04', florence)).body).not.toContain('Visita di aprile');
    expect((await get('/admin/it/agenda?month=2031-13&week=x', milan.viewer)).statusCode).toBe(200);
  });
});
