// The single records from the command line: visits with their programme, missions with their travellers,
// meetings, gifts with their photographs, follow-ups and the contacts register's organisations, each written
// with the API's JSON body, refused as the API refuses (the field named), versioned, and audited as the CLI's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../test/cli.ts';
import { makeInstitution } from '../../test/factories.ts';
import { makeVisit } from '../../test/factories-backoffice.ts';
import { createTestDeps, type TestContext } from '../../test/support.ts';

let ctx: TestContext;
let dir: string;
let office: { id: string; slug: string };
beforeAll(async () => {
  ctx = await createTestDeps();
  dir = mkdtempSync(join(tmpdir(), 'ponte-records-cli-'));
  office = await makeInstitution(ctx.services);
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCommand(argv, { deps: ctx });

/** Runs a command that must succeed and answers its JSON. */
async function json<T = Record<string, unknown>>(...argv: string[]): Promise<T> {
  const r = await cli(...argv);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
}

const auditOf = (entityId: string) =>
  ctx.database.query<{ actor: string; action: string }>(
    'select actor, action from audit_events where entity_id = $1 order by id',
    [entityId],
  );

describe('the agenda from the command line', () => {
  it('when a visit is created, given a programme, edited and deleted, then each step answers the JSON of the API and is audited as the CLI', async () => {
    const inst = ['--institution', office.slug];
    const made = await json<{ id: string; version: number; endsOn: string }>(
      'visits',
      'create',
      ...inst,
      '--data',
      JSON.stringify({ titleIt: 'Delegazione da Shanghai', startsOn: '2026-05-12', languages: ['zh'] }),
    );
    expect(made).toMatchObject({ version: 1, endsOn: '2026-05-12' });

    const item = file(
      'item.json',
      JSON.stringify({ kind: 'tour', day: '2026-05-12', activityIt: 'Visita guidata', tourLanguage: 'en' }),
    );
    const added = await json<{ id: string; version: number }>(
      'visits',
      'programme',
      'add',
      made.id,
      ...inst,
      '--file',
      item,
    );
    const changedItem = await json(
      'visits',
      'programme',
      'update',
      made.id,
      added.id,
      ...inst,
      '--version',
      String(added.version),
      '--data',
      '{"groupSize": 12}',
    );
    expect(changedItem).toMatchObject({ kind: 'tour', groupSize: 12, activityIt: 'Visita guidata' });

    const changed = await json<{ version: number; titleIt: string; status: string }>(
      'visits',
      'update',
      made.id,
      ...inst,
      '--version',
      '1',
      '--data',
      '{"status": "confirmed"}',
    );
    expect(changed).toMatchObject({ version: 2, status: 'confirmed', titleIt: 'Delegazione da Shanghai' });

    const stale = await cli(
      'visits',
      'update',
      made.id,
      ...inst,
      '--version',
      '1',
      '--data',
      '{"status":"held"}',
    );
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/version/i);

    const shown = await json<{ programme: { groupSize: number }[] }>('visits', 'show', made.id, ...inst);
    expect(shown.programme).toMatchObject([{ groupSize: 12 }]);

    const listed = await cli('visits', 'list', ...inst, '--status', 'confirmed');
    expect(listed.out).toContain(`${made.id}  2026-05-12  confirmed  -  Delegazione da Shanghai`);
    expect(listed.out).toContain('1 visits; page 1 of 1.');
    expect((await cli('visits', 'list', ...inst, '--status', 'held')).out).toContain('0 visits');

    const removed = await cli('visits', 'delete', made.id, ...inst, '--version', '2');
    expect(removed.code, removed.err).toBe(0);
    expect((await cli('visits', 'show', made.id, ...inst)).code).toBe(1);
    expect(await auditOf(made.id)).toEqual([
      { actor: 'cli', action: 'create' },
      { actor: 'cli', action: 'add_item' },
      { actor: 'cli', action: 'change_item' },
      { actor: 'cli', action: 'update' },
      { actor: 'cli', action: 'delete' },
    ]);
  });

  it('when a body breaks the API schema or is not JSON, then nothing is written and the field or the problem is named', async () => {
    const inst = ['--institution', office.slug];
    const before = await json<{ total: number }>('visits', 'list', ...inst, '--json');
    const unknown = await cli(
      'visits',
      'create',
      ...inst,
      '--data',
      '{"titleIt":"X","startsOn":"2026-01-01","colour":"red"}',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Error in colour: colour: is not a known field');
    const missing = await cli('visits', 'create', ...inst, '--data', '{"startsOn":"2026-01-01"}');
    expect(missing.err).toContain('Error in titleIt');
    const badDay = await cli(
      'visits',
      'create',
      ...inst,
      '--data',
      '{"titleIt":"X","startsOn":"31/02/2026"}',
    );
    expect(badDay.code).toBe(1);
    expect(badDay.err).toContain('startsOn');
    const notJson = await cli('visits', 'create', ...inst, '--data', '{titleIt: X}');
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('--data is not JSON');
    const noVersion = await cli(
      'visits',
      'update',
      '0b7f4a0e-5f0c-4d8a-9d53-7c1c7f3a0a11',
      ...inst,
      '--data',
      '{}',
    );
    expect(noVersion.code).toBe(2);
    expect(noVersion.err).toContain('--version is required');
    const badFilter = await cli('visits', 'list', ...inst, '--status', 'maybe');
    expect(badFilter.code).toBe(2);
    expect(badFilter.err).toContain('--status is one of proposed, confirmed, held, cancelled');
    expect((await json<{ total: number }>('visits', 'list', ...inst, '--json')).total).toBe(before.total);
  });

  it("when a mission's travellers are added, then the published costs of its office holders come out as CSV", async () => {
    const inst = ['--institution', office.slug];
    const mission = await json<{ id: string; destinations: { nameEn: string; countryCode: string }[] }>(
      'missions',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        titleIt: 'Missione a Kyoto',
        status: 'held',
        startsOn: '2025-10-02',
        endsOn: '2025-10-05',
        destinations: [{ name: 'Kyoto', country: 'JP' }],
      }),
    );
    expect(mission.destinations).toMatchObject([{ nameEn: 'Kyoto', countryCode: 'JP' }]);
    await json(
      'missions',
      'travellers',
      'add',
      mission.id,
      ...inst,
      '--data',
      JSON.stringify({
        name: 'Sindaca di prova',
        office: 'mayor',
        travelCost: '1234.50',
        lodgingCost: '410',
      }),
    );
    const costs = await cli('export', 'mission-costs', ...inst, '--year', '2025');
    expect(costs.code, costs.err).toBe(0);
    const lines = costs.out.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Sindaca di prova');
    expect(lines[1]).toContain('1644.50');
    expect(
      (await cli('export', 'mission-costs', ...inst, '--year', '2024')).out.trim().split(/\r?\n/),
    ).toHaveLength(1);
    const unknownPlace = await cli(
      'missions',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        titleIt: 'Missione altrove',
        startsOn: '2025-11-02',
        destinations: [{ name: 'Nowhereville Zzyzx' }],
      }),
    );
    expect(unknownPlace.code).toBe(1);
    expect(unknownPlace.err).toContain('Nowhereville Zzyzx');
  });

  it("when a gift received above EUR 150 has no disposition, then it is refused in words of its own; with one it is recorded, photographed and in the year's register", async () => {
    const inst = ['--institution', office.slug];
    const body = {
      direction: 'received',
      onDay: '2026-03-04',
      descriptionIt: 'Vaso di porcellana',
      value: '400',
    };
    const refused = await cli('gifts', 'create', ...inst, '--data', JSON.stringify(body));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Error in disposition');
    const gift = await json<{ id: string; aboveModestValue: boolean }>(
      'gifts',
      'create',
      ...inst,
      '--data',
      JSON.stringify({ ...body, disposition: 'on_display', person: 'Ufficio del cerimoniale' }),
    );
    expect(gift.aboveModestValue).toBe(true);

    const png = file(
      'vaso.png',
      Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    );
    const photo = await json<{ id: string }>('gifts', 'photos', 'add', gift.id, png, ...inst);
    const text = file('vaso.png.txt', 'not an image');
    const wrong = await cli('gifts', 'photos', 'add', gift.id, text, ...inst);
    expect(wrong.code).toBe(1);
    const shown = await json<{ photos: { id: string; filename: string }[] }>(
      'gifts',
      'show',
      gift.id,
      ...inst,
    );
    expect(shown.photos).toMatchObject([{ id: photo.id, filename: 'vaso.png' }]);
    expect((await cli('gifts', 'photos', 'delete', gift.id, photo.id, ...inst)).code).toBe(0);

    const register = await cli('export', 'gifts', ...inst, '--year', '2026');
    expect(register.out).toContain('Vaso di porcellana');
    expect(register.out).toContain('Ufficio del cerimoniale');
    expect((await cli('gifts', 'list', ...inst, '--direction', 'given')).out).toContain('0 gifts');
    expect((await auditOf(gift.id)).map((r) => `${r.actor}:${r.action}`)).toEqual([
      'cli:create',
      'cli:attach',
      'cli:detach',
    ]);
  });

  it('when a meeting gets a follow-up, then it is due, marked done, and deleted with the meeting gone last', async () => {
    const inst = ['--institution', office.slug];
    const meeting = await json<{ id: string; version: number }>(
      'meetings',
      'create',
      ...inst,
      '--data',
      JSON.stringify({ titleIt: 'Incontro con il console', startsOn: '2026-12-03', mode: 'in_person' }),
    );
    const follow = await json<{ id: string; version: number }>(
      'follow-ups',
      'add',
      'meeting',
      meeting.id,
      ...inst,
      '--data',
      JSON.stringify({ action: 'Inviare il verbale', owner: 'Segreteria', dueOn: '2026-12-10' }),
    );
    const due = await cli('follow-ups', 'due', ...inst, '--days', '30');
    expect(due.out).toContain(
      `${follow.id}  2026-12-10  meeting  Incontro con il console  Inviare il verbale  Segreteria`,
    );
    const done = await cli('follow-ups', 'done', follow.id, ...inst, '--version', String(follow.version));
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(/^Done on \d{4}-\d{2}-\d{2} \(version 2\)/);
    expect((await cli('follow-ups', 'due', ...inst)).out).not.toContain(follow.id);
    const wrongKind = await cli(
      'follow-ups',
      'add',
      'party',
      meeting.id,
      ...inst,
      '--data',
      '{"action":"x"}',
    );
    expect(wrongKind.code).toBe(2);
    expect((await cli('follow-ups', 'delete', follow.id, ...inst, '--version', '2')).code).toBe(0);
    expect((await cli('meetings', 'delete', meeting.id, ...inst, '--version', '1')).code).toBe(0);
    expect((await auditOf(meeting.id)).map((r) => `${r.actor}:${r.action}`)).toEqual([
      'cli:create',
      'cli:add_follow_up',
      'cli:change_follow_up',
      'cli:remove_follow_up',
      'cli:delete',
    ]);
  });

  it('when a consular post is recorded from the command line, then the list finds it by kind and its district is the regions named', async () => {
    const inst = ['--institution', office.slug];
    const post = await json<{ id: string; district: string[]; country: { code: string } }>(
      'organisations',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        kind: 'consular_post',
        postKind: 'honorary_consulate',
        nameIt: 'Consolato onorario di prova',
        country: 'Islanda',
        district: ['Toscana', 'umbria'],
      }),
    );
    expect(post).toMatchObject({ district: ['Toscana', 'Umbria'], country: { code: 'IS' } });
    const listed = await cli('organisations', 'list', ...inst, '--kind', 'consular_post');
    expect(listed.out).toContain(`${post.id}  consular_post  IS  -  Consolato onorario di prova`);
    const refused = await cli(
      'organisations',
      'create',
      ...inst,
      '--data',
      '{"kind":"consular_post","nameIt":"X"}',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Error in postKind');
    expect(await auditOf(post.id)).toEqual([{ actor: 'cli', action: 'create' }]);
  });

  it('when a person is recorded, given a role and erased from the command line, then the export had all of it and the log keeps no value', async () => {
    const inst = ['--institution', office.slug];
    const post = await json<{ id: string }>(
      'organisations',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        kind: 'consular_post',
        postKind: 'consulate',
        nameIt: 'Consolato di prova per le persone',
      }),
    );
    const person = await json<{ id: string; version: number }>(
      'people',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        name: 'Jürgen Testperson',
        legalBasis: 'public_task',
        email: 'juergen@example.org',
        fieldVisibility: { email: 'admins' },
      }),
    );
    const role = await json<{ current: boolean }>(
      'people',
      'roles',
      'add',
      person.id,
      ...inst,
      '--data',
      JSON.stringify({
        organisationId: post.id,
        titleIt: 'Console',
        head: true,
      }),
    );
    expect(role.current).toBe(true);
    const visit = await makeVisit(ctx.services, office.id, { titleIt: 'Visita del console' });
    const linked = await cli(
      'people',
      'links',
      'add',
      person.id,
      ...inst,
      '--kind',
      'visit',
      '--record',
      visit.id,
      '--role',
      'Ospite',
    );
    expect(linked.code, linked.err).toBe(0);
    expect((await cli('people', 'links', person.id, ...inst)).out).toMatch(
      /visit\s+2027-03-15\s+Visita del console \(Ospite\)/,
    );
    expect(
      (await cli('people', 'links', 'add', person.id, ...inst, '--kind', 'visit', '--record', 'x')).err,
    ).toContain('recordId');
    expect((await cli('people', 'list', ...inst, '--search', 'jurgen')).out).toContain(
      `${person.id}  staff  Console, Consolato di prova per le persone  Jürgen Testperson`,
    );
    const exported = await json<{ person: { email: string; roles: unknown[] } }>(
      'people',
      'export',
      person.id,
      ...inst,
    );
    expect(exported.person).toMatchObject({ email: 'juergen@example.org', roles: [{ titleIt: 'Console' }] });
    expect((exported as unknown as { links: { id: string }[] }).links.map((l) => l.id)).toEqual([visit.id]);
    expect((await cli('people', 'delete', person.id, ...inst, '--version', '1')).code).toBe(0);
    const log = JSON.stringify(
      await ctx.database.query('select before, after from audit_events where entity_id = $1', [person.id]),
    );
    expect(log).toContain('"email"');
    for (const value of ['juergen', 'Jürgen', 'Testperson', 'Ospite'])
      expect(log, value).not.toContain(value);
    expect((await auditOf(person.id)).map((r) => r.action)).toEqual([
      'create',
      'add_person_role',
      'add_person_link',
      'export',
      'erase',
    ]);
  });

  it("when another institution's record is named, then it is not found", async () => {
    const other = await makeInstitution(ctx.services);
    const mine = await json<{ id: string }>(
      'meetings',
      'create',
      '--institution',
      office.slug,
      '--data',
      JSON.stringify({
        titleIt: 'Incontro riservato',
        startsOn: '2026-06-01',
      }),
    );
    const theirs = await cli('meetings', 'show', mine.id, '--institution', other.slug);
    expect(theirs.code).toBe(1);
    expect(theirs.err).toContain(`Meeting "${mine.id}" does not exist`);
    const deleted = await cli('meetings', 'delete', mine.id, '--institution', other.slug, '--version', '1');
    expect(deleted.code).toBe(1);
    expect((await cli('meetings', 'show', mine.id, '--institution', office.slug)).code).toBe(0);
  });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
