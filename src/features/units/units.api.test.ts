// Units' JSON write routes: adding, editing and deleting a unit through a write token, with the database and
// the log following; a unit that follows a network cannot be deleted.
import { describe, expect, it } from 'vitest';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanWrite,
  network,
  rowOf,
  unit,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

describe('units', () => {
  it('when a write token adds, edits and deletes a unit, then each answer carries the record and the database and log follow', async () => {
    const slug = uniqueSlug('desk');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: bearer(milanWrite),
      payload: { slug, nameIt: 'Ufficio gemellaggi', nameEn: 'Twinning desk', head: 'Giulia Neri' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const unitRecord = created.json();
    expect(unitRecord).toMatchObject({
      slug,
      nameEn: 'Twinning desk',
      head: 'Giulia Neri',
      remitIt: null,
      version: 1,
      usage: { memberships: 0, agreements: 0 },
    });
    expect(await rowOf('units', unitRecord.id)).toMatchObject({ institution_id: milanId, slug });

    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unitRecord.id}`,
      headers: bearer(milanWrite),
      payload: { remitEn: 'Twinnings and pacts', head: null, version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      slug,
      nameEn: 'Twinning desk',
      remitEn: 'Twinnings and pacts',
      head: null,
      version: 2,
    });
    expect(await rowOf('units', unitRecord.id)).toMatchObject({
      remit_en: 'Twinnings and pacts',
      head: null,
      name_it: 'Ufficio gemellaggi',
      version: 2,
    });

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/units/${unitRecord.id}?version=2`,
      headers: bearer(milanWrite),
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await rowOf('units', unitRecord.id)).toBeUndefined();
    expect((await auditOf(unitRecord.id)).map((e) => [e.actor, e.action, e.entity])).toEqual([
      ['token sync', 'create', 'unit'],
      ['token sync', 'update', 'unit'],
      ['token sync', 'delete', 'unit'],
    ]);
  });

  it('when a unit follows a network, then deleting it is refused with 409 in_use and it stays', async () => {
    const follower = await unit(milanId);
    await ctx.services.networks.join('milano', { network: (await network()).slug, unit: follower.slug });
    const [busy] = await ctx.database.query<{ id: string; version: number }>(
      `select u.id, u.version from units u where u.institution_id = $1
          and exists (select 1 from memberships m where m.unit_id = u.id) limit 1`,
      [milanId],
    );
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/units/${busy!.id}?version=${busy!.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use' } });
    expect(await rowOf('units', busy!.id)).toMatchObject({ version: busy!.version });
  });
});
