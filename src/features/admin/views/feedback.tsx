// The portal's page feedback as staff read it: the answers per page on the dashboard with the latest comments,
// and every comment, a page at a time. Comments are what the public typed: drawn as text, escaped by Preact.
import { formatNumber, type Lang } from '../../../platform/i18n.ts';
import { Pagination } from '../../../views/backoffice/lists.tsx';
import { t as portalWords } from '../../../views/strings.ts';
import type { Dashboard, FeedbackComment } from '../admin.service.ts';
import { adminStrings } from '../admin.strings.ts';

const moments = {
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
};

const when = (at: string, lang: Lang) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : moments[lang].format(date);
};

/** The follow-up answer chosen, in the page's language: from the group (positive 4-5, negative 1-3) the rating implies. */
function answerText(c: FeedbackComment, lang: Lang): string {
  if (c.answer === null) return '';
  const words = portalWords(lang).feedback;
  return (c.rating >= 4 ? words.positiveAnswers : words.negativeAnswers)[c.answer] ?? '—';
}

/** Comments as a list (readable at any width): the text, then when, on which page, the rating and answer. */
function CommentList({ lang, comments }: { lang: Lang; comments: FeedbackComment[] }) {
  const f = adminStrings(lang).feedback;
  return (
    <ul class="list-unstyled">
      {comments.map((c, i) => (
        <li key={`${c.at}-${i}`} class="border-bottom py-3">
          <p class="mb-1">{c.comment}</p>
          <p class="small mb-0">
            {when(c.at, lang)} ·{' '}
            <a href={c.page} class="text-break">
              {c.page}
            </a>{' '}
            · {f.stars(c.rating)}
            {c.answer === null ? null : ` · ${answerText(c, lang)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The dashboard's section: answers per page, then the latest comments and a link to all of them. */
export function FeedbackSummary({ lang, feedback }: { lang: Lang; feedback: Dashboard['feedback'] }) {
  const f = adminStrings(lang).feedback;
  return (
    <section aria-labelledby="feedback-title">
      <h2 class="h4 mt-4" id="feedback-title">
        {f.title}
      </h2>
      {feedback.pages.length === 0 ? (
        <p>{f.none}</p>
      ) : (
        <div class="table-responsive">
          <table class="table ponte-stacked">
            <caption>{f.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{f.page}</th>
                <th scope="col">{f.responses}</th>
                <th scope="col">{f.average}</th>
                <th scope="col">{f.positive}</th>
                <th scope="col">{f.negative}</th>
                <th scope="col">{f.comments}</th>
              </tr>
            </thead>
            <tbody>
              {feedback.pages.map((p) => (
                <tr key={p.page}>
                  <th scope="row">
                    <a href={p.page} class="text-break">
                      {p.page}
                    </a>
                  </th>
                  <td data-label={f.responses}>{formatNumber(p.responses, lang)}</td>
                  <td data-label={f.average}>{formatNumber(p.average, lang)}</td>
                  <td data-label={f.positive}>{formatNumber(p.positive, lang)}</td>
                  <td data-label={f.negative}>{formatNumber(p.negative, lang)}</td>
                  <td data-label={f.comments}>{formatNumber(p.comments, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {feedback.comments.length > 0 ? (
        <>
          <h3 class="h5 mt-3">{f.latest}</h3>
          <CommentList lang={lang} comments={feedback.comments} />
          {feedback.commentCount > feedback.comments.length ? (
            <p>
              <a href={`/admin/${lang}/feedback`}>{f.all(feedback.commentCount)}</a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Every comment of the institution's page feedback, newest first, a page at a time. */
export function FeedbackCommentsView(p: {
  lang: Lang;
  data: { comments: FeedbackComment[]; total: number; page: number; pages: number };
}) {
  const f = adminStrings(p.lang).feedback;
  return (
    <>
      <h1>{f.allTitle}</h1>
      <p class="lead">{f.allLead}</p>
      {p.data.comments.length === 0 ? (
        <p>{f.noComments}</p>
      ) : (
        <CommentList lang={p.lang} comments={p.data.comments} />
      )}
      <Pagination
        lang={p.lang}
        base={`/admin/${p.lang}/feedback`}
        params={{}}
        page={p.data.page}
        pages={p.data.pages}
      />
    </>
  );
}
