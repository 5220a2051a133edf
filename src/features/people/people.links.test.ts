// What a person took part in, through the API: a visit, an agreement and a network linked with a role, read back
// in order with their names and in the admin's export; a record of another institution refused naming the
// field; the same link twice a conflict; a viewer reads but does not write; another institution sees nothing;
// the link goes with its record; each write audited on the person.
import { describe, expect, it } from 'vitest';
import { makeAgreement, makePerson, makeToken, makeVisit } from '../../../test/factories-backoffice.ts';
import {
  app,
  bearer,
  ctx,
  florenceId,
  milanId,
  milanRead,
  milanWrite,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

const call = (
  method: 'POST' | 'DELETE' | 'GET',
  url: string,
  payload?: Record<string, unknown>,
  headers: Record<string, string> = bearer(milanWrite),
) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe("a person's links", () => {
  it('when a person is linked to a visit, an agreement and a network, then they are read back named, in the export, and audited', async () => {
    const person = await makePerson(ctx.services, milanId, { name: `Delegata ${uniqueSlug('d')}` });
    const visit = await makeVisit(ctx.services, milanId, {
      titleIt: 'Delegazione di Shanghai',
      titleEn: 'Shanghai delegation',
    });
    const agreement = await makeAgreement(ctx.services, 'milano');
    const network = await ctx.services.networks.create({
      slug: uniqueSlug('net'),
      nameIt: 'Rete di prova',
      nameEn: 'Test network',
    });
    const base = `/api/v1/people/${person.id}/links`;
    const first = await call('POST', base, {
      kind: 'visit',
      recordId: visit.id,
      roleIt: 'Capo delegazione',
      roleEn: 'Head of delegation',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(
      (await call('POST', base, { kind: 'agreement', recordId: agreement.id, roleIt: 'Firmataria' }))
        .statusCode,
    ).toBe(201);
    expect((await call('POST', base, { kind: 'network', recordId: network.id })).statusCode).toBe(201);

    const read = await call('GET', base, undefined, bearer(milanRead));
    expect(read.statusCode).toBe(200);
    const items = read.json().items;
    expect(items.map((l: { kind: string }) => l.kind)).toEqual(['visit', 'agreement', 'network']);
    expect(items[0]).toMatchObject({
      id: visit.id,
      labelIt: 'Delegazione di Shanghai',
      labelEn: 'Shanghai delegation',
      day: '2027-03-15',
      roleEn: 'Head of delegation',
    });
    expect(items[2]).toMatchObject({ labelEn: 'Test network', day: null, roleIt: null });

    const exported = await ctx.services.peopleAdmin.exportPerson(
      {
        kind: 'staff',
        userId: null,
        label: 'admin@test',
        institutionId: milanId,
        institutionSlug: 'milano',
        role: 'admin',
      } as never,
      person.id,
    );
    expect(exported.links.map((l) => l.id)).toEqual([visit.id, agreement.id, network.id]);
    const audited = await ctx.database.query<{ action: string }>(
      "select action from audit_events where entity = 'person' and entity_id = $1 and action like '%person_link' order by id",
      [person.id],
    );
    expect(audited.map((r) => r.action)).toEqual(['add_person_link', 'add_person_link', 'add_person_link']);

    const removed = await call('DELETE', `${base}/${items[1].linkId}`);
    expect(removed.statusCode).toBe(204);
    expect((await call('GET', base)).json().items).toHaveLength(2);
  });

  it('when a link names another institution’s visit, the same record twice, or a viewer writes, then it is refused and nothing is linked', async () => {
    const person = await makePerson(ctx.services, milanId);
    const theirs = await makeVisit(ctx.services, florenceId);
    const base = `/api/v1/people/${person.id}/links`;
    const foreign = await call('POST', base, { kind: 'visit', recordId: theirs.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('recordId');
    const ours = await makeVisit(ctx.services, milanId);
    const wrongKind = await call('POST', base, { kind: 'meeting', recordId: ours.id });
    expect(wrongKind.statusCode).toBe(400);
    expect((await call('POST', base, { kind: 'visit', recordId: ours.id })).statusCode).toBe(201);
    const twice = await call('POST', base, { kind: 'visit', recordId: ours.id });
    expect(twice.statusCode).toBe(409);
    expect(
      (await call('POST', base, { kind: 'visit', recordId: ours.id }, bearer(milanRead))).statusCode,
    ).toBe(403);
    expect((await call('GET', base)).json().items).toHaveLength(1);
  });

  it('when another institution asks, or the record goes, then the links are not there', async () => {
    const person = await makePerson(ctx.services, milanId);
    const visit = await makeVisit(ctx.services, milanId);
    const base = `/api/v1/people/${person.id}/links`;
    expect((await call('POST', base, { kind: 'visit', recordId: visit.id })).statusCode).toBe(201);
    const florence = await makeToken(ctx.services, 'firenze', 'write');
    expect((await call('GET', base, undefined, bearer(florence))).statusCode).toBe(404);
    expect(
      (await call('POST', base, { kind: 'visit', recordId: visit.id }, bearer(florence))).statusCode,
    ).toBe(404);
    await ctx.services.visits.remove(milanId, visit.id, visit.version);
    expect((await call('GET', base)).json().items).toEqual([]);
  });
});
