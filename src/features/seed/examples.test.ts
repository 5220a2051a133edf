// `ponte seed examples`: an institution gets one example visit (programme, tour, follow-up), mission (a
// traveller's costs), meeting, consular post and association, all marked as examples, titled "Esempio: ...", never published, left out of
// the public mission costs and the public agenda, audited as the seed; a second run leaves them alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/cli.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestDeps();
});
afterAll(async () => {
  await ctx?.close();
});

const cli = (...argv: string[]) => runCommand(argv, { deps: ctx });

describe('seed examples', () => {
  it('when loaded into an institution, then each screen has an example that is never published and says it is one', async () => {
    const office = await makeInstitution(ctx.services);
    const first = await cli('seed', 'examples', office.slug);
    expect(first, first.err).toMatchObject({ code: 0, out: `Loaded the examples into ${office.slug}.\n` });
    const rows = await ctx.database.query<{
      t: string;
      title_it: string;
      example: boolean;
      published: boolean;
    }>(
      `select 'visit' as t, title_it, example, published from visits where institution_id = $1
       union all select 'mission', title_it, example, published from missions where institution_id = $1
       union all select 'meeting', title_it, example, published from meetings where institution_id = $1
       union all select kind, name_it, example, published from organisations where institution_id = $1
       union all select 'project', title_it, example, published from projects where institution_id = $1
       union all select 'event', title_it, example, published from events where institution_id = $1
       union all select 'dossier', title_it, example, false from dossiers where institution_id = $1`,
      [office.id],
    );
    expect(rows.map((r) => r.t).sort()).toEqual([
      'association',
      'consular_post',
      'dossier',
      'event',
      'meeting',
      'mission',
      'project',
      'visit',
    ]);
    for (const r of rows)
      expect(r).toMatchObject({
        example: true,
        published: false,
        title_it: expect.stringMatching(/^Esempio: /),
      });
    const counts = await ctx.database.query<{ items: number; follow: number; travellers: number }>(
      `select (select count(*)::int from visit_items i join visits v on v.id = i.visit_id where v.institution_id = $1) as items,
              (select count(*)::int from follow_ups where institution_id = $1) as follow,
              (select count(*)::int from mission_travellers where institution_id = $1) as travellers`,
      [office.id],
    );
    expect(counts[0]).toEqual({ items: 2, follow: 1, travellers: 1 });
    expect(await ctx.services.missions.costs(office.id)).toEqual([]);
    expect(await ctx.services.agenda.publicEntries(office.id)).toEqual([]);
    const audit = await ctx.database.query<{ actor: string; action: string }>(
      'select actor, action from audit_events where institution_id = $1 order by at, id',
      [office.id],
    );
    expect(audit.filter((a) => a.actor === 'seed').map((a) => a.action)).toEqual([
      'create',
      'add_item',
      'add_item',
      'add_follow_up',
      'create',
      'add_traveller',
      'create',
      'create',
      'create',
      'create',
      'add_person_role',
      'create',
      'create',
      'create',
    ]);
    await expect(
      ctx.database.query('update projects set published = true where institution_id = $1', [office.id]),
    ).rejects.toThrow(/projects_example_ck/);
    await expect(
      ctx.database.query('update events set published = true where institution_id = $1', [office.id]),
    ).rejects.toThrow(/events_example_ck/);
    await expect(
      ctx.database.query('update visits set published = true where institution_id = $1', [office.id]),
    ).rejects.toThrow(/visits_example_unpublished_ck/);
    await expect(
      ctx.database.query('update organisations set published = true where institution_id = $1', [office.id]),
    ).rejects.toThrow(/organisations_example_unpublished_ck/);

    const again = await cli('seed', 'examples', office.slug);
    expect(again.out).toBe(`Already there, left alone: ${office.slug}.\n`);
    expect((await cli('seed', 'examples', 'nowhere')).code).not.toBe(0);
  });
});
