// The contacts import's page through HTTP, as an office worker uses it: a consular list saved by Excel (Latin-1,
// semicolons) checked first, its problems by line in the page's language and nothing written; a good list's
// report with its likely duplicates, then the confirmation that writes it, audited as the editor; a viewer
// refused; a person above the importer's role never named in the report.
import { describe, expect, it } from 'vitest';
import {
  app,
  ctx,
  get,
  milan,
  milanId,
  one,
  post,
  type Staff,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';
import { BLANK_PERSON } from './people.service.ts';

useRecordsPages();

function upload(lang: 'it' | 'en', who: Staff, kind: string, bytes: Buffer) {
  const boundary = `----ponte${Date.now()}`;
  const fieldPart = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    fieldPart('_csrf', who.csrf) +
      fieldPart('kind', kind) +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="consolati.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  return app.inject({
    method: 'POST',
    url: `/admin/${lang}/people/import`,
    headers: { cookie: who.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const latin1 = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
const count = async (like: string) =>
  (await one<{ n: number }>(
    'select count(*)::int n from organisations where institution_id = $1 and name_it like $2',
    [milanId, like],
  ))!.n;

describe('the contacts import page', () => {
  it('when a list has a bad row, then the report names its line, column and problem in Italian, and nothing is written', async () => {
    const tag = uniqueSlug('imp');
    const res = await upload(
      'it',
      milan.editor,
      'consular_post',
      latin1([
        'Paese;Sede;Nome;Città;Sito',
        `Giappone;Consolato generale;Consolato del Giappone ${tag};Milano;https://www.milano.it.emb-japan.go.jp`,
        `Perù;Consolato generale;Consolato del Perù ${tag};Milano;javascript:alert(1)`,
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Problemi da correggere nel file');
    expect(res.body).toMatch(/<td>3<\/td>\s*<td><code>website<\/code><\/td>/);
    expect(res.body).toContain('Controlla questo campo');
    expect(res.body).not.toContain('name="data"');
    expect(await count(`%${tag}`)).toBe(0);
  });

  it('when a good list is checked and confirmed, then the report shows what it would write and its likely duplicates, and the confirmation writes it as the editor', async () => {
    const tag = uniqueSlug('imp');
    const file = latin1([
      'Paese;Sede;Nome;Indirizzo;Città;Capo sede;Qualifica',
      `Perù;Consolato generale;Consolato Generale del Perù ${tag};Via Ugo Foscolo 1;Milano;José Pérez ${tag};Console generale`,
      `Perù;Consolato generale;Consolato Generale del Perù a Milano ${tag};Via Ugo Foscolo 1;Milano;;`,
    ]);
    const checked = await upload('en', milan.editor, 'consular_post', file);
    expect(checked.statusCode, checked.body.slice(0, 300)).toBe(200);
    expect(checked.body).toContain('It would create 2 organisations and 1 people');
    expect(checked.body).toContain('Likely duplicates');
    expect(checked.body).toContain(
      `the organisation “Consolato Generale del Perù a Milano ${tag}” looks like the one on line 2`,
    );
    expect(await count(`%${tag}`)).toBe(0);

    const data = /name="data" value="([^"]+)"/.exec(checked.body)?.[1];
    expect(data).toBeDefined();
    const done = await post('/admin/en/people/import/confirm', milan.editor, {
      kind: 'consular_post',
      data: data!,
    });
    expect(done.statusCode, done.body.slice(0, 300)).toBe(200);
    expect(done.body).toContain('Imported: 2 organisations and 1 people created.');
    expect(await count(`%${tag}`)).toBe(2);
    // Latin-1 read as such: the accented name arrived whole.
    const person = await one<{ name: string }>(
      'select name from people where institution_id = $1 and name like $2',
      [milanId, `%${tag}`],
    );
    expect(person?.name).toBe(`José Pérez ${tag}`);
    const audit = await one<{ n: number }>(
      `select count(*)::int n from audit_events where action = 'import' and entity = 'organisations' and actor = $1 and after->>'organisations' = '2'`,
      [milan.editor.email],
    );
    expect(audit?.n).toBeGreaterThanOrEqual(1);
  });

  it('when a viewer opens the import or sends a file, or a confirmation comes without the form’s token, then it is refused and nothing is written', async () => {
    expect((await get('/admin/it/people/import', milan.viewer)).statusCode).toBe(403);
    const tag = uniqueSlug('imp');
    const res = await upload('it', milan.viewer, 'association', latin1(['Nome', `Associazione ${tag}`]));
    expect(res.statusCode).toBe(403);
    const confirmed = await post('/admin/it/people/import/confirm', milan.viewer, {
      kind: 'association',
      data: Buffer.from(`Nome\r\nAssociazione ${tag}`).toString('base64url'),
    });
    expect(confirmed.statusCode).toBe(403);
    // An editor's confirmation that did not come from the page (no form token) is refused as well.
    const forged = await app.inject({
      method: 'POST',
      url: '/admin/it/people/import/confirm',
      headers: { cookie: milan.editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `kind=association&data=${Buffer.from(`Nome\r\nAssociazione ${tag}`).toString('base64url')}`,
    });
    expect(forged.statusCode).toBe(403);
    expect(await count(`%${tag}`)).toBe(0);
  });

  it('when a row names a person kept only for admins, then an editor’s report does not say that person exists; an admin’s does', async () => {
    const tag = uniqueSlug('imp');
    await ctx.services.people.create(milanId, {
      ...BLANK_PERSON,
      name: `Riservata Rossi ${tag}`,
      legalBasis: 'public_task',
      visibility: 'admins',
    });
    const file = latin1(['Nome;Capo sede', `Associazione ${tag};Riservata Rossi ${tag}`]);
    const asEditor = await upload('it', milan.editor, 'association', file);
    expect(asEditor.statusCode).toBe(200);
    expect(asEditor.body).not.toContain('già registrata');
    const asAdmin = await upload('it', milan.admin, 'association', file);
    expect(asAdmin.body).toContain(`somiglia a «Riservata Rossi ${tag}», già registrata`);
  });
});
