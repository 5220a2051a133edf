// No request makes Ponte answer 5xx. Requests are generated from the committed OpenAPI document (every
// operation, valid and mutated, anonymous, with a write or a read token, with a session and its CSRF header)
// and from the forms of the back-office and the portal as rendered (valid and mutated fields, with the
// session's CSRF token), and sent in-process to the real app on a database built by the real migrations.
// A run is set by its seed, printed with the figures: FUZZ_SEED=<n> replays one, FUZZ_SCALE=<k> sends k times
// as many requests. Any 5xx fails the test and is printed whole: method, address, headers and body.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution, makeVariedInstitution } from '../test/factories.ts';
import { crawl, refreshed } from '../test/fuzz/crawl.ts';
import { formPlans, formSweep } from '../test/fuzz/form-plans.ts';
import { formRequest } from '../test/fuzz/form-requests.ts';
import { formKey, type HtmlForm, shapeOf } from '../test/fuzz/html-forms.ts';
import {
  atVersion,
  currentVersionIn,
  type Operation,
  operationsOf,
  randomPlans,
  requestOf,
  sweepPlans,
} from '../test/fuzz/openapi-requests.ts';
import { pageRequests } from '../test/fuzz/page-requests.ts';
import { Fuzzer, seedOf } from '../test/fuzz/runner.ts';
import type { Hints } from '../test/fuzz/schema-arbitrary.ts';
import { prepareSetting, type Setting } from '../test/fuzz/setting.ts';
import { createTestApp, createTestDeps, type TestContext, uniqueSlug } from '../test/support.ts';
import type { App } from './platform/http/types.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_417);
const SCALE = Math.max(0.05, Number(process.env['FUZZ_SCALE'] ?? 1));
/** At scale 1: random requests per API operation, and sweep requests per field of a schema (integers: all). */
const PER_OPERATION = Math.round(30 * SCALE);
const PER_FIELD = Math.max(1, Math.round(2 * SCALE));
const PER_FORM = Math.round(20 * SCALE);
const PER_PAGE = Math.round(3 * SCALE);
const TIMEOUT = 240_000 * SCALE;
/** Forms whose every answer hashes a password with argon2id (a fifth of a second each): fewer requests. */
const HASHES_PASSWORD = /\/(login|password|users)$/;

const doc = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));

let ctx: TestContext;
let app: App;
let setting: Setting;
/** The institution the run works in, and a second one, both made here with factories. */
let inst: string;
let other: string;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  // Some data of each kind: agreements of each sort, units, a joined network and two not joined.
  inst = (await makeVariedInstitution(ctx.services)).institution.slug;
  other = (await makeInstitution(ctx.services)).slug;
  const networks = [uniqueSlug('net'), uniqueSlug('net'), uniqueSlug('net')];
  for (const slug of networks) {
    await ctx.services.networks.create({ slug, nameIt: `Rete ${slug}`, nameEn: `Network ${slug}` });
  }
  await ctx.services.networks.join(inst, { network: networks[0]!, unit: 'affari-europei', since: '2001' });
  setting = await prepareSetting(app, ctx, inst, [inst, other]);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** The records a path's {id} names: the institution's own, so that valid requests reach past the 404. */
function hintsFor(op: Operation): Hints {
  const collection = op.path.match(/\/(\w+)\/\{id\}/)?.[1];
  const pool = collection ? setting.pools[collection] : undefined;
  return {
    ...setting.apiHints,
    ...(pool?.length ? { id: fc.constantFrom(...pool) } : {}),
    ...(op.path.includes('{slug}') ? { slug: fc.constantFrom(inst, other, 'nowhere') } : {}),
  };
}

const report = (fuzzer: Fuzzer, title: string, started: number) => {
  const text = fuzzer.report(title, (Date.now() - started) / 1000, process.env['FUZZ_VERBOSE'] === '1');
  console.log(text);
  return text;
};

