// Stored addresses are web addresses: a `javascript:` or `data:` address is refused at every way in (API,
// service as the CLI and the seed call it, import files, back-office forms), and an address that old data
// still holds is never rendered as a link on the portal or in the back-office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../test/admin.ts';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import { partnershipPath } from '../portal/portal.paths.ts';

let ctx: TestContext;
let app: App;
let slug: string;
let token: string;

const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ftp://files.example.org/x',
];

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  slug = (await makeInstitution(ctx.services)).slug;
  token = (
    await ctx.services.accounts.createApiToken({
      institution: slug,
      name: 'links',
      scope: 'write',
      actor: TEST_ACTOR,
    })
  ).token;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const post = (payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/agreements',
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });

const organisation = (website: string) => ({
  kind: 'collaboration_agreement',
  partner: { type: 'organisation', nameIt: 'Ente di prova', nameEn: 'Test body', website },
});

describe('stored addresses', () => {
  it("when the API is sent a source, another source's date or an organisation's website that is not http(s), then 400 names the field and nothing is stored", async () => {
    for (const url of HOSTILE) {
      const cases: [unknown, string][] = [
        [{ ...agreementInput(), sources: [{ url, title: 'x' }] }, 'sources.0.url'],
        [
          {
            ...agreementInput(),
            alternativeDates: [{ field: 'signed', date: '1970', precision: 'year', source: 'x', url }],
          },
          'alternativeDates.0.url',
        ],
        [organisation(url), 'partner.website'],
      ];
      for (const [payload, field] of cases) {
        const res = await post(payload);
        expect(res.statusCode, `${url} in ${field}`).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
    }
    const stored = await ctx.services.agreements.list({ institution: slug }, { includeUnpublished: true });
    expect(stored.items).toHaveLength(0);
    const res = await post({
      ...organisation('https://www.example.org/'),
      sources: [{ url: 'HTTPS://www.comune.milano.it/gemellaggi', title: 'Comune' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().partner.website).toBe('https://www.example.org/');
  });

  it('when the service is called directly (CLI, seed), then the same addresses are refused', async () => {
    await expect(
      ctx.services.agreements.create(
        slug,
        {
          ...agreementInput(),
          sources: [{ url: 'javascript:alert(1)' }],
        },
        TEST_ACTOR,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'sources.0.url' });
    await expect(
      ctx.services.agreements.create(slug, organisation('javascript:alert(1)') as never, TEST_ACTOR),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'partner.website' });
    await expect(
      ctx.services.institutions.create({
        slug: 'links-bad',
        kind: 'comune',
        nameIt: 'x',
        nameEn: 'x',
        website: 'javascript:alert(1)',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'website' });
  });

  it('when an import file carries such an address, then the row is refused with its line and column, in CSV and in JSON', async () => {
    const csv = [
      'kind;partner;partner_type;partner_name_en;partner_website;sources',
      'accordo di collaborazione;Ente uno;organisation;Body one;javascript:alert(1);',
      'accordo di collaborazione;Ente due;organisation;Body two;;data:text/html,x',
    ].join('\n');
    const fromCsv = await ctx.services.importAgreements({
      institution: slug,
      bytes: Buffer.from(csv),
      format: 'csv',
      actor: TEST_ACTOR,
    });
    expect(fromCsv.written).toBe(false);
    expect(fromCsv.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'partner_website'],
      [3, 'sources'],
    ]);
    const json = JSON.stringify([
      {
        ...agreementInput(),
        alternativeDates: [
          { field: 'signed', date: '1970', precision: 'year', source: 'x', url: 'javascript:x' },
        ],
      },
    ]);
    const fromJson = await ctx.services.importAgreements({
      institution: slug,
      bytes: Buffer.from(json),
      format: 'json',
      actor: TEST_ACTOR,
    });
    expect(fromJson.written).toBe(false);
    expect(fromJson.problems[0]).toMatchObject({ field: 'alternativeDates.0.url' });
  });

  it('when old data holds a javascript: address, then the portal and the back-office show it as text, never as a link', async () => {
    const made = await ctx.services.agreements.create(
      slug,
      {
        ...organisation('https://www.example.org/'),
        partner: {
          type: 'organisation',
          nameIt: 'Ente vecchio',
          nameEn: 'Old body',
          website: 'https://old.example.org',
        },
        sources: [{ url: 'https://www.example.org/fonte', title: 'Fonte vecchia' }],
        alternativeDates: [
          {
            field: 'signed',
            date: '1970',
            precision: 'year',
            source: 'Altra fonte',
            url: 'https://example.org/a',
          },
        ],
        published: true,
      } as never,
      TEST_ACTOR,
    );
    // As if stored before the rule existed.
    await ctx.database.query(
      `update agreements set sources = $2::jsonb, alternative_dates = $3::jsonb where id = $1`,
      [
        made.id,
        JSON.stringify([{ url: 'javascript:alert(1)', title: 'Fonte vecchia' }]),
        JSON.stringify([
          {
            field: 'signed',
            date: '1970',
            precision: 'year',
            source: 'Altra fonte',
            url: 'data:text/html,x',
          },
        ]),
      ],
    );
    await ctx.database.query(`update counterparts set website = 'javascript:alert(2)' where id = $1`, [
      made.partner.id,
    ]);
    const page = await app.inject({ method: 'GET', url: partnershipPath(slug, 'it', made) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Fonte vecchia');
    expect(page.body).toContain('Altra fonte');
    expect(page.body).not.toMatch(/href="\s*(javascript|data):/i);

    const { signIn, get } = adminClient(app, ctx);
    const { cookie } = await signIn(slug, 'editor');
    const partner = await get(`/admin/it/counterparts/${made.partner.id}`, cookie);
    expect(partner.statusCode).toBe(200);
    expect(partner.body).toContain('javascript:alert(2)');
    expect(partner.body).not.toMatch(/href="\s*javascript:/i);
  });
});
