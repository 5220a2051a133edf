// The back-office's use cases of the institution itself: its settings (contacts, accessibility statement,
// privacy notice, sources), read and changed by an admin of that institution only, under row-level security,
// at a version, each change audited with the settings before and after.
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, meets, requireAdmin } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService, SettingsFields } from './institutions.service.ts';

export function createInstitutionsAdmin(deps: { database: Database; institutions: InstitutionsService }) {
  const { database, institutions } = deps;
  const { asStaff, updated } = staffWork(database);

  return {
    /** Whether the actor may change the settings: the back-office shows the page to admins only. */
    canEdit: (actor: Actor): boolean => meets(actor, 'admin'),

    /** The settings to edit, with their history (admins only). */
    settings(actor: Actor) {
      requireAdmin(actor);
      return asStaff(actor, async (institutionId) => ({
        institution: await institutions.byId(institutionId),
        history: await recordHistory(database, 'institution', institutionId, HISTORY_LIMIT),
      }));
    },

    /** The institution an API call names, if it is the caller's own (another one answers 404). */
    own(actor: Actor, slug: string) {
      requireAdmin(actor);
      if (slug !== actor.institutionSlug) throw AppError.notFound('Institution', slug);
      return asStaff(actor, (institutionId) => institutions.byId(institutionId));
    },

    updateSettings(actor: Actor, version: number, fields: SettingsFields) {
      requireAdmin(actor);
      return updated(
        actor,
        'institution',
        actor.institutionId,
        (institutionId) => institutions.byId(institutionId),
        (institutionId) => institutions.updateSettings(institutionId, version, fields),
      );
    },
  };
}

export type InstitutionsAdmin = ReturnType<typeof createInstitutionsAdmin>;
