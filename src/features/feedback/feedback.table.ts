import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutions } from '../institutions/institutions.table.ts';

/** Answers of the page-feedback widget of the Modello Comuni: one row per submission, nothing personal. */
export const pageFeedback = pgTable(
  'page_feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    page: text('page').notNull(),
    lang: text('lang').notNull(),
    rating: smallint('rating').notNull(),
    /** Index (0-4) of the follow-up answer chosen, within the positive or negative group the rating implies. */
    answer: smallint('answer'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('page_feedback_institution_page_idx').on(t.institutionId, t.page),
    check('page_feedback_rating_ck', sql`rating between 1 and 5`),
    check('page_feedback_answer_ck', sql`answer is null or answer between 0 and 4`),
  ],
);
