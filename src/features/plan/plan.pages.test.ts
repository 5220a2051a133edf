// The plan's back-office pages through HTTP: an editor adds a strategic and an operational objective, records
// the money of its years (as people type amounts), an indicator and a linked visit, reads the year report as a
// page and a PDF; field errors in both languages; a viewer reads but may not write; Florence finds nothing.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { makeProject, makeVisit } from '../../../test/factories-backoffice.ts';
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

useRecordsPages();

let n = 0;
const locationId = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['location']).match(/plan\/([0-9a-f-]{36})/)![1]!;

async function objectives() {
  const strategic = await post('/admin/it/plan/new', milan.editor, {
    level: 'strategic',
    titleIt: `RELAZIONI INTERNAZIONALI ${++n}`,
    mandateFrom: '2019',
    mandateTo: '2024',
    mission: '19',
    firstYear: '2022',
    lastYear: '2024',
  });
  expect(strategic.statusCode, strategic.body).toBe(303);
  const parentId = locationId(strategic);
  const operational = await post('/admin/it/plan/new', milan.editor, {
    level: 'operational',
    parentId,
    code: `1901/${String(n).padStart(4, '0')}`,
    titleIt: 'LA CITTÀ METROPOLITANA NEL MONDO',
    mandateFrom: '2019',
    mandateTo: '2024',
    mission: '19',
    programme: '1901',
    responsible: 'Cristiano Maggipinto',
    firstYear: '2022',
    lastYear: '2024',
  });
  expect(operational.statusCode, operational.body).toBe(303);
  return { parentId, id: locationId(operational) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((x) => ('str' in x ? x.str : '')).join(' '));
  }
  return texts.join('\n');
}

