// The portal's international agenda and mission costs through HTTP: only what is published (no example, no
// internal field) in both languages, coming and past apart, and the costs as a page and as CSV.
import { describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { makeMeeting, makeMission, makeVisit } from '../../../test/factories-backoffice.ts';
import { app, ctx, useRecordsPages } from '../../../test/records-pages.ts';
import { BLANK_VISIT } from '../visits/visits.service.ts';

useRecordsPages();

const page = (url: string) => app.inject({ method: 'GET', url });

describe("the portal's agenda", () => {
  it('when visits, missions and meetings are published or not, then the agenda shows the published ones only, without internal fields', async () => {
    const office = await makeInstitution(ctx.services);
    const soon = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
    await makeVisit(ctx.services, office.id, {
      titleIt: 'Delegazione di Kyoto',
      titleEn: 'Delegation from Kyoto',
      startsOn: soon,
      endsOn: soon,
      status: 'confirmed',
      headName: 'Tanaka Hiroshi',
      protocolNotes: 'Vegetariani',
      purposeEn: 'Renewing the friendship pact',
      published: 'yes',
    });
    await makeVisit(ctx.services, office.id, {
      titleIt: 'Visita non pubblicata',
      startsOn: soon,
      endsOn: soon,
    });
    await ctx.services.visits.create(
      office.id,
      { ...BLANK_VISIT, titleIt: 'Esempio di visita', startsOn: soon },
      { example: true },
    );
    await makeMission(ctx.services, office.id, {
      titleIt: 'Missione a Lione',
      startsOn: '2025-06-01',
      endsOn: '2025-06-03',
      published: 'yes',
    });
    await makeMeeting(ctx.services, office.id, {
      titleIt: 'Incontro annullato',
      startsOn: soon,
      status: 'cancelled',
      published: 'yes',
    });

    const it = await page(`/${office.slug}/it/agenda-internazionale/`);
    expect(it.statusCode).toBe(200);
    expect(it.body).toContain('Delegazione di Kyoto');
    expect(it.body).toContain('<s>Incontro annullato</s>');
    expect(it.body).toContain('Missione a Lione');
    expect(it.body).not.toMatch(/non pubblicata|Esempio di visita|Tanaka|Vegetariani|Il Console generale/);
    expect(it.body.indexOf('Delegazione di Kyoto')).toBeLessThan(it.body.indexOf('Appuntamenti passati'));
    expect(it.body.indexOf('Missione a Lione')).toBeGreaterThan(it.body.indexOf('Appuntamenti passati'));
    expect(it.body).toContain(`/api/v1/agenda.ics?institution=${office.slug}&amp;lang=it`);

    const en = await page(`/${office.slug}/en/international-agenda/`);
    expect(en.body).toContain('Delegation from Kyoto');
    expect(en.body).toContain('Renewing the friendship pact');
  });

  it('when a mayor held missions, then the cost page and its CSV give the sums per person and year', async () => {
    const office = await makeInstitution(ctx.services);
    await makeMission(ctx.services, office.id, { startsOn: '2025-03-01', endsOn: '2025-03-02' });
    await makeMission(ctx.services, office.id, { startsOn: '2025-09-01', endsOn: '2025-09-02' });
    const costs = await page(`/${office.slug}/en/mission-costs/`);
    expect(costs.statusCode).toBe(200);
    expect(costs.body).toContain('Mission costs in 2025, per person');
    expect(costs.body).toContain('€2,541.00');
    const csv = await page(`/${office.slug}/data/mission-costs.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 2),
    ).toEqual([
      'year,name,role,office,missions,travel,lodging,other,total,currency',
      '2025,Giulia Sindaco,,mayor,2,1701.00,840.00,0.00,2541.00,EUR',
    ]);
  });
});
