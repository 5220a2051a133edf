// Merging duplicates from the back-office through HTTP: the likely pairs listed for every role (the merge forms
// only for writers), a merge refused until its box is ticked, then done with the roles moved and both records
// audited; another institution neither sees the pairs nor merges them.
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makePerson, makeVisit } from '../../../test/factories-backoffice.ts';
import {
  ctx,
  florenceEditor,
  get,
  milan,
  milanId,
  one,
  post,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';
import { BLANK_ROLE } from './people.service.ts';

useRecordsPages();

async function pair() {
  const tag = uniqueSlug('dup');
  const keep = await makeOrganisation(ctx.services, milanId, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: `Associazione dei Peruviani di Lombardia ${tag}`,
  });
  const from = await makeOrganisation(ctx.services, milanId, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: `Associazione dei peruviani di Lombardía ${tag}`,
  });
  const person = await makePerson(ctx.services, milanId, { name: `Rosa Quispe ${tag}` });
  const twin = await makePerson(ctx.services, milanId, { name: `ROSA QUISPE ${tag}` });
  await ctx.services.people.addRole(
    milanId,
    person.id,
    { ...BLANK_ROLE, organisationId: from.id, titleIt: 'Presidente' },
    3,
  );
  return { tag, keep, from, person, twin };
}

describe('merging duplicates from the back-office', () => {
  it('when the likely duplicates are listed, then every role sees the pairs and only writers see the merge forms', async () => {
    const { keep, from, person, twin } = await pair();
    const asViewer = await get('/admin/it/people/duplicates', milan.viewer);
    expect(asViewer.statusCode).toBe(200);
    for (const id of [keep.id, from.id, person.id, twin.id]) expect(asViewer.body).toContain(id);
    expect(asViewer.body).not.toContain(`/organisations/${keep.id}/merge`);
    const asEditor = await get('/admin/en/people/duplicates', milan.editor);
    expect(asEditor.body).toContain(`action="/admin/en/organisations/${keep.id}/merge"`);
    expect(asEditor.body).toContain(`action="/admin/en/people/${person.id}/merge"`);
    const elsewhere = await get('/admin/it/people/duplicates', florenceEditor);
    expect(elsewhere.body).not.toContain(keep.id);
  });

  it('when an editor merges a pair, then it waits for the confirmation, and then the roles move to the record kept and both are audited', async () => {
    const { keep, from, person } = await pair();
    const unconfirmed = await post(`/admin/it/organisations/${keep.id}/merge`, milan.editor, {
      from: from.id,
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('spunta la conferma');
    expect(await one('select 1 from organisations where id = $1', [from.id])).toBeDefined();

    const merged = await post(`/admin/it/organisations/${keep.id}/merge`, milan.editor, {
      from: from.id,
      confirm: 'yes',
    });
    expect(merged.statusCode, merged.body.slice(0, 300)).toBe(303);
    expect(merged.headers['location']).toBe(`/admin/it/organisations/${keep.id}?saved=1`);
    expect(await one('select 1 from organisations where id = $1', [from.id])).toBeUndefined();
    const role = await one<{ organisation_id: string }>(
      'select organisation_id from person_roles where person_id = $1',
      [person.id],
    );
    expect(role?.organisation_id).toBe(keep.id);
    const audited = await one<{ n: number }>(
      `select count(*)::int n from audit_events where actor = $1 and entity = 'organisation' and entity_id in ($2, $3) and action in ('merge', 'merged_into')`,
      [milan.editor.email, keep.id, from.id],
    );
    expect(audited?.n).toBe(2);
  });

  it('when another institution or a viewer tries a merge, then it is refused and both records stay', async () => {
    const { person, twin } = await pair();
    const fields = { from: twin.id, confirm: 'yes' };
    expect((await post(`/admin/it/people/${person.id}/merge`, milan.viewer, fields)).statusCode).toBe(403);
    expect((await post(`/admin/it/people/${person.id}/merge`, florenceEditor, fields)).statusCode).toBe(404);
    expect(await one('select 1 from people where id = $1', [twin.id])).toBeDefined();
    const done = await post(`/admin/it/people/${person.id}/merge`, milan.editor, fields);
    expect(done.statusCode).toBe(303);
    expect(await one('select 1 from people where id = $1', [twin.id])).toBeUndefined();
  });

  it('when two people are merged, then nothing becomes more visible: a field the writer may not see stays behind, a field taken keeps the stricter visibility, and the links move', async () => {
    const tag = uniqueSlug('vis');
    const keep = await makePerson(ctx.services, milanId, {
      name: `Mei Chen ${tag}`,
      email: '',
      phone: '',
      address: '',
    });
    const from = await makePerson(ctx.services, milanId, {
      name: `MEI CHEN ${tag}`,
      email: 'mei@example.org',
      emailVisibility: 'editors',
      phone: '',
      address: 'Via Paolo Sarpi 1, Milano',
      addressVisibility: 'admins',
      visibility: 'editors',
    });
    const visit = await makeVisit(ctx.services, milanId);
    await ctx.services.personLinks.add(
      {
        kind: 'staff',
        userId: null,
        label: 'test',
        institutionId: milanId,
        institutionSlug: 'milano',
        role: 'admin',
      } as never,
      from.id,
      { kind: 'visit', recordId: visit.id },
    );
    const done = await post(`/admin/it/people/${keep.id}/merge`, milan.editor, {
      from: from.id,
      confirm: 'yes',
    });
    expect(done.statusCode, done.body.slice(0, 300)).toBe(303);
    const row = await one<{
      email: string | null;
      address: string | null;
      visibility: string;
      field_visibility: Record<string, string>;
    }>('select email, address, visibility, field_visibility from people where id = $1', [keep.id]);
    expect(row).toMatchObject({ email: 'mei@example.org', address: null, visibility: 'editors' });
    expect(row?.field_visibility['email']).toBe('editors');
    const link = await one<{ person_id: string }>('select person_id from person_links where visit_id = $1', [
      visit.id,
    ]);
    expect(link?.person_id).toBe(keep.id);
  });
});
