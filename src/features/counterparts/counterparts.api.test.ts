// Partners' JSON write routes: adding an organisation, editing and deleting a partner, through a write token;
// the database and the audit log follow; a partner still named by agreements, or a taken name, is refused.
import { describe, expect, it } from 'vitest';
import { makeAgreement } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanWrite,
  organisation,
  rowOf,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

describe('partners', () => {
  it('when a write token adds an organisation, then 201 with the record, in Milan, in the audit log', async () => {
    const name = `Chamber ${uniqueSlug('c')}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/counterparts',
      headers: bearer(milanWrite),
      payload: {
        nameIt: `Camera ${name}`,
        nameEn: name,
        country: 'Francia',
        website: 'https://cci.example.fr',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      type: 'organisation',
      nameIt: `Camera ${name}`,
      nameEn: name,
      country: { code: 'FR' },
      place: null,
      website: 'https://cci.example.fr',
      agreements: 0,
      version: 1,
    });
    expect(await rowOf('counterparts', created.id)).toMatchObject({
      institution_id: milanId,
      kind: 'organisation',
      name_en: name,
      country_code: 'FR',
    });
    expect(await auditOf(created.id)).toEqual([
      { actor: 'token sync', action: 'create', entity: 'counterpart' },
    ]);
  });

  it('when a write token edits a partner, then the fields sent change, the others stay, null clears, and the log has it', async () => {
    const org = await organisation(milanId);
    const before = (await rowOf('counterparts', org.id))!;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/counterparts/${org.id}`,
      headers: bearer(milanWrite),
      payload: { nameIt: 'Nome nuovo', website: null, version: org.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: org.id,
      nameIt: 'Nome nuovo',
      nameEn: before['name_en'],
      website: null,
      version: org.version + 1,
    });
    expect(await rowOf('counterparts', org.id)).toMatchObject({
      name_it: 'Nome nuovo',
      name_en: before['name_en'],
      website: null,
      version: org.version + 1,
    });
    expect(await auditOf(org.id)).toEqual([{ actor: 'token sync', action: 'update', entity: 'counterpart' }]);
  });

  it('when a write token deletes an unused partner, then 204, the row is gone and the log keeps it', async () => {
    const org = await organisation(milanId);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/counterparts/${org.id}?version=${org.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await rowOf('counterparts', org.id)).toBeUndefined();
    expect(await auditOf(org.id)).toEqual([{ actor: 'token sync', action: 'delete', entity: 'counterpart' }]);
  });

  it('when agreements name a partner, then deleting it is refused with 409 in_use and it stays', async () => {
    await makeAgreement(ctx.services, 'milano', {
      kind: 'project_partnership',
      partner: { type: 'organisation', nameIt: 'Banca di prova', nameEn: 'Test bank' },
    });
    const [bank] = await ctx.database.query<{ id: string; version: number }>(
      `select c.id, c.version from counterparts c where c.institution_id = $1
          and exists (select 1 from agreements a where a.counterpart_id = c.id) order by c.name_en limit 1`,
      [milanId],
    );
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/counterparts/${bank!.id}?version=${bank!.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use' } });
    expect(res.json().error.details.agreements).toBeGreaterThan(0);
    expect(await rowOf('counterparts', bank!.id)).toMatchObject({ version: bank!.version });
    expect(await auditOf(bank!.id)).toEqual([]);
  });

  it('when an organisation with the same English name exists, then adding another is 409 naming nameEn', async () => {
    const org = await organisation(milanId);
    const nameEn = (await rowOf('counterparts', org.id))!['name_en'];
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/counterparts',
      headers: bearer(milanWrite),
      payload: { nameIt: 'Doppione', nameEn },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', field: 'nameEn' });
  });
});
