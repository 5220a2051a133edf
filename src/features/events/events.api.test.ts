// Events' JSON routes and their place on the agenda: an event with its venue on the map, versioned and audited,
// isolation between institutions; a published event in the portal's agenda and the public calendar feed, an
// unpublished one or an example in neither; an event linked to an objective.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeObjective, makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  rowOf,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { BLANK_EVENT } from './events.service.ts';

useRecordsApi();

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, token = milanWrite) =>
  app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

const soon = () => new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

describe('events', () => {
  it('when an event is created with its venue on the map and edited, then the answers carry it, the versions move and the log follows', async () => {
    const made = await send('POST', '/api/v1/events', {
      titleIt: 'Dialoghi mediterranei',
      titleEn: 'Mediterranean dialogues',
      role: 'organiser',
      status: 'confirmed',
      startsOn: '2027-05-10',
      endsOn: '2027-05-12',
      startsAt: '09:30',
      venue: 'Palazzo Vecchio',
      city: 'Firenze',
      coordinates: '43.7693, 11.2558',
      partners: 'Rete delle città mediterranee',
    });
    expect(made.statusCode, made.body).toBe(201);
    const e = made.json();
    expect(e).toMatchObject({
      point: { latitude: 43.7693, longitude: 11.2558 },
      startsAt: '09:30',
      version: 1,
    });
    const edited = await send('PATCH', `/api/v1/events/${e.id}`, { status: 'held', version: 1 });
    expect(edited.json()).toMatchObject({ status: 'held', venue: 'Palazzo Vecchio', version: 2 });
    expect((await send('PATCH', `/api/v1/events/${e.id}`, { status: 'held', version: 1 })).statusCode).toBe(
      409,
    );
    expect((await auditOf(e.id)).map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
  });

  it('when the period or the point are wrong, then both are named at once', async () => {
    const res = await send('POST', '/api/v1/events', {
      titleIt: 'Evento',
      role: 'supporter',
      status: 'proposed',
      startsOn: '2027-05-10',
      endsOn: '2027-05-01',
      coordinates: '143.1, 11',
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect([err.field, ...err.details.also.map((a: { field: string }) => a.field)]).toEqual(
      expect.arrayContaining(['endsOn', 'coordinates']),
    );
  });

  it("when Florence's token reaches for Milan's event, or a read token writes, then it is not found or refused", async () => {
    const e = await ctx.services.events.create(milanId, {
      ...BLANK_EVENT,
      titleIt: 'Settimana',
      startsOn: '2027-01-10',
    });
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'events');
    expect((await app.inject({ url: `/api/v1/events/${e.id}`, headers: bearer(florence) })).statusCode).toBe(
      404,
    );
    expect(
      (await send('PATCH', `/api/v1/events/${e.id}`, { titleIt: 'X', version: 1 }, florence)).statusCode,
    ).toBe(404);
    expect((await send('DELETE', `/api/v1/events/${e.id}?version=1`, undefined, milanRead)).statusCode).toBe(
      403,
    );
    expect(await rowOf('events', e.id)).toMatchObject({ version: 1, title_it: 'Settimana' });
  });

  it("when an event is published, then it is on the portal agenda and in the public feed with its venue's point; an unpublished one and an example are not", async () => {
    const day = soon();
    const shown = await ctx.services.events.create(milanId, {
      ...BLANK_EVENT,
      titleIt: 'Settimana della cittadinanza globale',
      titleEn: 'Global citizenship week',
      startsOn: day,
      status: 'confirmed',
      venue: 'Palazzo Marino',
      coordinates: '45.4674, 9.1903',
      published: 'yes',
    });
    // Placed on the map without a venue's words: the feed gives its point, and no made-up place.
    const unnamed = await ctx.services.events.create(milanId, {
      ...BLANK_EVENT,
      titleIt: 'Passeggiata per la pace',
      startsOn: day,
      coordinates: '45.4642, 9.19',
      published: 'yes',
    });
    await ctx.services.events.create(milanId, {
      ...BLANK_EVENT,
      titleIt: 'Riunione riservata',
      startsOn: day,
    });
    await ctx.services.events.create(
      milanId,
      { ...BLANK_EVENT, titleIt: 'Evento di esempio', startsOn: day },
      true,
    );
    const page = await app.inject({ url: '/milano/it/agenda-internazionale/' });
    expect(page.body).toContain('Settimana della cittadinanza globale');
    expect(page.body).toContain('Evento internazionale');
    expect(page.body).not.toContain('Riunione riservata');
    expect(page.body).not.toContain('Evento di esempio');
    const feed = await app.inject({ url: '/api/v1/agenda.ics?institution=milano&lang=en' });
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    const mine = events.find((v) => v.getFirstPropertyValue('uid') === `event-${shown.id}@ponte`);
    expect(mine?.getFirstPropertyValue('summary')).toBe('Event: Global citizenship week');
    expect(mine?.getFirstPropertyValue('location')).toBe('Palazzo Marino');
    // The venue's point, for a calendar's map: GEO is latitude;longitude.
    expect(mine?.getFirstPropertyValue('geo')).toEqual([45.4674, 9.1903]);
    const walk = events.find((v) => v.getFirstPropertyValue('uid') === `event-${unnamed.id}@ponte`);
    expect(walk?.getFirstPropertyValue('geo')).toEqual([45.4642, 9.19]);
    expect(walk?.getFirstPropertyValue('location')).toBeNull();
    expect(events.some((v) => String(v.getFirstPropertyValue('summary')).includes('Riunione'))).toBe(false);
  });

  it('when an event is linked to an objective, then the objective lists it as an event', async () => {
    const o = await makeObjective(ctx.services, milanId);
    const e = await ctx.services.events.create(milanId, {
      ...BLANK_EVENT,
      titleIt: 'Forum',
      startsOn: '2023-06-01',
    });
    const res = await send('POST', `/api/v1/objectives/${o.id}/links`, { kind: 'event', recordId: e.id });
    expect(res.statusCode, res.body).toBe(201);
    const read = await app.inject({ url: `/api/v1/objectives/${o.id}`, headers: bearer(milanRead) });
    expect(read.json().links).toEqual([
      expect.objectContaining({ kind: 'event', id: e.id, labelIt: 'Forum' }),
    ]);
  });
});
