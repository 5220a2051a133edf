// The back-office's use cases of agreements, by Actor: every one runs as the actor's institution under
// row-level security, writes are refused to viewers, and every write leaves its audit row in the same
// transaction. Used by the agreements' pages and JSON writes (agreements.pages.tsx, agreements.admin-api.ts).
import type { Database } from '../../platform/db/client.ts';
import { type Actor, requireWriter } from '../accounts/accounts.access.ts';
import type { AttachmentsService } from '../attachments/attachments.service.ts';
import { auditRows, staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { toInput } from './agreements.files.ts';
import type {
  Agreement,
  AgreementChanges,
  AgreementInput,
  AgreementListQuery,
  StatusEventInput,
} from './agreements.schemas.ts';
import type { AgreementsService } from './agreements.service.ts';

/** The fields of an agreement the audit log keeps, before and after a change. */
const snapshot = (a: Agreement) => ({
  status: a.status,
  statusSince: a.statusSince,
  published: a.published,
  version: a.version,
});

/** The fields that differ between two versions of an agreement, as the audit log keeps them. */
export function changedFields(before: Agreement, after: Agreement) {
  const a = { ...toInput(before), published: before.published } as Record<string, unknown>;
  const b = { ...toInput(after), published: after.published } as Record<string, unknown>;
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    was[key] = a[key] ?? null;
    now[key] = b[key] ?? null;
  }
  return { before: { ...was, version: before.version }, after: { ...now, version: after.version } };
}

export interface AgreementsAdminDeps {
  database: Database;
  agreements: AgreementsService;
  attachments: AttachmentsService;
  institutions: InstitutionsService;
}

/** What the agreement pages read: a page of the list, an agreement with its history and files, its form. */
function agreementReads({ database, agreements, attachments, institutions }: AgreementsAdminDeps) {
  const { asStaff } = staffWork(database);
  return {
    /** A page of the institution's agreements, unpublished included. */
    listAgreements(
      actor: Actor,
      filters: {
        q?: string;
        status?: string;
        kind?: string;
        sort?: string;
        cursor?: string;
        limit?: number;
        lang?: 'it' | 'en';
      },
    ) {
      return asStaff(actor, () =>
        agreements.list(
          {
            institution: actor.institutionSlug,
            limit: filters.limit ?? 25,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.status ? { status: filters.status as Agreement['status'] } : {}),
            ...(filters.kind ? { kind: filters.kind as Agreement['kind'] } : {}),
            ...(filters.sort ? { sort: filters.sort as AgreementListQuery['sort'] & string } : {}),
            ...(filters.cursor ? { cursor: filters.cursor } : {}),
            ...(filters.lang ? { lang: filters.lang } : {}),
          },
          { includeUnpublished: true },
        ),
      );
    },

    agreement(actor: Actor, id: string) {
      return asStaff(actor, async () => ({
        agreement: await agreements.get(id, { includeUnpublished: true }),
        audit: await auditRows(database, `entity = 'agreement' and entity_id = $1`, [id], 50),
        attachments: await attachments.list(id),
      }));
    },

    /** An agreement with what its edit form offers (the institution's units). */
    agreementForEdit(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        agreement: await agreements.get(id, { includeUnpublished: true }),
        units: await institutions.unitsOf(institutionId),
      }));
    },
  };
}

