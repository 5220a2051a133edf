// The back-office forms of follow-ups, under the record they belong to: /admin/{lang}/{visits|missions|
// meetings}/:id/follow-ups/new, .../follow-ups/:childId/edit, /done and /delete. Each goes back to the record's
// page, where the follow-ups are listed.
import type { Services } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import {
  type Ctx,
  type FormFlow,
  formPage,
  type Rendered,
  recordPages,
  textsOf,
} from '../admin/admin.forms.tsx';
import type { FollowUp, SubjectKind } from './follow-ups.service.ts';

const FIELDS = ['action', 'owner', 'dueOn', 'doneOn'] as const;
const BASES: Record<SubjectKind, string> = { visit: 'visits', mission: 'missions', meeting: 'meetings' };

const WORDS = {
  it: {
    add: 'Aggiungi un’azione da seguire',
    edit: 'Modifica un’azione da seguire',
    back: 'Torna alla scheda',
  },
  en: { add: 'Add an action to follow up', edit: 'Edit an action to follow up', back: 'Back to the record' },
};

const values = (f: FollowUp): Values => ({
  action: f.action,
  owner: f.owner ?? '',
  dueOn: f.dueOn ?? '',
  doneOn: f.doneOn ?? '',
});

export function followUpsPages(services: Services) {
  const followUps = services.followUps;
  const pages = recordPages();

  /** The follow-up, if it is this record's: another record's address answers 404 like a stranger's. */
  const belongs = async (c: Ctx, kind: SubjectKind, subjectId: string, id: string) => {
    const f = await followUps.form(c.actor, id);
    if (f.kind !== kind || f.subjectId !== subjectId) throw AppError.notFound('Follow-up', id);
    return f;
  };

  return async function routes(app: App) {
    for (const [kind, base] of Object.entries(BASES) as [SubjectKind, string][]) {
      const form =
        (subjectId: string, id?: string) =>
        (c: Ctx): FormFlow => {
          const t = backofficeStrings(c.lang);
          const record = `/admin/${c.lang}/${base}/${subjectId}`;
          return {
            fields: FIELDS,
            path: id ? `${base}/${subjectId}/follow-ups/${id}/edit` : `${base}/${subjectId}/follow-ups/new`,
            back: record,
            versioned: id !== undefined,
            stored: (current) => values(current as FollowUp),
            render: async (state) => {
              const stored = id ? await belongs(c, kind, subjectId, id) : undefined;
              if (!stored) await followUps.of(c.actor, kind, subjectId);
              return formPage(c, state, {
                title: stored ? WORDS[c.lang].edit : WORDS[c.lang].add,
                action: stored ? `${record}/follow-ups/${stored.id}/edit` : `${record}/follow-ups/new`,
                ...(stored ? { version: stored.version } : {}),
                specs: [
                  { name: 'action', required: true },
                  { name: 'owner' },
                  { name: 'dueOn', kind: 'date' },
                  { name: 'doneOn', kind: 'date' },
                ],
                values: stored ? values(stored) : {},
                submit: stored ? t.save : t.create,
                back: { href: record, label: t.backToRecord },
              });
            },
            save: async (sent, version) => {
              const fields = textsOf(sent, FIELDS);
              if (id) await belongs(c, kind, subjectId, id);
              if (id) await followUps.update(c.actor, id, version, fields);
              else await followUps.add(c.actor, kind, subjectId, fields);
              return `${record}?saved=1`;
            },
          };
        };

      // A refused one-button action (a stale version) shows a short page that leads back to the record.
      const back = async (c: Ctx, subjectId: string): Promise<Rendered> => ({
        title: WORDS[c.lang].edit,
        body: (
          <p>
            <a href={`/admin/${c.lang}/${base}/${subjectId}`}>{WORDS[c.lang].back}</a>
          </p>
        ),
      });

      pages.recordFormRoutes(app, base, 'follow-ups/new', (subjectId) => form(subjectId));
      pages.childRoutes(app, base, 'follow-ups', {
        form,
        run: async (c, subjectId, id, version) => {
          await belongs(c, kind, subjectId, id);
          await followUps.remove(c.actor, id, version);
          return `/admin/${c.lang}/${base}/${subjectId}?saved=1`;
        },
        page: back,
      });
      pages.childAction(app, base, 'follow-ups', 'done', {
        run: async (c, subjectId, id, version) => {
          await belongs(c, kind, subjectId, id);
          await followUps.done(c.actor, id, version);
          return `/admin/${c.lang}/${base}/${subjectId}?saved=1`;
        },
        page: back,
      });
    }
  };
}
