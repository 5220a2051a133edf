import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { AppError } from '../../platform/errors.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestDeps();
});
afterAll(async () => {
  await ctx?.close();
});

const count = async (slug: string) =>
  (await ctx.services.agreements.list({ institution: slug, limit: 200 }, { includeUnpublished: true })).items
    .length;

describe('creating agreements', () => {
  it('when the partner is written in Italian, then the agreement links the gazetteer city and its country', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(
      inst.slug,
      agreementInput({ unit: 'relazioni' }),
      TEST_ACTOR,
    );
    expect(a).toMatchObject({
      slug: 'francoforte-sul-meno',
      status: 'active',
      statusSince: '1970-10-20',
      partner: { type: 'city', nameIt: 'Francoforte sul Meno', country: { code: 'DE', continent: 'EU' } },
      unit: 'relazioni',
      version: 1,
    });
    expect(a.partner.place?.geonamesId).toBe(2925533);
  });

  it('when a second agreement names the same partner, then it reuses the counterpart and gets its own slug', async () => {
    const inst = await makeInstitution(ctx.services);
    const first = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    const second = await ctx.services.agreements.create(
      inst.slug,
      agreementInput({
        kind: 'collaboration_agreement',
        partner: { type: 'city', name: 'Frankfurt am Main', country: 'DE' },
      }),
      TEST_ACTOR,
    );
    expect(second.partner.id).toBe(first.partner.id);
    expect(second.slug).toBe('francoforte-sul-meno-collaboration-agreement');
  });

  it('when the partner is ambiguous, then nothing is written and the candidates come with the error', async () => {
    const inst = await makeInstitution(ctx.services);
    const err = await ctx.services.agreements
      .create(inst.slug, agreementInput({ partner: { type: 'city', name: 'Valencia' } }), TEST_ACTOR)
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'ambiguous_place', field: 'partner.name' });
    expect((err.details.candidates as unknown[]).length).toBeGreaterThan(1);
    expect(await count(inst.slug)).toBe(0);
  });

  it('when the slug is taken, then 409 conflict and the first agreement is untouched', async () => {
    const inst = await makeInstitution(ctx.services);
    await ctx.services.agreements.create(inst.slug, agreementInput({ slug: 'gemello' }), TEST_ACTOR);
    const err = await ctx.services.agreements
      .create(
        inst.slug,
        agreementInput({ slug: 'gemello', partner: { type: 'city', name: 'Lione', country: 'FR' } }),
        TEST_ACTOR,
      )
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'conflict', field: 'slug' });
    expect(await count(inst.slug)).toBe(1);
  });

  it('when the unit does not exist, then nothing is written (no counterpart, no agreement)', async () => {
    const inst = await makeInstitution(ctx.services);
    const err = await ctx.services.agreements
      .create(inst.slug, agreementInput({ unit: 'nessuna' }), TEST_ACTOR)
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid_input', field: 'unit' });
    expect(await count(inst.slug)).toBe(0);
    const id = await ctx.services.institutions.idOf(inst.slug);
    expect(await ctx.services.counterparts.list(id)).toEqual([]);
  });

  it('when the agreement is unpublished, then the public list and detail do not show it', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(
      inst.slug,
      agreementInput({ published: false }),
      TEST_ACTOR,
    );
    expect((await ctx.services.agreements.list({ institution: inst.slug })).items).toEqual([]);
    await expect(ctx.services.agreements.get(a.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await ctx.services.agreements.get(a.id, { includeUnpublished: true })).id).toBe(a.id);
  });

  it('when a slug is asked for that an earlier agreement of the batch would get from its name, then both are written', async () => {
    const inst = await makeInstitution(ctx.services);
    const id = await ctx.services.institutions.idOf(inst.slug);
    const preps = await ctx.services.agreements.prepare(id, [
      agreementInput(),
      agreementInput({
        kind: 'friendship_pact',
        slug: 'francoforte-sul-meno',
        partner: { type: 'city', name: 'Frankfurt', country: 'DE' },
      }),
    ]);
    const items = preps.map((p) => (p.ok ? p.prepared : expect.fail(JSON.stringify(p))));
    await ctx.database.transaction(() => ctx.services.agreements.insertPrepared(id, items, TEST_ACTOR));
    const slugs = (await ctx.services.agreements.list({ institution: inst.slug })).items.map((a) => [
      a.slug,
      a.kind,
    ]);
    expect(slugs).toEqual(
      expect.arrayContaining([
        ['francoforte-sul-meno', 'friendship_pact'],
        ['francoforte-sul-meno-2', 'twinning'],
      ]),
    );
  });

  it('when a later status has no known date, then it still follows the dated activation', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(
      inst.slug,
      agreementInput({
        statusHistory: [
          { status: 'active', date: '1970-10-20' },
          { status: 'suspended', date: null, reasonEn: 'Council motion, date not on record' },
        ],
      }),
      TEST_ACTOR,
    );
    expect(a.status).toBe('suspended');
    expect(a.statusHistory.map((e) => e.status)).toEqual(['active', 'suspended']);
  });

  it('when an organisation is given an unknown country, then the field is named before anything is written', async () => {
    const inst = await makeInstitution(ctx.services);
    const err = await ctx.services.agreements
      .create(
        inst.slug,
        agreementInput({
          partner: { type: 'organisation', nameIt: 'Ente', nameEn: 'Body', country: 'Utopia' },
        }),
        TEST_ACTOR,
      )
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid_input', field: 'partner.country' });
  });
});

describe('changing agreements', () => {
  it('when a suspension is recorded with its act, then status and history change and the version moves on', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    const b = await ctx.services.agreements.recordStatus(
      a.id,
      { status: 'suspended', date: '2022-03', reasonIt: 'Guerra', reasonEn: 'War', act: 'Delibera 12/2022' },
      a.version,
    );
    expect(b).toMatchObject({ status: 'suspended', statusSince: '2022-03', version: 2 });
    expect(b.statusHistory.at(-1)).toMatchObject({
      status: 'suspended',
      act: 'Delibera 12/2022',
      precision: 'month',
    });
  });

  it('when a motion is rejected, then it is on record and the status does not change', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    const b = await ctx.services.agreements.recordStatus(
      a.id,
      { status: 'terminated', outcome: 'rejected', date: '2024-05-06', act: 'Mozione 7/2024' },
      a.version,
    );
    expect(b.status).toBe('active');
    expect(b.statusHistory).toHaveLength(2);
  });

  it('when two people edit from the same version, then the second is refused with the current record', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await ctx.services.agreements.setPublished(a.id, false, a.version);
    const err = await ctx.services.agreements
      .recordStatus(a.id, { status: 'suspended', date: '2024' }, a.version)
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'version_conflict', field: 'version' });
    expect(err.details.currentVersion).toBe(2);
    expect(err.details.current.published).toBe(false);
    const now = await ctx.services.agreements.get(a.id, { includeUnpublished: true });
    expect(now.status).toBe('active');
    expect(now.statusHistory).toHaveLength(1);
  });

  it('when a status date is not a date, then it is refused naming the date field and nothing changes', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await expect(
      ctx.services.agreements.recordStatus(a.id, { status: 'suspended', date: 'ieri' }, a.version),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'date' });
    expect((await ctx.services.agreements.get(a.id)).version).toBe(1);
  });

  it('when an agreement is deleted at its version, then it is gone; at a stale version, it stays', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    await expect(ctx.services.agreements.remove(a.id, 7)).rejects.toMatchObject({ code: 'version_conflict' });
    await ctx.services.agreements.remove(a.id, a.version);
    await expect(ctx.services.agreements.get(a.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