/** The writes of an agreement's fields and status, each audited. */
function agreementWrites({ database, agreements }: AgreementsAdminDeps) {
  const { asStaff, audit } = staffWork(database);

  /**
   * Edits an agreement and, when asked, publishes or withdraws it, in one transaction from one version;
   * the audit log keeps the fields that changed.
   */
  function edit(
    actor: Actor,
    id: string,
    input: {
      /** The changes, or a function that makes them from the stored agreement (a form keeping what it showed). */
      changes: AgreementChanges | ((stored: Agreement) => AgreementChanges);
      published?: boolean;
    },
    version: number,
  ) {
    requireWriter(actor);
    return asStaff(actor, async () => {
      const before = await agreements.get(id, { includeUnpublished: true });
      const changes = typeof input.changes === 'function' ? input.changes(before) : input.changes;
      let after = before;
      let at = version;
      if (Object.keys(changes).length > 0) {
        after = await agreements.update(id, changes, at);
        at = after.version;
      }
      if (input.published !== undefined && input.published !== after.published) {
        after = await agreements.setPublished(id, input.published, at);
      } else if (at === version && before.version !== version) {
        // Nothing to change, but the caller's version is stale all the same: say so.
        after = await agreements.update(id, {}, version);
      }
      const diff = changedFields(before, after);
      if (after.version !== before.version) {
        await audit(actor, { action: 'update', entity: 'agreement', entityId: id, ...diff });
      }
      return after;
    });
  }

  return {
    edit,

    /** Sets or clears the "to verify" mark; audited as an edit, with the field that changed. */
    setToVerify(actor: Actor, id: string, toVerify: boolean, version: number) {
      return edit(actor, id, { changes: { toVerify } }, version);
    },

    setPublished(actor: Actor, id: string, published: boolean, version: number) {
      requireWriter(actor);
      return asStaff(actor, async () => {
        const before = await agreements.get(id, { includeUnpublished: true });
        const after = await agreements.setPublished(id, published, version);
        await audit(actor, {
          action: published ? 'publish' : 'unpublish',
          entity: 'agreement',
          entityId: id,
          before: snapshot(before),
          after: snapshot(after),
        });
        return after;
      });
    },

    create(actor: Actor, input: AgreementInput, opts: { checkTwinningRule?: boolean } = {}) {
      requireWriter(actor);
      // The agreements service writes the audit entry with the agreement.
      return asStaff(actor, () => agreements.create(actor.institutionSlug, input, actor, opts));
    },

    remove(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async () => {
        const before = await agreements.get(id, { includeUnpublished: true });
        await agreements.remove(id, version);
        await audit(actor, {
          action: 'delete',
          entity: 'agreement',
          entityId: id,
          before,
          after: undefined,
        });
      });
    },

    recordStatus(
      actor: Actor,
      id: string,
      input: StatusEventInput,
      version: number,
      opts: { confirmed?: boolean } = {},
    ) {
      requireWriter(actor);
      return asStaff(actor, async () => {
        const before = await agreements.get(id, { includeUnpublished: true });
        const after = await agreements.recordStatus(id, input, version, opts);
        await audit(actor, {
          action: input.outcome === 'rejected' ? 'record_rejected_motion' : 'change_status',
          entity: 'agreement',
          entityId: id,
          before: snapshot(before),
          after: { ...snapshot(after), event: input },
        });
        return after;
      });
    },
  };
}

/** The files kept with an agreement: added and removed with an audit row, read under row-level security. */
function agreementFiles({ database, attachments }: AgreementsAdminDeps) {
  const { asStaff, audit } = staffWork(database);
  const described = (file: { id: string; filename: string; contentType: string; size: number }) => ({
    attachment: file.id,
    filename: file.filename,
    type: file.contentType,
    size: file.size,
  });
  return {
    /** Keeps a file with an agreement; the type is read from the content, the size limited. */
    addAttachment(actor: Actor, agreementId: string, file: { filename: string; bytes: Buffer }) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const added = await attachments.add({
          institutionId,
          agreementId,
          filename: file.filename,
          bytes: file.bytes,
          actor: actor.label,
        });
        await audit(actor, {
          action: 'attach',
          entity: 'agreement',
          entityId: agreementId,
          before: undefined,
          after: described(added),
        });
        return added;
      });
    },

    /** One attachment with its bytes; another institution's is not found (row-level security). */
    attachment(actor: Actor, id: string) {
      return asStaff(actor, () => attachments.get(id));
    },

    removeAttachment(actor: Actor, agreementId: string, id: string) {
      requireWriter(actor);
      return asStaff(actor, async () => {
        const removed = await attachments.remove(agreementId, id);
        await audit(actor, {
          action: 'detach',
          entity: 'agreement',
          entityId: agreementId,
          before: described(removed),
          after: undefined,
        });
      });
    },
  };
}

export function createAgreementsAdmin(deps: AgreementsAdminDeps) {
  return { ...agreementReads(deps), ...agreementWrites(deps), ...agreementFiles(deps) };
}

export type AgreementsAdmin = ReturnType<typeof createAgreementsAdmin>;
