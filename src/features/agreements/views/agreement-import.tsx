// The back-office's import pages: the upload form, the dry run's report (counts, problems by line and column,
// the cities to pick), the progress of a running import and its result. Pure views of what the handler read.
import { formatNumber, type Lang } from '../../../platform/i18n.ts';
import { UploadForm } from '../../../views/backoffice/fields.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import { countryByCode } from '../../places/places.service.ts';
import { CSV_COLUMNS } from '../agreements.files.ts';
import { importStrings, reasonIn } from '../agreements.import.strings.ts';
import type { ImportReport, RowProblem } from '../agreements.import.ts';
import type { Progress } from '../agreements.import-uploads.ts';

const megabytes = (bytes: number, lang: Lang) => `${formatNumber(bytes / (1024 * 1024), lang)} MB`;

export function ImportUploadView(p: { lang: Lang; session: Session; maxBytes: number; error?: string }) {
  const t = importStrings(p.lang);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <p class="small">{t.columnsHint(CSV_COLUMNS.join(', '))}</p>
      <UploadForm
        action={`/admin/${p.lang}/agreements/import`}
        csrfToken={p.session.csrfToken}
        label={t.file}
        accept=".csv,.json,text/csv,application/json"
        hint={t.fileHint(megabytes(p.maxBytes, p.lang))}
        error={p.error}
        submit={t.check}
        buttonClass="btn btn-primary"
        class="mt-4"
      />
    </>
  );
}

/** A problem's column as the file names it; the whole file's problems have none. */
const columnOf = (p: RowProblem, lang: Lang) =>
  p.field === 'file' ? importStrings(lang).wholeFile : p.field;

function ProblemTable(p: { lang: Lang; problems: RowProblem[] }) {
  const t = importStrings(p.lang);
  return (
    <section class="mt-4" aria-labelledby="problems-title">
      <h2 id="problems-title" class="h4">
        {t.problemsTitle}
      </h2>
      <p>{t.problemsLead}</p>
      <div class="table-responsive">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {p.problems.map((problem) => (
              <tr>
                <td>{problem.line || '—'}</td>
                <td>
                  <code>{columnOf(problem, p.lang)}</code>
                </td>
                <td>{reasonIn(p.lang, problem.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The name a row gave its partner, from the importer's reason ("Bethlehem" is ambiguous...). */
const askedName = (problem: RowProblem) => /^"(.*)" is ambiguous/.exec(problem.message)?.[1] ?? '';

function CityChoices(p: { lang: Lang; problems: RowProblem[] }) {
  const t = importStrings(p.lang);
  return (
    <section class="mt-4" aria-labelledby="choose-title">
      <h2 id="choose-title" class="h4">
        {t.chooseTitle}
      </h2>
      <p>{t.chooseLead}</p>
      {p.problems.map((problem) => (
        <fieldset class="mb-4">
          <legend class="h6">{t.chooseFor(problem.line, askedName(problem))}</legend>
          {(problem.candidates ?? []).slice(0, 8).map((c) => {
            const id = `place-${problem.line}-${c.geonamesId}`;
            const country = countryByCode(c.country);
            const countryName = country ? (p.lang === 'it' ? country.nameIt : country.nameEn) : c.country;
            return (
              <div class="form-check">
                <input type="radio" id={id} name={`place-${problem.line}`} value={String(c.geonamesId)} />
                <label for={id}>
                  {`${p.lang === 'it' ? c.nameIt : c.name}, ${countryName} — ${t.inhabitants(formatNumber(c.population, p.lang))}`}
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
    </section>
  );
}

/** The dry run's report; the confirmation when only cities are left to pick (or nothing at all). */
export function ImportReportView(p: {
  lang: Lang;
  session: Session;
  id: string;
  filename: string;
  report: ImportReport;
}) {
  const t = importStrings(p.lang);
  const r = p.report;
  const toPick = r.problems.filter((x) => x.candidates?.length);
  // Cities are picked only when nothing else stops the import; until then they are problems like the others.
  const canConfirm = r.problems.length === toPick.length && r.rows > 0;
  const others = canConfirm ? [] : r.problems;
  return (
    <>
      <h1>{t.reportTitle(p.filename)}</h1>
      <p class="lead">{t.counts(r.rows, r.valid, r.problems.length)}</p>
      <p>{t.nothingWritten}</p>
      {r.warnings.length > 0 ? (
        <div class="alert alert-warning" role="status">
          {t.warnings}: {t.notUtf8}
        </div>
      ) : null}
      {others.length > 0 ? <ProblemTable lang={p.lang} problems={others} /> : null}
      {canConfirm ? (
        <form method="post" action={`/admin/${p.lang}/agreements/import/${p.id}`} class="mt-4">
          <input type="hidden" name="_csrf" value={p.session.csrfToken} />
          {toPick.length > 0 ? <CityChoices lang={p.lang} problems={toPick} /> : null}
          <button type="submit" class="btn btn-primary">
            {t.confirm(r.rows)}
          </button>
        </form>
      ) : (
        <p class="mt-4 fw-semibold">{t.cannotConfirm}</p>
      )}
      <p class="mt-4">
        <a href={`/admin/${p.lang}/agreements/import`}>{t.uploadAgain}</a>
      </p>
    </>
  );
}

/** A running import seen from another request; the link reloads it (the confirmation streams its own page). */
export function ImportProgressView(p: { lang: Lang; id: string; progress: Progress | undefined }) {
  const t = importStrings(p.lang);
  return (
    <>
      <h1>{t.runningTitle}</h1>
      <p role="status">
        {t.running(p.progress?.phase ?? 'checking', p.progress?.done ?? 0, p.progress?.total ?? 0)}
      </p>
      <p class="mt-3">
        <a class="btn btn-outline-primary" href={`/admin/${p.lang}/agreements/import/${p.id}`}>
          {t.refresh}
        </a>
      </p>
    </>
  );
}

/**
 * The page a confirmation streams: the progress lines arrive in the list as the import runs, the outcome after
 * it; the slots are where the handler cuts the page to write them.
 */
export function ImportStreamView(p: { lang: Lang; progressSlot: string; outcomeSlot: string }) {
  const t = importStrings(p.lang);
  return (
    <>
      <h1>{t.title}</h1>
      <section aria-labelledby="progress-title">
        <h2 id="progress-title" class="h4">
          {t.runningTitle}
        </h2>
        <ul class="list-unstyled">{p.progressSlot}</ul>
      </section>
      {p.outcomeSlot}
    </>
  );
}

export function ProgressLine(p: { lang: Lang; progress: Progress }) {
  const { phase, done, total } = p.progress;
  return <li>{importStrings(p.lang).running(phase, done, total)}</li>;
}

/** How the import ended: the agreements created, or nothing written and the way back to the report. */
export function ImportOutcome(p: {
  lang: Lang;
  report: ImportReport | undefined;
  reportHref: string;
  level: 1 | 2;
}) {
  const t = importStrings(p.lang);
  const Heading = p.level === 1 ? 'h1' : 'h2';
  if (p.report?.written) {
    return (
      <>
        <Heading>{t.resultTitle}</Heading>
        <div class="alert alert-success" role="status">
          {t.imported(p.report.created, p.report.rows)}
        </div>
        <p>
          <a class="btn btn-primary" href={`/admin/${p.lang}/agreements`}>
            {t.toList}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <Heading>{t.failedTitle}</Heading>
      <div class="alert alert-danger" role="alert">
        {t.failed}
      </div>
      <p>
        <a class="btn btn-primary" href={p.reportHref}>
          {t.toReport}
        </a>
      </p>
    </>
  );
}
