// The model's page-feedback widget (Modello Comuni, cmp-rating) as one plain HTML form that works with no
// JavaScript at all. The official validator (pa-website-validator-ng, municipality_feedback) finds it through
// data-element attributes, compares the Italian question and answers word for word, clicks each of the five
// ratings and then expects exactly one follow-up fieldset to be visible: the positive one for 4–5, the negative
// one for 1–3. Both fieldsets are always in the markup; FEEDBACK_CSS shows the right one with :has() (no script),
// and browsers without :has() simply show both.
//
// Posted fields: page, rating (1–5), answer_positive or answer_negative (0–4, the answer's index in its group;
// use the group that matches the rating and ignore the other), comment, and _csrf when a token is given.
import { Fragment } from 'preact';
import type { Lang } from '../platform/i18n.ts';
import { StarIcon } from './icons.tsx';
import { type FiveAnswers, t } from './strings.ts';

export interface FeedbackProps {
  lang: Lang;
  /** URL the form posts to. */
  action: string;
  /** Path of the page being rated. */
  page: string;
  csrf?: string;
  /** Show the thank-you message instead of the form. */
  thanks?: boolean;
}

export const FEEDBACK_COMMENT_MAX = 200;

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * Styles of the widget that bootstrap-italia lacks: outlined stars filled up to the chosen one, a visible focus
 * ring on the hidden radio's star, and the follow-up fieldset matching the rating. Put it in the page's <head>
 * (PageShell does) or in a stylesheet. Scoped by data-element, so it adds no CSS class of its own.
 */
export const FEEDBACK_CSS = [
  '[data-element=feedback] [name=rating]+label svg{fill:#fff;stroke:#5d7083;stroke-width:1.5;cursor:pointer}',
  '[data-element=feedback] [name=rating]:checked+label svg,' +
    '[data-element=feedback] label:has(~[name=rating]:checked) svg{fill:#06c;stroke:#06c}',
  '[data-element=feedback] [name=rating]:focus-visible+label{outline:2px solid #f90;outline-offset:2px}',
  // The page is cached for everyone, so the thank-you after sending is shown for the #feedback-thanks anchor
  // the form's answer redirects to, not rendered per request.
  '#feedback-thanks{display:none}#feedback-thanks:target{display:block}',
  '@supports selector(:has(*)){' +
    '[data-element=feedback-rating-positive],[data-element=feedback-rating-negative]{display:none}' +
    '[data-element=feedback]:has([name=rating][value="4"]:checked,[name=rating][value="5"]:checked) ' +
    '[data-element=feedback-rating-positive],' +
    '[data-element=feedback]:has([name=rating][value="1"]:checked,[name=rating][value="2"]:checked,' +
    '[name=rating][value="3"]:checked) [data-element=feedback-rating-negative]{display:block}}',
].join('');

function FollowUp(props: { group: 'positive' | 'negative'; question: string; answers: FiveAnswers }) {
  const name = `answer_${props.group}`;
  return (
    <fieldset class="mt-4" data-element={`feedback-rating-${props.group}`}>
      <legend class="h6" data-element="feedback-rating-question">
        {props.question}
      </legend>
      {props.answers.map((answer, i) => (
        <div class="form-check" key={answer}>
          <input type="radio" id={`feedback-${props.group}-${i}`} name={name} value={String(i)} />
          <label for={`feedback-${props.group}-${i}`} data-element="feedback-rating-answer">
            {answer}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Feedback(props: FeedbackProps) {
  const s = t(props.lang).feedback;
  return (
    <section class="bg-primary py-5">
      <div class="container">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8">
            {props.thanks ? (
              <div class="card shadow p-4">
                <p class="h5 mb-0" role="status">
                  {s.thanks}
                </p>
              </div>
            ) : (
              <div class="card shadow p-4" data-element="feedback">
                <p id="feedback-thanks" class="h5" role="status" tabindex={-1}>
                  {s.thanks}
                </p>
                <form method="post" action={props.action}>
                  <input type="hidden" name="page" value={props.page} />
                  {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
                  <fieldset>
                    <legend class="w-100">
                      <h2 class="h5" data-element="feedback-title">
                        {s.title}
                      </h2>
                    </legend>
                    <div class="d-flex">
                      {RATINGS.map((n) => (
                        <Fragment key={n}>
                          <input
                            type="radio"
                            class="visually-hidden"
                            id={`feedback-rate-${n}`}
                            name="rating"
                            value={String(n)}
                            required
                          />
                          <label class="p-1" for={`feedback-rate-${n}`} data-element={`feedback-rate-${n}`}>
                            <StarIcon />
                            <span class="visually-hidden">{s.star(n)}</span>
                          </label>
                        </Fragment>
                      ))}
                    </div>
                  </fieldset>
                  <FollowUp group="positive" question={s.positiveQuestion} answers={s.positiveAnswers} />
                  <FollowUp group="negative" question={s.negativeQuestion} answers={s.negativeAnswers} />
                  <div class="form-group mt-4">
                    <label class="active" for="feedback-comment">
                      {s.commentLabel}
                    </label>
                    <textarea
                      class="form-control"
                      id="feedback-comment"
                      name="comment"
                      rows={3}
                      maxLength={FEEDBACK_COMMENT_MAX}
                      aria-describedby="feedback-comment-hint"
                      data-element="feedback-input-text"
                    />
                    <small class="form-text" id="feedback-comment-hint">
                      {s.commentHint}
                    </small>
                  </div>
                  <button type="submit" class="btn btn-primary">
                    {s.submit}
                  </button>
                </form>
              </div>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
