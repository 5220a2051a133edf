// Row-level security between institutions, enforced by the database: a unit of work scoped to one institution
// (Database.scoped, the role ponte_staff) neither sees nor changes another's rows, even with hand-written SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';

let ctx: TestContext;
let milan: { id: string; slug: string };
let florence: { id: string; slug: string };
let florenceAgreement: { id: string; version: number };

beforeAll(async () => {
  ctx = await createTestDeps();
  milan = await makeInstitution(ctx.services);
  florence = await makeInstitution(ctx.services);
  await ctx.services.agreements.create(milan.slug, agreementInput(), TEST_ACTOR);
  florenceAgreement = await ctx.services.agreements.create(florence.slug, agreementInput(), TEST_ACTOR);
});
afterAll(async () => {
  await ctx?.close();
});

const asMilan = <T>(fn: () => Promise<T>) => ctx.database.scoped({ institutionIds: [milan.id] }, fn);

describe('isolation between institutions', () => {
  it('when scoped to one institution, then raw SQL sees only its rows', async () => {
    const seen = await asMilan(() =>
      ctx.database.query<{ institution_id: string }>('select distinct institution_id from agreements'),
    );
    expect(seen.map((r) => r.institution_id)).toEqual([milan.id]);
    const institutions = await asMilan(() =>
      ctx.database.query<{ id: string }>('select id from institutions'),
    );
    expect(institutions.map((r) => r.id)).toEqual([milan.id]);
  });

  it("when scoped to one institution, then another's rows cannot be changed or deleted", async () => {
    const updated = await asMilan(() =>
      ctx.database.query(`update agreements set title_it = 'preso' where id = $1 returning id`, [
        florenceAgreement.id,
      ]),
    );
    expect(updated).toEqual([]);
    const deleted = await asMilan(() =>
      ctx.database.query('delete from agreements where id = $1 returning id', [florenceAgreement.id]),
    );
    expect(deleted).toEqual([]);
    const [row] = await ctx.database.query<{ title_it: string | null }>(
      'select title_it from agreements where id = $1',
      [florenceAgreement.id],
    );
    expect(row).toBeDefined();
    expect(row?.title_it).not.toBe('preso');
  });

  it("when scoped to one institution, then a row written into another's is refused and nothing stays", async () => {
    const failure = await asMilan(() =>
      ctx.database.query(
        `insert into units (institution_id, slug, name_it, name_en) values ($1, 'intrusa', 'Intrusa', 'Intruder')`,
        [florence.id],
      ),
    ).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(Error);
    // Drizzle wraps the database's error; the cause is PostgreSQL's own refusal.
    const cause = (failure as Error & { cause?: Error }).cause ?? failure;
    expect((cause as Error).message).toMatch(/row-level security/);
    const units = await ctx.database.query("select 1 from units where slug = 'intrusa'");
    expect(units).toEqual([]);
  });

  it("when a service reads inside a scope, then another institution's agreement is not found", async () => {
    await expect(asMilan(() => ctx.services.agreements.get(florenceAgreement.id))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      asMilan(() => ctx.services.agreements.list({ institution: florence.slug })),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('when a service writes inside a scope, then the write joins the scope and commits with it', async () => {
    const created = await asMilan(() =>
      ctx.services.agreements.create(milan.slug, agreementInput(), TEST_ACTOR),
    );
    const [row] = await ctx.database.query<{ institution_id: string }>(
      'select institution_id from agreements where id = $1',
      [created.id],
    );
    expect(row?.institution_id).toBe(milan.id);
  });

  it('when the scope throws, then everything written in it is rolled back', async () => {
    const before = await ctx.database.query('select id from agreements');
    await expect(
      asMilan(async () => {
        await ctx.services.agreements.create(milan.slug, agreementInput(), TEST_ACTOR);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await ctx.database.query('select id from agreements')).toHaveLength(before.length);
  });

  it('when anyone, owner included, tries to change or empty the audit log, then the database refuses', async () => {
    await ctx.database.query(
      `insert into audit_events (institution_id, actor, action, entity, entity_id) values ($1, 'isolation-probe', 'create', 'agreement', 'x')`,
      [milan.id],
    );
    // The app may only add to it, and cannot switch its triggers off.
    for (const sql of [
      'update audit_events set actor = $1',
      'delete from audit_events',
      'truncate audit_events',
      'alter table audit_events disable trigger audit_events_no_change',
    ]) {
      await expect(ctx.database.query(sql.replace('$1', "'someone else'")), sql).rejects.toThrow(
        /permission denied|must be owner/,
      );
    }
    // The owner, who could switch them off, is stopped by the triggers themselves.
    await ctx.database.asOwner(async (owner) => {
      await expect(owner.query(`update audit_events set actor = 'someone else'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(owner.query('delete from audit_events')).rejects.toThrow(/append-only/);
      await expect(owner.query('truncate audit_events')).rejects.toThrow(/append-only/);
    });
    const [row] = await ctx.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where actor = 'isolation-probe'`,
    );
    expect(row?.n).toBe(1);
  });

  it('when the app serves, then its role is neither a superuser nor the owner of any table, and every institution table forces row-level security', async () => {
    const [me] = await ctx.database.query<{ role: string; superuser: boolean }>(
      'select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user',
    );
    expect(me).toEqual({ role: 'ponte_app', superuser: false });
    const owned = await ctx.database.query(
      `select tablename from pg_tables where schemaname = 'public' and tableowner = current_user`,
    );
    expect(owned).toEqual([]);
    await expect(ctx.database.query('drop table agreements')).rejects.toThrow(/must be owner/);
    await expect(ctx.database.query('alter table agreements disable row level security')).rejects.toThrow(
      /must be owner/,
    );
    const tenantTables = await ctx.database.query<{ table: string; forced: boolean }>(
      `select c.relname as table, c.relforcerowsecurity as forced
         from pg_class c join information_schema.columns col
           on col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'institution_id'
        where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
        order by 1`,
    );
    // Every table that holds an institution's rows, and the institutions and users themselves.
    expect(tenantTables.length).toBeGreaterThan(8);
    expect(tenantTables.filter((t) => !t.forced && t.table !== 'sessions')).toEqual([]);
    const others = await ctx.database.query<{ forced: boolean }>(
      `select relforcerowsecurity as forced from pg_class where relname in ('institutions', 'users')`,
    );
    expect(others).toEqual([{ forced: true }, { forced: true }]);
  });

  it("when a staff policy compares a row's institution, then it reads the scope once per statement, not per row", async () => {
    const policies = await ctx.database.query<{ name: string; rule: string }>(
      `select policyname as name, qual || coalesce(' / ' || with_check, '') as rule
         from pg_policies where schemaname = 'public' and 'ponte_staff' = any(roles) order by 1`,
    );
    expect(policies.length).toBeGreaterThan(30);
    // A bare ponte_scope() in a policy is evaluated for every row (migration 0028): each call is a sub-select.
    const perRow = policies.filter((p) =>
      /ponte_scope\(\)/.test(p.rule.replace(/SELECT ponte_scope\(\)/g, '')),
    );
    expect(perRow).toEqual([]);
  });
});
