import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, type TestContext, uniqueSlug, until } from '../../../test/support.ts';
import { CHANGES_CHANNEL } from './changes.ts';

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
});