describe('an objective from the back-office', () => {
  it('when the editor records the money as people type it, then the page shows it in euros and "non registrato" where empty', async () => {
    const { id } = await objectives();
    const form = await get(`/admin/it/plan/${id}/money`, milan.editor);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="expensePlanned_2024"');
    const saved = await post(`/admin/it/plan/${id}/money`, milan.editor, {
      version: '1',
      expensePlanned_2022: '12.500,00',
      expenseCommitted_2022: '11000',
      expensePaid_2022: '9800.5',
      expensePlanned_2023: '0',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const row = await one<{ expense_planned: string; expense_paid: string }>(
      'select expense_planned, expense_paid from objective_years where objective_id = $1 and year = 2022',
      [id],
    );
    expect(row).toEqual({ expense_planned: '12500.00', expense_paid: '9800.50' });
    const page = await get(`/admin/it/plan/${id}`, milan.viewer);
    expect(page.body).toContain('12.500,00');
    expect(page.body).toContain('non registrato');
    expect(page.body).toContain('<svg');
  });

  it('when an amount is not a number, then the form says so beside the field in Italian and in English, and nothing is saved', async () => {
    const { id } = await objectives();
    for (const [lang, words] of [
      ['it', 'Scrivi un importo'],
      ['en', 'Write an amount'],
    ] as const) {
      const res = await post(`/admin/${lang}/plan/${id}/money`, milan.editor, {
        version: '1',
        expensePaid_2023: 'dodici',
        incomePlanned_2024: '1,2,3',
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body, 'expensePaid_2023')).toContain(words);
      expect(errorOf(res.body, 'incomePlanned_2024')).toContain(words);
      expect(res.body).toContain('value="dodici"');
    }
    expect(await one('select 1 from objective_years where objective_id = $1', [id])).toBeUndefined();
  });

  it('when an indicator and a visit of the year are added, then the year report counts the visit and compares the indicator, as a page and as a PDF in Italian', async () => {
    const { id } = await objectives();
    await post(`/admin/it/plan/${id}/money`, milan.editor, { version: '1', expensePlanned_2023: '15000' });
    const ind = await post(`/admin/it/plan/${id}/indicators/new`, milan.editor, {
      version: '2',
      nameIt: 'Accordi di collaborazione attivi',
      unit: 'accordi',
      target_2023: '4',
      actual_2023: '3',
    });
    expect(ind.statusCode, ind.body).toBe(303);
    const v = await makeVisit(ctx.services, milanId, { startsOn: '2023-05-10', endsOn: '2023-05-11' });
    const linked = await post(`/admin/it/plan/${id}/links`, milan.editor, { record: `visit:${v.id}` });
    expect(linked.statusCode, linked.body).toBe(303);

    const page = await get(`/admin/en/plan/${id}/report/2023`, milan.viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What was done in 2023');
    expect(page.body).toContain('Visits: 1');
    expect(page.body).toContain('−1');
    expect(page.body).toContain('€15,000.00');

    const pdf = await get(`/admin/it/plan/${id}/report/2023.pdf`, milan.viewer);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Relazione 2023');
    expect(text).toContain('Visite: 1');
    expect(text).toContain('15.000,00');
    expect(text).toContain('non registrato');

    const outside = await get(`/admin/it/plan/${id}/report/2030`, milan.viewer);
    expect(outside.statusCode).toBe(400);
    // An indicator's form names its objective; an indicator that is not the objective's is not found.
    const edit = await get(
      `/admin/it/plan/${id}/indicators/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/edit`,
      milan.editor,
    );
    expect(edit.statusCode).toBe(404);
    const add = await get(`/admin/it/plan/${id}/indicators/new`, milan.editor);
    expect(add.body).toContain('LA CITTÀ METROPOLITANA NEL MONDO');
  });

  it("when a project runs from 2022 to 2024, then each of those years' reports counts it, a running one counts from its start, one of 2025 counts in none", async () => {
    const { id } = await objectives();
    const across = await makeProject(ctx.services, milanId, {
      titleIt: 'Acqua per tre anni',
      status: 'closed',
      startsOn: '2022-03-01',
      endsOn: '2024-06-30',
    });
    const later = await makeProject(ctx.services, milanId, {
      titleIt: 'Dopo il piano',
      startsOn: '2025-01-10',
    });
    // Running without an end day: still going today, so a year after its start counts it too.
    const going = await makeProject(ctx.services, milanId, {
      titleIt: 'Ancora in corso',
      status: 'running',
      startsOn: '2023-02-01',
    });
    for (const p of [across, later, going]) {
      const res = await post(`/admin/it/plan/${id}/links`, milan.editor, { record: `project:${p.id}` });
      expect(res.statusCode, res.body).toBe(303);
    }
    for (const year of [2022, 2023, 2024]) {
      const page = (await get(`/admin/en/plan/${id}/report/${year}`, milan.viewer)).body;
      const done = page.slice(
        page.indexOf(`What was done in ${year}`),
        page.indexOf('Other linked activities'),
      );
      expect(done, String(year)).toContain('Acqua per tre anni');
      expect(done, String(year)).not.toContain('Dopo il piano');
      if (year === 2022) expect(done).not.toContain('Ancora in corso');
      else expect(done, String(year)).toContain('Ancora in corso');
    }
  });

  it('when an operational objective has no programme, then both missing fields are named at once', async () => {
    const res = await post('/admin/en/plan/new', milan.editor, {
      level: 'operational',
      titleIt: 'Senza programma',
      mandateFrom: '2019',
      mandateTo: '2024',
      mission: '19',
      firstYear: '2022',
      lastYear: '2024',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body, 'programme')).toContain('programme 1901 or 1902');
    expect(errorOf(res.body, 'parentId')).toBeUndefined();
  });

  it('when a viewer opens the forms, or Florence opens the objective, then they are refused or find nothing', async () => {
    const { id, parentId } = await objectives();
    expect((await get(`/admin/it/plan/${id}/money`, milan.viewer)).statusCode).toBe(403);
    expect((await post(`/admin/it/plan/${id}/money`, milan.viewer, { version: '1' })).statusCode).toBe(403);
    for (const url of [
      `/admin/en/plan/${id}`,
      `/admin/en/plan/${id}/edit`,
      `/admin/en/plan/${id}/report/2023`,
    ]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const del = await post(`/admin/en/plan/${parentId}/delete`, florenceEditor, { version: '1' });
    expect(del.statusCode).toBe(404);
    const busy = await post(`/admin/en/plan/${parentId}/delete`, milan.editor, { version: '1' });
    expect(busy.statusCode).toBe(409);
    expect(busy.body).toContain('cannot be deleted');
  });
});
