import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, type TestContext, uniqueSlug, until } from '../../../test/support.ts';
import { CHANGES_CHANNEL, notifyChange } from './changes.ts';
import { firstInUnitOfWork } from './client.ts';

let ctx: TestContext;
let received: string[] = [];
let stop: () => Promise<void>;

beforeAll(async () => {
  ctx = await createTestDeps();
  stop = await ctx.database.listen(CHANGES_CHANNEL, (p) => received.push(p));
});
afterAll(async () => {
  await stop?.();
  await ctx?.close();
});

/**
 * Makes an institution of its own and waits until its notification is heard; returns what was heard before
 * it. Notifications arrive in commit order, so by then every earlier write has been heard too.
 */
async function heardBefore(): Promise<string[]> {
  const marker = await ctx.services.institutions.create({
    slug: uniqueSlug('marker'),
    kind: 'comune',
    nameIt: 'Segnaposto',
    nameEn: 'Marker',
  });
  await until(() => received.includes(marker.id), { message: 'the marker write to be heard' });
  const before = received.slice(0, received.indexOf(marker.id));
  received = [];
  return before;
}

describe('change notifications', () => {
  it('when a write commits, then listeners hear which institution changed', async () => {
    const inst = await makeInstitution(ctx.services);
    await heardBefore();
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await ctx.services.agreements.setPublished(a.id, false, a.version);
    expect(await heardBefore()).toEqual([inst.id, inst.id]);
  });

  it('when a write fails and rolls back, then nobody is told of a change', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await heardBefore();
    await expect(ctx.services.agreements.setPublished(a.id, false, a.version + 5)).rejects.toMatchObject({
      code: 'version_conflict',
    });
    expect(await heardBefore()).toEqual([]);
  });

  it('when one transaction writes many times, then the change is said once, and a savepoint rolled back does not take the parent’s away', async () => {
    const inst = await makeInstitution(ctx.services);
    const other = await makeInstitution(ctx.services);
    await heardBefore();
    await ctx.database.transaction(async () => {
      for (let i = 0; i < 3; i++) await notifyChange(ctx.database.db, inst.id);
      await expect(
        ctx.database.transaction(async () => {
          await notifyChange(ctx.database.db, other.id);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      // The savepoint's notification went with it: the parent says it again.
      await notifyChange(ctx.database.db, other.id);
    });
    expect(await heardBefore()).toEqual([inst.id, other.id]);
  });

  it('when a key is seen twice in one unit of work, then only the first is first; a savepoint starts afresh', async () => {
    expect([firstInUnitOfWork('k'), firstInUnitOfWork('k')]).toEqual([true, true]);
    const seen = await ctx.database.transaction(async () => {
      const outer = [firstInUnitOfWork('k'), firstInUnitOfWork('k')];
      const inner = await ctx.database.transaction(async () => [
        firstInUnitOfWork('k'),
        firstInUnitOfWork('k'),
      ]);
      return [...outer, ...inner, firstInUnitOfWork('k')];
    });
    expect(seen).toEqual([true, false, true, false, false]);
  });
});
