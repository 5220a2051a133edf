// Who acts, and what their role lets them do: the one place where roles are checked. Every write takes an
// Actor, whichever way it comes (a page, the API, the CLI, an import, the seed), and its audit row names it.
import { AppError } from '../../platform/errors.ts';
import type { Role } from './accounts.table.ts';

/** Who acts: a signed-in user in their institution, an API token of an institution, the CLI or the seed. */
export interface Actor {
  userId: string | null;
  /** As the audit log shows it: an e-mail, "token <name>", "cli" or "seed". */
  label: string;
  institutionId: string;
  institutionSlug: string;
  role: Role;
  /** A platform administrator works in any institution as its admin. */
  platformAdmin?: boolean;
}

/** Who writes without an institution's scope (the demo seed, platform-wide records): shown in the log. */
export interface SystemActor {
  userId: null;
  label: 'cli' | 'seed' | 'first start';
}

export const SEED: SystemActor = { userId: null, label: 'seed' };
export const CLI: SystemActor = { userId: null, label: 'cli' };

/** The CLI acting in an institution: the person at the terminal runs the server, so as its admin. */
export function cliActor(institution: { id: string; slug: string }): Actor {
  return {
    userId: null,
    label: 'cli',
    institutionId: institution.id,
    institutionSlug: institution.slug,
    role: 'admin',
  };
}

/**
 * Who may call a route or run a use case: anyone signed in (`signedIn`, with or without a role somewhere), at
 * least a role in the institution worked in (`viewer` < `editor` < `admin`), or a platform administrator.
 */
export type Access = 'signedIn' | Role | 'platform';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Whether an actor may do what `access` asks (a platform administrator acts as admin wherever it works). */
export function meets(actor: Actor, access: Access): boolean {
  if (access === 'signedIn') return true;
  if (access === 'platform') return actor.platformAdmin === true;
  return RANK[actor.role] >= RANK[access];
}

export function requireAdmin(actor: Actor): void {
  if (!meets(actor, 'admin')) throw new AppError('forbidden', 'Only an admin of the institution can do this');
}

/** Editors and admins write; viewers only read. */
export function requireWriter(actor: Actor): void {
  if (!meets(actor, 'editor')) throw new AppError('forbidden', 'Your role does not allow this change');
}

/** Whether the actor may write (editors and admins); viewers only read. */
export const canWrite = (actor: Actor): boolean => meets(actor, 'editor');
