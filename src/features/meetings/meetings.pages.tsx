// The back-office pages of meetings under /admin/{it,en}/meetings: the list, a meeting's page, the forms to
// record and edit one, and deleting it. Thin handlers on the shared record-page flow and the admin service.

import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import { titleIn } from '../../views/backoffice/agenda.tsx';
import type { Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import {
  type Ctx,
  type FormFlow,
  formPage,
  oneOf,
  type Rendered,
  recordPages,
  textsOf,
  typed,
} from '../admin/admin.forms.tsx';
import { field } from '../admin/admin.kit.tsx';
import { MEETING_STATUSES } from './meetings.rules.ts';
import type { MeetingRecord } from './meetings.schemas.ts';
import { MEETING_SORTS, type MeetingFields } from './meetings.service.ts';
import { meetingsStrings } from './meetings.strings.ts';
import {
  MEETING_FIELDS,
  MeetingListView,
  MeetingView,
  meetingSpecs,
  meetingValues,
} from './views/meetings.tsx';

const meetingFields = (values: Values): MeetingFields => ({
  ...textsOf(values, MEETING_FIELDS),
  agreementIds: (values['agreementIds'] ?? '').split('\n').filter(Boolean),
  networkIds: (values['networkIds'] ?? '').split('\n').filter(Boolean),
});

export function meetingsPages(services: Services) {
  const admin = services.meetingsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'meetings',
      (q) => ({
        q: typed(q, 'q', 200),
        status: oneOf(MEETING_STATUSES, field(q, 'status'), ''),
        when: oneOf(['upcoming', 'past'] as const, field(q, 'when'), ''),
        sort: oneOf(MEETING_SORTS, field(q, 'sort'), '-starts'),
      }),
      async (c, filters, page) => ({
        title: meetingsStrings(c.lang).title,
        body: (
          <MeetingListView
            lang={c.lang}
            data={
              await admin.meetings(c.actor, {
                q: filters.q,
                status: filters.status || undefined,
                when: filters.when || undefined,
                sort: filters.sort || undefined,
                page,
                lang: c.lang,
              })
            }
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const meetingRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.meeting(c.actor, id);
      const followUps = await services.followUps.of(c.actor, 'meeting', id);
      return {
        title: `${titleIn(data.meeting, c.lang)} — ${meetingsStrings(c.lang).title}`,
        body: (
          <MeetingView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            data={{ ...data, followUps }}
          />
        ),
      };
    };

    const meetingForm =
      (id?: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = meetingsStrings(c.lang);
        const list = `/admin/${c.lang}/meetings`;
        const record = id ? `${list}/${id}` : undefined;
        return {
          fields: MEETING_FIELDS,
          lists: ['agreementIds', 'networkIds'],
          path: id ? `meetings/${id}/edit` : 'meetings/new',
          back: list,
          versioned: id !== undefined,
          stored: (current) => meetingValues(current as MeetingRecord),
          render: async (state) => {
            const { meeting, choices } = await admin.meetingForm(c.actor, id);
            return formPage(c, state, {
              title: meeting ? own.editTitle(titleIn(meeting, c.lang)) : own.add,
              lead: own.addLead,
              action: record ? `${record}/edit` : `${list}/new`,
              ...(meeting ? { version: meeting.version } : {}),
              specs: meetingSpecs(c.lang, choices),
              values: meeting ? meetingValues(meeting) : { status: 'proposed', mode: 'in_person' },
              submit: meeting ? t.save : t.create,
              back: record ? { href: record, label: t.backToRecord } : { href: list, label: t.backToList },
            });
          },
          save: async (values, version) => {
            if (!id) {
              const created = await admin.createMeeting(c.actor, meetingFields(values));
              return `${list}/${created.id}?created=1`;
            }
            await admin.updateMeeting(c.actor, id, version, meetingFields(values));
            return `${record}?saved=1`;
          },
        };
      };

    pages.formRoutes(app, 'meetings/new', meetingForm());
    pages.recordRoute(app, 'meetings', meetingRender);
    pages.recordFormRoutes(app, 'meetings', 'edit', (id) => meetingForm(id));
    pages.deleteRoute(app, 'meetings', {
      run: async (c, id, version) => {
        await admin.deleteMeeting(c.actor, id, version);
        return `/admin/${c.lang}/meetings?deleted=1`;
      },
      page: meetingRender,
    });
  };
}
