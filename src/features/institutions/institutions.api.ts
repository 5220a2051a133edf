import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import { API_SECURITY, ERRORS, keep, PATCH_NOTE } from '../../platform/http/record-writes.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { Institution, InstitutionDetail, InstitutionSettingsChanges } from './institutions.schemas.ts';
import type { SettingsFields } from './institutions.service.ts';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 60 }) });

/** A PATCH's fields over the stored settings: a field left out keeps its value, null or "" clears it. */
function settingsFields(
  body: Omit<InstitutionSettingsChanges, 'version'>,
  stored: Institution,
): SettingsFields {
  return {
    address: keep(body.address, stored.address),
    taxCode: keep(body.taxCode, stored.taxCode),
    vatNumber: keep(body.vatNumber, stored.vatNumber),
    pec: keep(body.pec, stored.pec),
    email: keep(body.email, stored.email),
    phone: keep(body.phone, stored.phone),
    website: keep(body.website, stored.website),
    accessibilityUrl: keep(body.accessibilityUrl, stored.accessibilityUrl),
    privacyTextIt: keep(body.privacyTextIt, stored.privacyTextIt),
    privacyTextEn: keep(body.privacyTextEn, stored.privacyTextEn),
    sources: body.sources ?? stored.sources,
  };
}

export function institutionsApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/institutions',
      {
        config: PUBLIC,
        schema: {
          tags: ['institutions'],
          operationId: 'listInstitutions',
          security: [],
          summary: 'Institutions that keep their international relations in Ponte',
          headers: ConditionalHeaders,
          // An If-None-Match header over its length limit is refused with 400.
          response: {
            ...cachedResponses(Type.Object({ items: Type.Array(Institution) })),
            400: ErrorResponse,
          },
        },
      },
      async () => ({ items: await services.institutions.list() }),
    );

    app.get(
      '/institutions/:slug',
      {
        config: PUBLIC,
        schema: {
          tags: ['institutions'],
          operationId: 'getInstitution',
          security: [],
          summary: 'One institution with its office units',
          params: SlugParams,
          headers: ConditionalHeaders,
          response: { ...cachedResponses(InstitutionDetail), 404: ErrorResponse },
        },
      },
      async (req) => services.institutions.get(req.params.slug),
    );

    app.patch(
      '/institutions/:slug/settings',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['institutions'],
          operationId: 'updateInstitutionSettings',
          summary: "Change the institution's settings",
          description:
            'Contacts (address, tax code, VAT number, PEC, e-mail, telephone, website), the accessibility ' +
            "statement the portal's footer links, the portal's privacy notice and their sources. " +
            `${PATCH_NOTE} Only the caller's own institution (another one answers 404), and only an admin's ` +
            'session with its X-CSRF-Token header: API tokens act as editors or viewers and answer 403.',
          security: API_SECURITY,
          params: SlugParams,
          body: InstitutionSettingsChanges,
          response: { 200: Institution, ...ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { version, ...changes } = request.body;
        const stored = await services.institutionsAdmin.own(actor, request.params.slug);
        return services.institutionsAdmin.updateSettings(actor, version, settingsFields(changes, stored));
      },
    );
  };
}
