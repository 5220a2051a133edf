// The projects' back-office pages through HTTP: an editor adds a cooperation project, a partner from the
// registry and one by name, a co-funding source and the yearly budget as people type amounts; field errors in
// both languages; a viewer reads but may not write; Florence finds nothing.
import { describe, expect, it } from 'vitest';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  milan,
  milanId,
  one,
  post,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsPages();

async function project(extra: Record<string, string> = {}) {
  const res = await post('/admin/it/projects/new', milan.editor, {
    code: uniqueSlug('COOP'),
    kind: 'cooperation',
    titleIt: 'Acqua potabile a Thiès',
    role: 'lead',
    status: 'running',
    startsOn: '2025-03-01',
    endsOn: '2026-12-31',
    countries: 'Senegal, Burkina Faso',
    totalBudget: '250.000,00',
    ownShare: '40.000',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(303);
  return String(res.headers['location']).match(/projects\/([0-9a-f-]{36})/)![1]!;
}

describe('a project from the back-office', () => {
  it('when the editor adds partners, a co-funding source and the yearly budget, then the page shows them in euros', async () => {
    const id = await project();
    const [registry] = await ctx.services.counterparts.ensureMany(milanId, [
      { type: 'organisation', nameIt: 'Comune di Thiès', nameEn: 'City of Thiès', country: 'SN' },
    ]);
    let res = await post(`/admin/it/projects/${id}/partners/new`, milan.editor, {
      version: '1',
      counterpartId: registry!.id,
      role: 'partner',
    });
    expect(res.statusCode, res.body).toBe(303);
    res = await post(`/admin/it/projects/${id}/partners/new`, milan.editor, {
      version: '2',
      name: 'ONG Acqua Viva',
      role: 'associate',
      country: 'Italia',
    });
    expect(res.statusCode, res.body).toBe(303);
    res = await post(`/admin/it/projects/${id}/funding/new`, milan.editor, {
      version: '3',
      source: 'AICS',
      amount: '180.000,10',
    });
    expect(res.statusCode, res.body).toBe(303);
    const form = await get(`/admin/it/projects/${id}/years`, milan.editor);
    expect(form.body).toContain('name="amount_2025"');
    expect(form.body).toContain('name="amount_2026"');
    res = await post(`/admin/it/projects/${id}/years`, milan.editor, {
      version: '4',
      amount_2025: '15.000,00',
    });
    expect(res.statusCode, res.body).toBe(303);
    const page = await get(`/admin/it/projects/${id}`, milan.viewer);
    expect(page.body).toContain('Comune di Thiès');
    expect(page.body).toContain('ONG Acqua Viva');
    expect(page.body).toContain('180.000,10');
    expect(page.body).toContain('15.000,00');
    expect(page.body).toContain('Senegal, Burkina Faso');
    expect(await one('select own_share from projects where id = $1', [id])).toEqual({
      own_share: '40000.00',
    });
    expect(page.body).not.toContain('partners/new');
  });

  it('when the share is above the total and a country is unknown, then both are named beside their fields in Italian and English', async () => {
    for (const [lang, words] of [
      ['it', 'Paese sconosciuto'],
      ['en', 'Unknown country'],
    ] as const) {
      const res = await post(`/admin/${lang}/projects/new`, milan.editor, {
        code: uniqueSlug('BAD'),
        kind: 'eu',
        titleIt: 'Progetto',
        role: 'partner',
        status: 'idea',
        countries: 'Atlantide',
        totalBudget: '100',
        ownShare: '200',
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body, 'countries')).toContain(words);
      expect(errorOf(res.body, 'ownShare')).toBeTruthy();
    }
  });

  it('when a viewer posts, or Florence opens the project, then it is refused or not found and nothing changes', async () => {
    const id = await project();
    expect(
      (
        await post(`/admin/it/projects/${id}/funding/new`, milan.viewer, {
          version: '1',
          source: 'X',
          amount: '1',
        })
      ).statusCode,
    ).toBe(403);
    for (const url of [
      `/admin/en/projects/${id}`,
      `/admin/en/projects/${id}/edit`,
      `/admin/en/projects/${id}/years`,
    ]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    expect((await post(`/admin/en/projects/${id}/delete`, florenceEditor, { version: '1' })).statusCode).toBe(
      404,
    );
    expect(await one('select version from projects where id = $1', [id])).toEqual({ version: 1 });
  });
});
