import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { runCli } from '../../cli/run.ts';
import { loadConfig } from '../../config.ts';
import { hashPassword, THROTTLE, verifyPassword } from './accounts.service.ts';

let ctx: TestContext;
let inst: { id: string; slug: string };
let seq = 0;
const email = () => `person${++seq}.${Date.now()}@example.org`;

beforeAll(async () => {
  ctx = await createTestDeps();
  inst = await makeInstitution(ctx.services);
});
afterAll(async () => {
  await ctx?.close();
});

describe('passwords', () => {
  it('when hashed, then the hash is argon2id, salted, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });
});

describe('users', () => {
  it('when created without a password, then one is generated, returned once and not stored in clear', async () => {
    const address = email();
    const { user, password } = await ctx.services.accounts.createUser({
      email: address,
      institution: inst.slug,
      role: 'editor',
    });
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(user.roles).toEqual([{ institutionId: inst.id, institutionSlug: inst.slug, role: 'editor' }]);
    const [row] = await ctx.database.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [user.id],
    );
    expect(row?.password_hash).not.toContain(password!);
    expect(await verifyPassword(password!, row!.password_hash)).toBe(true);
    const [audit] = await ctx.database.query<{ action: string; actor: string }>(
      `select action, actor from audit_events where entity = 'user' and entity_id = $1`,
      [user.id],
    );
    expect(audit).toEqual({ action: 'create', actor: 'cli' });
  });

  it('when the input is wrong, then the error names the field and no user is written', async () => {
    const address = email();
    await expect(
      ctx.services.accounts.createUser({ email: 'not-an-address', institution: inst.slug, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'email' });
    await expect(
      ctx.services.accounts.createUser({ email: address, institution: inst.slug, password: 'short' }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'password' });
    await expect(
      ctx.services.accounts.createUser({ email: address, institution: 'nowhere' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await ctx.database.query('select 1 from users where email = $1', [address])).toEqual([]);
    await ctx.services.accounts.createUser({ email: address, institution: inst.slug });
    await expect(
      ctx.services.accounts.createUser({ email: address.toUpperCase(), institution: inst.slug }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'email' });
  });
});

describe('sign-in', () => {
  it('when the password is right, then the user comes back with roles; when wrong, unauthorized', async () => {
    const address = email();
    const { password } = await ctx.services.accounts.createUser({ email: address, institution: inst.slug });
    const user = await ctx.services.accounts.authenticate(address.toUpperCase(), password!, '10.0.0.1');
    expect(user.email).toBe(address);
    await expect(
      ctx.services.accounts.authenticate(address, 'wrong password!', '10.0.0.1'),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(
      ctx.services.accounts.authenticate('nobody@example.org', 'wrong password!', '10.0.0.1'),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('when an account fails too often, then even the right password is refused for a while', async () => {
    const address = email();
    const { password } = await ctx.services.accounts.createUser({ email: address, institution: inst.slug });
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await expect(
        ctx.services.accounts.authenticate(address, `guess number ${i}`, `10.1.0.${i}`),
      ).rejects.toMatchObject({ code: 'unauthorized' });
    }
    await expect(ctx.services.accounts.authenticate(address, password!, '10.1.1.1')).rejects.toMatchObject({
      code: 'rate_limited',
    });
  });

  it('when one address fails on many accounts, then that address is refused, and others are not', async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await expect(
        ctx.services.accounts.authenticate(`ghost${i}@example.org`, 'wrong password!', '10.2.0.1'),
      ).rejects.toMatchObject({ code: 'unauthorized' });
    }
    const address = email();
    const { password } = await ctx.services.accounts.createUser({ email: address, institution: inst.slug });
    await expect(ctx.services.accounts.authenticate(address, password!, '10.2.0.1')).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect((await ctx.services.accounts.authenticate(address, password!, '10.2.0.2')).email).toBe(address);
  });
});

describe('throttling under parallel attempts', () => {
  it('when many wrong passwords and then the right one arrive at once, then no more than the limit are checked and the right one is refused', async () => {
    const address = email();
    const { password } = await ctx.services.accounts.createUser({ email: address, institution: inst.slug });
    const guesses = Array.from({ length: 40 }, (_, i) => `wrong guess ${i}`);
    const results = await Promise.allSettled(
      [...guesses, password!].map((p, i) => ctx.services.accounts.authenticate(address, p, `10.9.${i}.1`)),
    );
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    // Each attempt is counted before its password is checked: at most the limit are checked at all.
    expect(codes.filter((c) => c === 'unauthorized').length).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(
      guesses.length + 1 - THROTTLE.perAccount,
    );
    if (codes.at(-1) === 'ok') {
      // The right password may be among the first five checked, as it would be one after the other.
      expect(codes.filter((c) => c === 'unauthorized').length).toBeLessThan(THROTTLE.perAccount);
    }
  });

  it('when the current password is wrong too often on the password form, then even the right one is refused for a while', async () => {
    const address = email();
    const { user, password } = await ctx.services.accounts.createUser({
      email: address,
      institution: inst.slug,
    });
    const tries = Array.from({ length: 12 }, (_, i) =>
      ctx.services.accounts.changePassword(user.id, `not it ${i}`, 'a brand new password'),
    );
    const codes = (await Promise.allSettled(tries)).map((r) => (r as PromiseRejectedResult).reason.code);
    let checked = codes.filter((c) => c === 'invalid_input').length;
    expect(checked).toBeLessThanOrEqual(THROTTLE.perPasswordChange);
    // One after the other, wrong passwords are checked until the limit, then refused unchecked.
    for (let i = 0; i < 10; i++) {
      const err = await ctx.services.accounts
        .changePassword(user.id, `still not it ${i}`, 'a brand new password')
        .catch((e: { code: string }) => e);
      if ((err as { code: string }).code === 'rate_limited') break;
      expect((err as { code: string }).code).toBe('invalid_input');
      checked++;
    }
    expect(checked).toBe(THROTTLE.perPasswordChange);
    await expect(
      ctx.services.accounts.changePassword(user.id, password!, 'a brand new password'),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('sessions', () => {
  it('when opened, then the token finds the user, only its hash is stored, and ending it ends it', async () => {
    const { user } = await ctx.services.accounts.createUser({ email: email(), institution: inst.slug });
    const { token, csrfToken } = await ctx.services.accounts.createSession(user.id, {
      method: 'password',
      address: '127.0.0.1',
    });
    const session = await ctx.services.accounts.session(token);
    expect(session?.user.id).toBe(user.id);
    expect(session?.csrfToken).toBe(csrfToken);
    expect(await ctx.database.query('select 1 from sessions where token_hash = $1', [token])).toEqual([]);
    expect(await ctx.services.accounts.session('made-up-token')).toBeUndefined();
    await ctx.services.accounts.endSession(token);
    expect(await ctx.services.accounts.session(token)).toBeUndefined();
  });

  it('when a session has expired, then it no longer opens', async () => {
    const { user } = await ctx.services.accounts.createUser({ email: email(), institution: inst.slug });
    const { token } = await ctx.services.accounts.createSession(user.id, {
      method: 'password',
      address: '127.0.0.1',
    });
    await ctx.database.query(
      `update sessions set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    expect(await ctx.services.accounts.session(token)).toBeUndefined();
  });

  it('when the password changes, then other sessions end and this one stays', async () => {
    const { user, password } = await ctx.services.accounts.createUser({
      email: email(),
      institution: inst.slug,
    });
    const here = await ctx.services.accounts.createSession(user.id, {
      method: 'password',
      address: '127.0.0.1',
    });
    const elsewhere = await ctx.services.accounts.createSession(user.id, {
      method: 'password',
      address: '127.0.0.1',
    });
    await expect(
      ctx.services.accounts.changePassword(user.id, 'not the password', 'a brand new password', here.token),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'current' });
    await expect(
      ctx.services.accounts.changePassword(user.id, password!, 'too short', here.token),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'next' });
    await ctx.services.accounts.changePassword(user.id, password!, 'a brand new password', here.token);
    expect(await ctx.services.accounts.session(here.token)).toBeDefined();
    expect(await ctx.services.accounts.session(elsewhere.token)).toBeUndefined();
    expect(
      (await ctx.services.accounts.authenticate(user.email, 'a brand new password', '10.3.0.1')).id,
    ).toBe(user.id);
  });
});

describe('first start and the command line', () => {
  it('when institutions lack an admin, then each gets one with its own password, once', async () => {
    const fresh = await makeInstitution(ctx.services);
    const created = await ctx.services.accounts.ensureAdmins();
    const mine = created.find((a) => a.institution === fresh.slug);
    expect(mine?.email).toBe(`admin@${fresh.slug}.ponte.invalid`);
    expect(new Set(created.map((a) => a.password)).size).toBe(created.length);
    const user = await ctx.services.accounts.authenticate(mine!.email, mine!.password, '10.4.0.1');
    expect(user.roles).toEqual([{ institutionId: fresh.id, institutionSlug: fresh.slug, role: 'admin' }]);
    expect(await ctx.services.accounts.ensureAdmins()).toEqual([]);
  });

  it('when `user create` runs, then it prints the password once; wrong usage exits 2', async () => {
    let out = '';
    const io = {
      out: (t: string) => {
        out += t;
      },
      err: () => {},
      isTTY: false,
    };
    const config = loadConfig({});
    const address = email();
    const code = await runCli(['user', 'create', address, '--institution', inst.slug, '--role', 'viewer'], {
      deps: ctx,
      config,
      io,
    });
    expect(code).toBe(0);
    const password = out.match(/Password \(shown only now[^)]*\): (\S+)/)?.[1];
    expect(password).toHaveLength(20);
    expect((await ctx.services.accounts.authenticate(address, password!, '10.5.0.1')).email).toBe(address);
    expect(
      await runCli(['user', 'create', email(), '--institution', inst.slug], { deps: ctx, config, io }),
    ).toBe(2);
    expect(
      await runCli(['user', 'create', email(), '--institution', inst.slug, '--role', 'owner'], {
        deps: ctx,
        config,
        io,
      }),
    ).toBe(2);
  });
});
