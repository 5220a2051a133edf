import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
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

const settle = async (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('change notifications', () => {
  it('when a write commits, then listeners hear which institution changed', async () => {
    const inst = await makeInstitution(ctx.services);
    await settle();
    received = [];
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await ctx.services.agreements.setPublished(a.id, false, a.version);
    await settle();
    expect(received).toEqual([inst.id, inst.id]);
  });

  it('when a write fails and rolls back, then nobody is told of a change', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await settle();
    received = [];
    await expect(ctx.services.agreements.setPublished(a.id, false, a.version + 5)).rejects.toMatchObject({
      code: 'version_conflict',
    });
    await settle();
    expect(received).toEqual([]);
  });
});
