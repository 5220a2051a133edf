// Page feedback: stores the widget's answers and counts them per page.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { pageFeedback } from './feedback.table.ts';

/** An address of the portal as its pages write it: a path of printable ASCII, percent-encoded beyond. */
const PAGE_ADDRESS = /^\/[\x21-\x7e]*$/;

export interface FeedbackInput {
  page: string;
  lang: 'it' | 'en';
  rating: number;
  answer?: number | undefined;
  comment?: string | undefined;
}

export interface FeedbackCount {
  page: string;
  responses: number;
  average: number;
  byRating: Record<1 | 2 | 3 | 4 | 5, number>;
}

export function createFeedbackService({ db, institutions }: { db: Db; institutions: InstitutionsService }) {
  return {
    async record(institution: string, input: FeedbackInput): Promise<void> {
      if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
        throw AppError.invalid('rating', 'Choose a rating from 1 to 5');
      }
      if (
        input.answer !== undefined &&
        !(Number.isInteger(input.answer) && input.answer >= 0 && input.answer <= 4)
      ) {
        throw AppError.invalid('answer', 'Choose one of the answers offered');
      }
      if (!input.page.startsWith(`/${institution}/`) || input.page.length > 300) {
        throw AppError.invalid('page', 'The page rated is not a page of this institution');
      }
      // The answer sends the browser back to this address (a Location header): a line break in it would
      // split the header, and anything beyond printable ASCII is not an address the portal writes.
      if (!PAGE_ADDRESS.test(input.page)) {
        throw AppError.invalid('page', 'The page rated is not an address: printable ASCII without spaces');
      }
      const institutionId = await institutions.idOf(institution);
      await db.insert(pageFeedback).values({
        institutionId,
        page: input.page,
        lang: input.lang,
        rating: input.rating,
        answer: input.answer ?? null,
        comment: input.comment?.trim().slice(0, 2000) || null,
      });
    },

    /** Responses per page of an institution: how many, the average and how many gave each rating. */
    async counts(institution: string, page?: string): Promise<FeedbackCount[]> {
      const institutionId = await institutions.idOf(institution);
      const rows = await db
        .select({
          page: pageFeedback.page,
          rating: pageFeedback.rating,
          n: sql<number>`count(*)::int`,
        })
        .from(pageFeedback)
        .where(
          and(eq(pageFeedback.institutionId, institutionId), page ? eq(pageFeedback.page, page) : undefined),
        )
        .groupBy(pageFeedback.page, pageFeedback.rating);
      const byPage = new Map<string, FeedbackCount>();
      for (const r of rows) {
        const c = byPage.get(r.page) ?? {
          page: r.page,
          responses: 0,
          average: 0,
          byRating: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        };
        c.byRating[r.rating as 1] += r.n;
        c.responses += r.n;
        byPage.set(r.page, c);
      }
      for (const c of byPage.values()) {
        const sum = Object.entries(c.byRating).reduce((acc, [k, n]) => acc + Number(k) * n, 0);
        c.average = Math.round((sum / c.responses) * 100) / 100;
      }
      return [...byPage.values()].sort((a, b) => a.page.localeCompare(b.page));
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
