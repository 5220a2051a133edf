// The contacts import's pages: the form (the kind of list and the file), the check's report (problems by line
// and column in the page's language, likely duplicates, what would be written) with the button that writes it,
// and the outcome.

import { formatNumber, type Lang } from '../../../platform/i18n.ts';
import { ContactsTabs } from '../../../views/backoffice/contacts.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import { fieldErrorText } from '../../admin/admin.forms.tsx';
import type { Twin } from '../people.duplicates.ts';
import type { ContactsImportReport } from '../people.import.ts';

export const IMPORT_KINDS = ['consular_post', 'association'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const WORDS = {
  it: {
    title: 'Importa un elenco di contatti',
    lead: 'Carica l’elenco delle sedi consolari o delle associazioni come lo tiene l’ufficio: un file CSV, anche salvato da Excel (punto e virgola, Latin-1). Prima di salvare, Ponte controlla ogni riga e mostra cosa farebbe.',
    columns: 'Colonne riconosciute (vanno bene anche i loro nomi inglesi):',
    columnList: [
      'Nome (obbligatoria)',
      'Nome in inglese',
      'Paese',
      'Tipo di sede',
      'Indirizzo',
      'Città',
      'Latitudine',
      'Longitudine',
      'Telefono',
      'Email',
      'Sito',
      'Orari',
      'Circoscrizione',
      'Comunità',
      'Lingue',
      'Attività',
      'Numero di registro',
      'Pubblicato',
      'Capo sede',
      'Qualifica',
      'Dal',
    ],
    columnsNote:
      'Nella colonna Pubblicato, «sì» mostra la sede sul portale; Latitudine e Longitudine la mettono sulla mappa.',
    kind: 'Che elenco è',
    kinds: { consular_post: 'Sedi consolari', association: 'Associazioni delle comunità straniere' },
    file: 'File CSV',
    fileHint: (max: string) => `Al massimo ${max}.`,
    check: 'Controlla il file',
    reportTitle: 'Esito del controllo',
    rows: (n: string) => `Righe lette: ${n}`,
    wouldWrite: (o: string, p: string) =>
      `Verrebbero create ${o} organizzazioni e ${p} persone (i capi sede).`,
    written: (o: string, p: string) => `Importazione riuscita: create ${o} organizzazioni e ${p} persone.`,
    problemsTitle: 'Problemi da correggere nel file',
    problemsLead:
      'Nulla è stato salvato. Correggi queste righe nel file e caricalo di nuovo: l’importazione salva tutte le righe o nessuna.',
    line: 'Riga',
    column: 'Colonna',
    problem: 'Problema',
    wholeFile: 'intero file',
    duplicatesTitle: 'Possibili doppioni',
    duplicatesLead:
      'Queste righe somigliano a una riga precedente o a un contatto già registrato. Non impediscono l’importazione: dopo, si uniscono dalla pagina «Possibili doppioni».',
    dupOrg: (name: string, twin: string) => `l’organizzazione «${name}» somiglia a ${twin}`,
    dupPerson: (name: string, twin: string) => `la persona «${name}» somiglia a ${twin}`,
    atLine: (n: number) => `quella della riga ${n}`,
    existing: (name: string) => `«${name}», già registrata`,
    confirm: 'Importa',
    toDuplicates: 'Apri i possibili doppioni',
    again: 'Carica un altro file',
    toRegister: 'Vai al registro delle organizzazioni',
    unknownColumn: (c: string) => `Colonna sconosciuta «${c}».`,
    noName: 'Il file non ha la colonna del nome («nome» o «name_it»).',
    unreadable: (m: string) => `Il file non si legge come CSV: ${m}`,
    noFile: 'Scegli il file da importare.',
    tooBig: (max: string) => `Il file supera ${max}: dividilo in più file.`,
    badKind: 'Scegli che elenco è.',
  },
  en: {
    title: 'Import a list of contacts',
    lead: 'Upload the list of consular posts or of associations as the office keeps it: a CSV file, also as saved by Excel (semicolons, Latin-1). Before anything is saved, Ponte checks every row and shows what it would do.',
    columns: 'Columns recognised (their Italian names do as well):',
    columnList: [
      'Name (required)',
      'Name in English',
      'Country',
      'Post kind',
      'Address',
      'City',
      'Latitude',
      'Longitude',
      'Phone',
      'Email',
      'Website',
      'Opening hours',
      'District',
      'Communities',
      'Languages',
      'Activities',
      'Register number',
      'Published',
      'Head of post',
      'Title',
      'Since',
    ],
    columnsNote:
      'In the Published column, "yes" shows the post on the portal; Latitude and Longitude place it on the map.',
    kind: 'What the list holds',
    kinds: { consular_post: 'Consular posts', association: 'Foreign-community associations' },
    file: 'CSV file',
    fileHint: (max: string) => `At most ${max}.`,
    check: 'Check the file',
    reportTitle: 'What the check found',
    rows: (n: string) => `Rows read: ${n}`,
    wouldWrite: (o: string, p: string) => `It would create ${o} organisations and ${p} people (the heads).`,
    written: (o: string, p: string) => `Imported: ${o} organisations and ${p} people created.`,
    problemsTitle: 'Problems to correct in the file',
    problemsLead:
      'Nothing was saved. Correct these rows in the file and upload it again: the import saves every row or none.',
    line: 'Line',
    column: 'Column',
    problem: 'Problem',
    wholeFile: 'whole file',
    duplicatesTitle: 'Likely duplicates',
    duplicatesLead:
      'These rows look like an earlier row or a contact already kept. They do not stop the import: afterwards, merge them from the “Likely duplicates” page.',
    dupOrg: (name: string, twin: string) => `the organisation “${name}” looks like ${twin}`,
    dupPerson: (name: string, twin: string) => `the person “${name}” looks like ${twin}`,
    atLine: (n: number) => `the one on line ${n}`,
    existing: (name: string) => `“${name}”, already kept`,
    confirm: 'Import',
    toDuplicates: 'Open the likely duplicates',
    again: 'Upload another file',
    toRegister: 'Go to the organisations register',
    unknownColumn: (c: string) => `Unknown column “${c}”.`,
    noName: 'The file has no name column (“name_it” or “nome”).',
    unreadable: (m: string) => `The file cannot be read as CSV: ${m}`,
    noFile: 'Choose the file to import.',
    tooBig: (max: string) => `The file is larger than ${max}: split it into several files.`,
    badKind: 'Choose what the list holds.',
  },
};

export const importWords = (lang: Lang) => WORDS[lang];

type Problem = ContactsImportReport['problems'][number];

/** A problem in the page's language: a row's by its field and reason, the file's by what it says. */
function problemText(lang: Lang, p: Problem): string {
  const w = WORDS[lang];
  if (p.field) return fieldErrorText(lang, { field: p.field, reason: p.reason, message: p.message });
  if (p.message.startsWith('unknown column')) return w.unknownColumn(p.column);
  if (p.column === 'name_it' && !p.line) return w.noName;
  return w.unreadable(p.message);
}

const twinText = (lang: Lang, t: Twin) =>
  'line' in t ? WORDS[lang].atLine(t.line) : WORDS[lang].existing(t.existing);

export function ImportForm(p: {
  lang: Lang;
  session: Session;
  kind?: string;
  maxBytes: number;
  error?: string | undefined;
}) {
  const w = WORDS[p.lang];
  const max = `${formatNumber(p.maxBytes / (1024 * 1024), p.lang)} MB`;
  return (
    <>
      <ContactsTabs lang={p.lang} current="import" />
      <h1>{w.title}</h1>
      <p class="lead">{w.lead}</p>
      <p id="columns-title" class="mb-1">
        {w.columns}
      </p>
      <ul id="columns" class="list-inline mb-2" aria-labelledby="columns-title">
        {w.columnList.map((c) => (
          <li class="list-inline-item">
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>{w.columnsNote}</p>
      {p.error ? (
        <div class="alert alert-danger" role="alert" id="import-error">
          {p.error}
        </div>
      ) : null}
      <form
        method="post"
        action={`/admin/${p.lang}/people/import`}
        enctype="multipart/form-data"
        class="mt-4"
      >
        {/* The token and the kind come before the file: the multipart reader sees them first. */}
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        <fieldset class="mb-4">
          <legend class="h6">{w.kind}</legend>
          {IMPORT_KINDS.map((k) => (
            <div class="form-check" key={k}>
              <input
                class="form-check-input"
                type="radio"
                name="kind"
                id={`kind-${k}`}
                value={k}
                checked={(p.kind ?? 'consular_post') === k}
              />
              <label class="form-check-label" for={`kind-${k}`}>
                {w.kinds[k]}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="mb-4">
          <label for="file" class="form-label d-block fw-semibold">
            {w.file}
          </label>
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby={p.error ? 'file-hint import-error' : 'file-hint'}
          />
          <small id="file-hint" class="form-text d-block">
            {w.fileHint(max)}
          </small>
        </div>
        <button type="submit" class="btn btn-primary">
          {w.check}
        </button>
      </form>
    </>
  );
}

export function ImportReport(p: {
  lang: Lang;
  session: Session;
  kind: ImportKind;
  report: ContactsImportReport;
  /** The file as sent, carried by the confirmation so the import writes what was checked. */
  data: string;
}) {
  const w = WORDS[p.lang];
  const r = p.report;
  const n = (x: number) => formatNumber(x, p.lang);
  return (
    <>
      <ContactsTabs lang={p.lang} current="import" />
      <h1>{w.reportTitle}</h1>
      <p class="lead">
        {w.kinds[p.kind]} · {w.rows(n(r.rows))}
      </p>
      {r.written ? (
        <div class="alert alert-success" role="status">
          {w.written(n(r.organisations), n(r.people))}
        </div>
      ) : r.problems.length === 0 ? (
        <p>{w.wouldWrite(n(r.organisations), n(r.people))}</p>
      ) : null}
      {r.problems.length ? (
        <section class="mt-4" aria-labelledby="problems-title">
          <h2 id="problems-title" class="h4">
            {w.problemsTitle}
          </h2>
          <p>{w.problemsLead}</p>
          <div class="table-responsive">
            <table class="table table-sm">
              <thead>
                <tr>
                  <th scope="col">{w.line}</th>
                  <th scope="col">{w.column}</th>
                  <th scope="col">{w.problem}</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((x) => (
                  <tr>
                    <td>{x.line ? n(x.line) : w.wholeFile}</td>
                    <td>
                      <code>{x.column}</code>
                    </td>
                    <td>{problemText(p.lang, x)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {r.duplicates.length ? (
        <section class="mt-4" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title" class="h4">
            {w.duplicatesTitle}
          </h2>
          <p>
            {w.duplicatesLead} <a href={`/admin/${p.lang}/people/duplicates`}>{w.toDuplicates}</a>
          </p>
          <ul>
            {r.duplicates.map((d) => (
              <li>
                {w.line} {n(d.line)}:{' '}
                {(d.of === 'person' ? w.dupPerson : w.dupOrg)(d.name, twinText(p.lang, d.twin))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="d-flex flex-wrap gap-3 mt-4">
        {!r.written && r.problems.length === 0 && r.rows > 0 ? (
          <form method="post" action={`/admin/${p.lang}/people/import/confirm`}>
            <input type="hidden" name="_csrf" value={p.session.csrfToken} />
            <input type="hidden" name="kind" value={p.kind} />
            <input type="hidden" name="data" value={p.data} />
            <button type="submit" class="btn btn-primary">
              {w.confirm} ({n(r.rows)})
            </button>
          </form>
        ) : null}
        {r.written ? (
          <a class="btn btn-primary" href={`/admin/${p.lang}/organisations`}>
            {w.toRegister}
          </a>
        ) : null}
        <a class="btn btn-outline-primary" href={`/admin/${p.lang}/people/import`}>
          {w.again}
        </a>
      </div>
    </>
  );
}
