// Attachments of an agreement: the type comes from the file's first bytes, not from its name or the
// browser's claim; the size is limited; the bytes live in the database, so every instance serves them.
import { createHash } from 'node:crypto';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The types accepted, by their signature. */
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { type: 'application/pdf', ext: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    ext: 'png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export function detectType(bytes: Buffer): { type: string; ext: string } | undefined {
  const found = SIGNATURES.find((s) => bytes.length >= 12 && s.test(bytes));
  return found ? { type: found.type, ext: found.ext } : undefined;
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFilename(name: string, ext: string): string {
  // Control characters, path separators and the characters Windows refuses become "_".
  const safe = [...name.normalize('NFC')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/"<>|:*?'.includes(ch) ? '_' : ch))
    .join('');
  const base = safe
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 120);
  return `${base || 'file'}.${ext}`;
}

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  createdBy: string;
  createdAt: string;
}

interface InfoRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  created_by: string;
  created_at: string;
}

const INFO_COLUMNS = 'id, filename, content_type, size, created_by, created_at::text';

const toInfo = (r: InfoRow): AttachmentInfo => ({
  id: r.id,
  filename: r.filename,
  contentType: r.content_type,
  size: r.size,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function createAttachmentsService(deps: { database: Database }) {
  const { database } = deps;
  return {
    /**
     * Stores a file for an agreement (or, with `giftId`, a gift) of the given institution; refuses unknown
     * types and big files.
     */
    async add(input: {
      institutionId: string;
      agreementId?: string;
      giftId?: string;
      filename: string;
      bytes: Buffer;
      actor: string;
    }): Promise<AttachmentInfo> {
      const owner = input.giftId
        ? { column: 'gift_id', table: 'gifts', id: input.giftId, name: 'Gift' }
        : { column: 'agreement_id', table: 'agreements', id: input.agreementId ?? '', name: 'Agreement' };
      if (input.bytes.length === 0) throw AppError.invalid('file', 'The file is empty');
      if (input.bytes.length > MAX_ATTACHMENT_BYTES) {
        throw AppError.invalid('file', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
      }
      const kind = detectType(input.bytes);
      if (!kind) throw AppError.invalid('file', 'Only PDF, PNG, JPEG and WebP files are accepted');
      const [row] = await database.query<InfoRow>(
        `insert into attachments (institution_id, ${owner.column}, filename, content_type, size, sha256, data, created_by)
         select $1, o.id, $3, $4, $5, $6, $7, $8 from ${owner.table} o where o.id = $2 and o.institution_id = $1
         returning ${INFO_COLUMNS}`,
        [
          input.institutionId,
          owner.id,
          cleanFilename(input.filename, kind.ext),
          kind.type,
          input.bytes.length,
          createHash('sha256').update(input.bytes).digest('hex'),
          input.bytes,
          input.actor,
        ],
      );
      if (!row) throw AppError.notFound(owner.name, owner.id);
      return toInfo(row);
    },

    async list(agreementId: string): Promise<AttachmentInfo[]> {
      const rows = await database.query<InfoRow>(
        `select ${INFO_COLUMNS} from attachments where agreement_id = $1 order by created_at`,
        [agreementId],
      );
      return rows.map(toInfo);
    },

    /** Deletes an attachment of the agreement and says what it was. */
    async remove(agreementId: string, id: string): Promise<AttachmentInfo> {
      const [row] = await database.query<InfoRow>(
        `delete from attachments where id = $1 and agreement_id = $2
         returning ${INFO_COLUMNS}`,
        [id, agreementId],
      );
      if (!row) throw AppError.notFound('Attachment', id);
      return toInfo(row);
    },

    /** A gift's photographs. */
    async ofGift(giftId: string): Promise<AttachmentInfo[]> {
      const rows = await database.query<InfoRow>(
        `select ${INFO_COLUMNS} from attachments where gift_id = $1 order by created_at`,
        [giftId],
      );
      return rows.map(toInfo);
    },

    /** Deletes a photograph of the gift and says what it was. */
    async removeFromGift(giftId: string, id: string): Promise<AttachmentInfo> {
      const [row] = await database.query<InfoRow>(
        `delete from attachments where id = $1 and gift_id = $2 returning ${INFO_COLUMNS}`,
        [id, giftId],
      );
      if (!row) throw AppError.notFound('Attachment', id);
      return toInfo(row);
    },

    async get(id: string): Promise<AttachmentInfo & { bytes: Buffer }> {
      const [row] = await database.query<InfoRow & { data: Uint8Array }>(
        `select ${INFO_COLUMNS}, data from attachments where id = $1`,
        [id],
      );
      if (!row) throw AppError.notFound('Attachment', id);
      return { ...toInfo(row), bytes: Buffer.from(row.data) };
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