describe('fuzzing', () => {
  it(
    'when every operation of the OpenAPI document gets valid and mutated requests, then none answers 5xx',
    async () => {
      const started = Date.now();
      const fuzzer = new Fuzzer(app, SEED);
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThan(20);
      for (const op of operations) {
        const key = `${op.method} ${op.path}`;
        const hints = hintsFor(op);
        const plans = [
          ...sweepPlans(op, hints, PER_FIELD, seedOf(SEED, `sweep ${key}`)),
          ...fc.sample(randomPlans(op, hints), { seed: seedOf(SEED, key), numRuns: PER_OPERATION }),
        ];
        for (const plan of plans) {
          const answer = await fuzzer.send(requestOf(op, plan, setting.creds));
          // A write refused as stale goes again at the current version, to reach the write itself.
          const version = answer ? currentVersionIn(answer) : undefined;
          if (version !== undefined)
            await fuzzer.send(requestOf(op, atVersion(plan, version), setting.creds));
        }
      }
      const text = report(fuzzer, 'OpenAPI operations', started);
      expect(fuzzer.failures.length, text).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'when the forms of the back-office and the portal get valid and mutated fields, then none answers 5xx',
    async () => {
      const started = Date.now();
      const fuzzer = new Fuzzer(app, SEED);
      // Signing out would end the session; a valid form on the fuzzer's own users or tokens would lock it out.
      const skip = (url: string) =>
        /\/logout$/.test(url) || setting.protectedIds.some((id) => url.includes(id));
      const adminPages = (cookie: string, rendered: Setting['rendered'], start: string[]) =>
        crawl(app, cookie, {
          start,
          rendered,
          within: ['/admin/it/'],
          skip: (url) => skip(url) || url.endsWith('.csv') || /\/attachments\/[^/]+$/.test(url),
          maxPages: 60,
          perShape: 2,
        });
      const admin = await adminPages(setting.creds.cookie, setting.rendered, [
        '/admin/it/',
        '/admin/it/agreements/new',
        '/admin/it/password',
        ...setting.extraPages,
      ]);
      // A platform administrator sees the forms that edit and delete the shared network catalogue.
      const platform = await adminPages(setting.platformCookie, [], ['/admin/it/networks']);
      const portal = await crawl(app, setting.creds.cookie, {
        start: [`/${inst}/it/`, `/${inst}/en/partnerships/`],
        within: [`/${inst}/`],
        skip: (url) => url.includes('/data/'),
        maxPages: 6,
        perShape: 1,
      });
      const keys = new Set(admin.forms.map(({ form }) => formKey(form)));
      const found = [
        ...admin.forms,
        ...platform.forms.filter(({ form }) => !keys.has(formKey(form))),
        ...portal.forms,
      ];
      expect(found.length).toBeGreaterThan(20);
      // The crawl still finds the forms that matter most: the upload, and the choice among several cities.
      expect(found.some(({ form }) => form.multipart)).toBe(true);
      expect(found.some(({ form }) => form.controls.some((c) => c.name === 'geonamesId'))).toBe(true);
      // A form's hidden values (version, token) are read again from its page after any write went through.
      let writes = 0;
      const known = new Map<string, { form: HtmlForm; cookies: string; at: number }>();
      const current = async (form: HtmlForm, cookies: string) => {
        const key = formKey(form);
        const seen = known.get(key);
        if (seen && seen.at === writes) return seen;
        const now = form.method === 'POST' ? await refreshed(app, form, cookies) : { form, cookies };
        const usable = skip(now.form.action) ? { form, cookies } : now;
        known.set(key, { ...usable, at: writes });
        return usable;
      };
      for (const { form, cookies } of found) {
        const key = formKey(form);
        const runs = HASHES_PASSWORD.test(form.action) ? Math.ceil(PER_FORM / 5) : PER_FORM;
        const plans = [
          ...formSweep(form, setting.formHints, seedOf(SEED, `sweep ${key}`)),
          ...fc.sample(formPlans(form, setting.formHints), { seed: seedOf(SEED, key), numRuns: runs }),
        ];
        for (const plan of plans) {
          const now = await current(form, cookies);
          const hidden = new Map(
            now.form.controls.filter((c) => c.kind === 'hidden').map((c) => [c.name, c.value]),
          );
          const values = plan.values.map(([k, v]): [string, string] => [k, hidden.get(k) ?? v]);
          const answer = await fuzzer.send(formRequest(now.form, { ...plan, values }, now.cookies));
          if (form.method === 'POST' && answer && answer.status < 400) writes += 1;
        }
      }
      // Addresses no page links to, but anyone may type.
      const typed = [
        '/',
        '/en/',
        '/sitemap.xml',
        '/robots.txt',
        '/api/openapi.json',
        `/${inst}/data/agreements.csv`,
        `/${inst}/it/partenariati/chicago`,
        '/admin/it/audit.csv',
        '/admin/it/places',
      ];
      for (const [i, page] of [...admin.pages, ...portal.pages, ...typed].entries()) {
        // Seeded by the page's shape and place in the crawl, not its ids, which differ from run to run.
        const seed = seedOf(SEED, `${shapeOf(page)} ${i}`);
        for (const request of pageRequests(page, setting.creds.cookie, seed, PER_PAGE)) {
          await fuzzer.send(request);
        }
      }
      const text = report(
        fuzzer,
        `Forms (${found.length} forms on ${admin.pages.length + platform.pages.length + portal.pages.length} pages)`,
        started,
      );
      expect(fuzzer.failures.length, text).toBe(0);
    },
    TIMEOUT,
  );
});
