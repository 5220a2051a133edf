import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table.ts';
import { gifts } from '../gifts/gifts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files kept with an agreement (the signed text, photographs) or a gift (its photographs), stored in the
 * database like everything else; each belongs to exactly one of them and goes with it.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    giftId: uuid('gift_id').references(() => gifts.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    /** Detected from the content, never taken from the upload's own claim. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_agreement_idx').on(t.agreementId, t.createdAt),
    index('attachments_gift_idx').on(t.giftId, t.createdAt),
    check('attachments_one_owner_ck', sql`num_nonnulls(${t.agreementId}, ${t.giftId}) = 1`),
  ],
);
