// The back-office page of the institution's settings, /admin/{it,en}/settings: its admins set the contacts,
// the accessibility statement and the privacy notice the portal shows, and their sources. Thin handlers on the
// shared record-page flow (admin.forms.tsx) and the institutions' admin service.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import type { Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import {
  type Ctx,
  type FormFlow,
  formPage,
  type LangRequest,
  READ,
  recordPages,
  WRITE_PAGE,
} from '../admin/admin.forms.tsx';
import { AuditTable } from '../audit/views/history.tsx';
import type { Institution } from './institutions.schemas.ts';
import type { SettingsFields } from './institutions.service.ts';
import { institutionsStrings } from './institutions.strings.ts';
import { SETTINGS_FIELDS, SETTINGS_SPECS, settingsValues } from './views/settings.tsx';

const settingsFields = (v: Values, stored: Institution): SettingsFields => ({
  address: v['address'] ?? '',
  taxCode: v['taxCode'] ?? '',
  vatNumber: v['vatNumber'] ?? '',
  pec: v['pec'] ?? '',
  email: v['email'] ?? '',
  phone: v['phone'] ?? '',
  website: v['website'] ?? '',
  accessibilityUrl: v['accessibilityUrl'] ?? '',
  privacyTextIt: v['privacyTextIt'] ?? '',
  privacyTextEn: v['privacyTextEn'] ?? '',
  sources: sourcesFromLines(v['sources'] ?? '', stored.sources),
});

export function institutionsPages(services: Services) {
  const admin = services.institutionsAdmin;
  const pages = recordPages();

  const settings = (c: Ctx): FormFlow => {
    const t = backofficeStrings(c.lang);
    const own = institutionsStrings(c.lang);
    const path = `/admin/${c.lang}/settings`;
    return {
      fields: SETTINGS_FIELDS,
      path: 'settings',
      back: `/admin/${c.lang}/`,
      versioned: true,
      stored: (current) => settingsValues(current as Institution),
      render: async (state) => {
        const { institution, history } = await admin.settings(c.actor);
        const name = c.lang === 'it' ? institution.nameIt : institution.nameEn;
        const form = formPage(c, state, {
          title: own.title,
          lead: own.lead(name),
          action: path,
          version: institution.version,
          specs: SETTINGS_SPECS,
          values: settingsValues(institution),
          submit: t.save,
          back: { href: `/admin/${c.lang}/`, label: own.back },
        });
        return {
          title: form.title,
          body: (
            <>
              {form.body}
              <AuditTable lang={c.lang} rows={history} variant="record" heading={own.history} />
            </>
          ),
        };
      },
      save: async (values, version) => {
        const { institution } = await admin.settings(c.actor);
        await admin.updateSettings(c.actor, version, settingsFields(values, institution));
        return `${path}?saved=1`;
      },
    };
  };

  return async function routes(app: App) {
    // The form's page shows the notice a save's redirect asked for (?saved=1).
    app.get('/admin/:lang/settings', READ, async (request: LangRequest, reply) => {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      const flow = settings(c);
      return pages.readPage(
        reply,
        c,
        flow.path,
        flow.back,
        () => flow.render({}),
        pages.doneNotice(request, c.lang),
      );
    });
    app.post('/admin/:lang/settings', WRITE_PAGE, (request, reply) =>
      pages.submitForm(request, reply, settings),
    );
  };
}
