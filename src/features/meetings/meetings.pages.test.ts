// The meetings' back-office pages through HTTP: recording a meeting through the form, a field error in both
// languages, a viewer who only reads, isolation between institutions.
import { describe, expect, it } from 'vitest';
import { makeMeeting } from '../../../test/factories-backoffice.ts';
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

describe('meetings', () => {
  it('when an editor records an online meeting, then its page shows it, internal fields marked, and a viewer reads without buttons', async () => {
    const saved = await post('/admin/en/meetings/new', milan.editor, {
      titleIt: 'Videochiamata con il sindaco di Kyoto',
      startsOn: '2027-02-11',
      startsAt: '09:00',
      mode: 'online',
      host: 'Il Sindaco',
      participants: 'Il sindaco di Kyoto e un interprete',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const id = String(saved.headers['location']).split('/').pop()!.split('?')[0]!;
    const page = await get(`/admin/en/meetings/${id}`, milan.viewer);
    for (const text of [
      'Online',
      '11 February 2027, 09:00',
      'Who came (internal)',
      'Il sindaco di Kyoto e un interprete',
    ]) {
      expect(page.body, text).toContain(text);
    }
    expect(page.body).not.toContain(`/admin/en/meetings/${id}/edit`);
  });

  it('when the times are the wrong way round, then the form says so in the page language and nothing is stored', async () => {
    const title = `Incontro errato ${Date.now()}`;
    for (const lang of ['it', 'en'] as const) {
      const res = await post(`/admin/${lang}/meetings/new`, milan.editor, {
        titleIt: title,
        startsOn: '2027-02-11',
        startsAt: '12:00',
        endsAt: '11:00',
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body, 'startsAt')).toContain(
        lang === 'it' ? 'l’inizio non può venire dopo la fine' : 'the start cannot come after the end',
      );
    }
    expect(await one('select 1 from meetings where title_it = $1', [title])).toBeUndefined();
  });

  it("when a Florence editor reaches for Milan's meeting, then it does not exist for them", async () => {
    const m = await makeMeeting(ctx.services, milanId);
    for (const url of [`/admin/en/meetings/${m.id}`, `/admin/en/meetings/${m.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    expect(
      (await post(`/admin/en/meetings/${m.id}/delete`, florenceEditor, { version: '1' })).statusCode,
    ).toBe(404);
    expect(await one('select version from meetings where id = $1', [m.id])).toEqual({ version: 1 });
  });
});
