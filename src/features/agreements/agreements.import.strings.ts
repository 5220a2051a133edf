// The words of the back-office's import pages, in Italian and English, and the importer's reasons (written in
// English for the CLI) in the page's language: each known reason by its pattern, anything else with its column.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Importa accordi da un file',
  lead: 'Carica un foglio di calcolo salvato come CSV (UTF-8 o Latin-1, separato da virgole o da punti e virgola), oppure un file esportato da Ponte. Prima di scrivere qualsiasi cosa Ponte controlla ogni riga e ti mostra cosa importerà.',
  columnsHint: (columns: string) => `Colonne riconosciute: ${columns}. Servono almeno kind e partner.`,
  file: 'File CSV o JSON',
  fileHint: (max: string) => `Al massimo ${max}.`,
  check: 'Controlla il file',
  tooBig: (max: string) => `Il file è troppo grande: al massimo ${max}. Dividilo in più file.`,
  noFile: 'Scegli il file da importare.',
  incomplete: 'Il caricamento si è interrotto: scegli di nuovo il file.',
  expired:
    'Questo caricamento non è più disponibile (dopo 30 minuti viene cancellato): carica di nuovo il file.',
  reportTitle: (file: string) => `Controllo di ${file}`,
  counts: (rows: number, valid: number, problems: number) =>
    `${rows} ${rows === 1 ? 'riga' : 'righe'}: ${valid} ${valid === 1 ? 'pronta' : 'pronte'} da importare, ${problems} ${problems === 1 ? 'problema' : 'problemi'}.`,
  nothingWritten: 'Controllo senza scrivere: per ora non è stato salvato nulla.',
  problemsTitle: 'Problemi da correggere',
  problemsLead:
    "L'importazione è tutto o niente: correggi queste righe nel file e caricalo di nuovo, oppure scegli la città giusta dove te lo chiede.",
  line: 'Riga',
  column: 'Colonna',
  reason: 'Motivo',
  wholeFile: 'tutto il file',
  warnings: 'Attenzione',
  notUtf8:
    'Il file non è in UTF-8: è stato letto come Latin-1 (Windows-1252). Controlla le lettere accentate.',
  chooseTitle: 'Città da scegliere',
  chooseLead: 'Per queste righe il nome della città non basta: scegli quella giusta.',
  chooseFor: (line: number, name: string) => `Riga ${line}: quale «${name}»?`,
  inhabitants: (n: string) => `${n} abitanti`,
  confirm: (n: number) => `Importa ${n} ${n === 1 ? 'accordo' : 'accordi'}`,
  cannotConfirm:
    'Correggi i problemi elencati e carica di nuovo il file: nulla viene importato finché ci sono errori.',
  uploadAgain: 'Carica un altro file',
  mustChoose: 'Scegli una città per ogni riga che lo chiede.',
  runningTitle: 'Importazione in corso',
  running: (phase: 'checking' | 'writing', done: number, total: number) =>
    `${phase === 'checking' ? 'Controllo' : 'Scrittura'}: ${done} di ${total} righe.`,
  refresh: 'Aggiorna',
  resultTitle: 'Importazione completata',
  imported: (n: number, rows: number) =>
    `Importati ${n} accordi su ${rows} righe. Il registro delle modifiche riporta l'importazione.`,
  failedTitle: 'Nessun accordo importato',
  failed: "L'importazione non è andata a buon fine: non è stato scritto nulla.",
  toList: "Vai all'elenco degli accordi",
  toReport: 'Torna al controllo del file',
  importLink: 'Importa da un file',
  reasons: {
    empty: (what: string) => `è vuota: ${what}`,
    kindEmpty: 'indica il tipo di accordo (per esempio gemellaggio, patto di amicizia)',
    partnerEmpty: "scrivi il nome della città o dell'organizzazione partner",
    notKind: (v: string) =>
      `«${v}» non è un tipo di accordo (gemellaggio, patto di amicizia, patto di fratellanza, accordo di collaborazione, memorandum d'intesa, partenariato di progetto)`,
    notDate: (v: string) => `«${v}» non è una data: scrivi AAAA, AAAA-MM, AAAA-MM-GG o GG/MM/AAAA`,
    yearRange: (y: string) => `l'anno ${y} è fuori dall'intervallo ammesso`,
    noMonth: (v: string, m: string) => `«${v}» non ha un mese ${m}`,
    notDay: (v: string) => `«${v}» non è un giorno del calendario`,
    notYesNo: (v: string) => `«${v}» non è sì o no`,
    notJson: 'non è JSON valido',
    notSector: (v: string) => `«${v}» non è un settore`,
    notStatus: (v: string) => `«${v}» non è uno stato (proposto, attivo, sospeso, scaduto, cessato)`,
    notGeonames: (v: string) => `«${v}» non è un identificativo GeoNames`,
    notPartnerType: (v: string) => `«${v}» non è né una città né un'organizzazione`,
    notTerm: (v: string) => `«${v}» non è né a tempo indeterminato né con scadenza`,
    notYears: (v: string) => `«${v}» non è un numero di anni`,
    notFound: (v: string, c: string) =>
      `nessun luogo chiamato «${v}» trovato${c ? ` in ${c}` : ''}: controlla il nome o il paese`,
    ambiguous: (v: string) =>
      `«${v}» è ambiguo: scegli la città qui sotto, oppure aggiungi il paese o il geonames_id nel file`,
    slugTaken: (v: string) => `«${v}» è già usato da un altro accordo`,
    slugTwice: (v: string, line: string) => `«${v}» è anche alla riga ${line}`,
    noUnit: (v: string) => `nessun ufficio «${v}» in questo ente`,
    unknownCountry: (v: string) => `paese sconosciuto «${v}»: scrivi il codice (DE) o il nome`,
    unknownColumn: (v: string) => `colonna sconosciuta «${v}»`,
    missingColumn: (v: string) => `il file non ha la colonna «${v}»`,
    emptyFile: 'il file è vuoto o non ha righe',
    ratifiedBeforeSigned: 'la ratifica non può precedere la firma',
    endsOnDay: 'un accordo con scadenza ha bisogno della data di fine completa (AAAA-MM-GG)',
    endsOnMissing: 'un accordo con scadenza ha bisogno della data di fine',
    endsBeforeSigned: 'la scadenza deve essere successiva alla firma',
    permanentEnds: 'un accordo a tempo indeterminato non ha scadenza',
    statusBeforeStart: (v: string) => `«${v}» precede l'inizio dell'accordo`,
    other: (original: string) => `valore non accettato (${original})`,
  },
};

type Strings = typeof it;

const en: Strings = {
  title: 'Import agreements from a file',
  lead: 'Upload a spreadsheet saved as CSV (UTF-8 or Latin-1, separated by commas or semicolons), or a file exported from Ponte. Before anything is written, Ponte checks every row and shows you what it will import.',
  columnsHint: (columns: string) => `Columns understood: ${columns}. At least kind and partner are needed.`,
  file: 'CSV or JSON file',
  fileHint: (max: string) => `At most ${max}.`,
  check: 'Check the file',
  tooBig: (max: string) => `The file is too large: at most ${max}. Split it into several files.`,
  noFile: 'Choose the file to import.',
  incomplete: 'The upload was cut short: choose the file again.',
  expired: 'This upload is no longer available (it is deleted after 30 minutes): upload the file again.',
  reportTitle: (file: string) => `Check of ${file}`,
  counts: (rows: number, valid: number, problems: number) =>
    `${rows} ${rows === 1 ? 'row' : 'rows'}: ${valid} ready to import, ${problems} ${problems === 1 ? 'problem' : 'problems'}.`,
  nothingWritten: 'A check without writing: nothing has been saved yet.',
  problemsTitle: 'Problems to fix',
  problemsLead:
    'The import is all or nothing: fix these rows in the file and upload it again, or pick the right city where asked.',
  line: 'Line',
  column: 'Column',
  reason: 'Reason',
  wholeFile: 'whole file',
  warnings: 'Warning',
  notUtf8: 'The file is not UTF-8: it was read as Latin-1 (Windows-1252). Check accented letters.',
  chooseTitle: 'Cities to choose',
  chooseLead: 'For these rows the city’s name is not enough: pick the right one.',
  chooseFor: (line: number, name: string) => `Line ${line}: which “${name}”?`,
  inhabitants: (n: string) => `${n} inhabitants`,
  confirm: (n: number) => `Import ${n} ${n === 1 ? 'agreement' : 'agreements'}`,
  cannotConfirm:
    'Fix the problems listed and upload the file again: nothing is imported while there are errors.',
  uploadAgain: 'Upload another file',
  mustChoose: 'Pick a city for every row that asks for one.',
  runningTitle: 'Import under way',
  running: (phase: 'checking' | 'writing', done: number, total: number) =>
    `${phase === 'checking' ? 'Checking' : 'Writing'}: ${done} of ${total} rows.`,
  refresh: 'Refresh',
  resultTitle: 'Import complete',
  imported: (n: number, rows: number) =>
    `Imported ${n} agreements from ${rows} rows. The change log records the import.`,
  failedTitle: 'No agreement imported',
  failed: 'The import did not succeed: nothing was written.',
  toList: 'Go to the list of agreements',
  toReport: 'Back to the check of the file',
  importLink: 'Import from a file',
  reasons: {
    empty: (what: string) => `is empty: ${what}`,
    kindEmpty: 'say what kind of agreement it is (for example twinning, friendship pact)',
    partnerEmpty: 'name the partner city or organisation',
    notKind: (v: string) =>
      `“${v}” is not a kind of agreement (twinning, friendship pact, brotherhood pact, collaboration agreement, memorandum of understanding, project partnership)`,
    notDate: (v: string) => `“${v}” is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY`,
    yearRange: (y: string) => `year ${y} is out of range`,
    noMonth: (v: string, m: string) => `“${v}” has no month ${m}`,
    notDay: (v: string) => `“${v}” is not a day of the calendar`,
    notYesNo: (v: string) => `“${v}” is not yes or no`,
    notJson: 'is not valid JSON',
    notSector: (v: string) => `“${v}” is not a sector`,
    notStatus: (v: string) => `“${v}” is not a status (proposed, active, suspended, expired, terminated)`,
    notGeonames: (v: string) => `“${v}” is not a GeoNames id`,
    notPartnerType: (v: string) => `“${v}” is neither a city nor an organisation`,
    notTerm: (v: string) => `“${v}” is neither permanent nor fixed`,
    notYears: (v: string) => `“${v}” is not a number of years`,
    notFound: (v: string, c: string) =>
      `no place called “${v}” was found${c ? ` in ${c}` : ''}: check the name or the country`,
    ambiguous: (v: string) =>
      `“${v}” is ambiguous: pick the city below, or add the country or the geonames_id in the file`,
    slugTaken: (v: string) => `“${v}” is already used by another agreement`,
    slugTwice: (v: string, line: string) => `“${v}” is also on line ${line}`,
    noUnit: (v: string) => `no unit “${v}” in this institution`,
    unknownCountry: (v: string) => `unknown country “${v}”: give the code (DE) or the name`,
    unknownColumn: (v: string) => `unknown column “${v}”`,
    missingColumn: (v: string) => `the file has no “${v}” column`,
    emptyFile: 'the file is empty or has no rows',
    ratifiedBeforeSigned: 'the ratification cannot come before the signing',
    endsOnDay: 'a fixed term needs its end date to the day (YYYY-MM-DD)',
    endsOnMissing: 'a fixed term needs an end date',
    endsBeforeSigned: 'the end date must come after the signing',
    permanentEnds: 'a permanent agreement has no end date',
    statusBeforeStart: (v: string) => `“${v}” comes before the agreement began`,
    other: (original: string) => `value not accepted (${original})`,
  },
};

const STRINGS = { it, en } as const;
export const importStrings = (lang: Lang): Strings => STRINGS[lang];

type Reasons = Strings['reasons'];
/** The importer's reasons by their English pattern (agreements.csv-record.ts, .files.ts, .rules.ts, .import.ts). */
const PATTERNS: [RegExp, (r: Reasons, m: string[]) => string][] = [
  [/^is empty: say what kind/, (r) => r.empty(r.kindEmpty)],
  [/^is empty: name the partner/, (r) => r.empty(r.partnerEmpty)],
  [/^"(.*)" is not a kind /, (r, m) => r.notKind(m[1]!)],
  [/^"(.*)" is not a date/, (r, m) => r.notDate(m[1]!)],
  [/^year (\d+) is out of range/, (r, m) => r.yearRange(m[1]!)],
  [/^"(.*)" has no month (\d+)/, (r, m) => r.noMonth(m[1]!, m[2]!)],
  [/^"(.*)" is not a day of the calendar/, (r, m) => r.notDay(m[1]!)],
  [/^"(.*)" is not yes or no/, (r, m) => r.notYesNo(m[1]!)],
  [/^is not valid JSON/, (r) => r.notJson],
  [/^"(.*)" is not a sector/, (r, m) => r.notSector(m[1]!)],
  [/^"(.*)" is not a status/, (r, m) => r.notStatus(m[1]!)],
  [/^"(.*)" is not a GeoNames id/, (r, m) => r.notGeonames(m[1]!)],
  [/^"(.*)" is neither city nor organisation/, (r, m) => r.notPartnerType(m[1]!)],
  [/^"(.*)" is neither permanent nor fixed/, (r, m) => r.notTerm(m[1]!)],
  [/^"(.*)" is not a number of years/, (r, m) => r.notYears(m[1]!)],
  [/^No place called "(.*)" was found(?: in (\w+))?/, (r, m) => r.notFound(m[1]!, m[2] ?? '')],
  [/^"(.*)" is ambiguous/, (r, m) => r.ambiguous(m[1]!)],
  [/^"(.*)" is already used by an agreement/, (r, m) => r.slugTaken(m[1]!)],
  [/^"(.*)" is also on line (\d+)/, (r, m) => r.slugTwice(m[1]!, m[2]!)],
  [/^No unit "(.*)" in this institution/, (r, m) => r.noUnit(m[1]!)],
  [/^Unknown country "(.*)"/, (r, m) => r.unknownCountry(m[1]!)],
  [/^unknown column "(.*)";/, (r, m) => r.unknownColumn(m[1]!)],
  [/^the file has no "(.*)" column/, (r, m) => r.missingColumn(m[1]!)],
  [/^The file (is empty|has no rows)/, (r) => r.emptyFile],
  [/^The ratification cannot come before the signing/, (r) => r.ratifiedBeforeSigned],
  [/^A fixed term needs its end date to the day/, (r) => r.endsOnDay],
  [/^A fixed term needs an end date/, (r) => r.endsOnMissing],
  [/^The end date must come after the signing/, (r) => r.endsBeforeSigned],
  [/^A permanent agreement has no end date/, (r) => r.permanentEnds],
  [/^"(.*)" comes before the agreement began/, (r, m) => r.statusBeforeStart(m[1]!)],
];

/** A reason of the importer in the page's language; one it does not know keeps its words, in brackets. */
export function reasonIn(lang: Lang, message: string): string {
  const r = importStrings(lang).reasons;
  for (const [re, say] of PATTERNS) {
    const m = re.exec(message);
    if (m) return say(r, [...m]);
  }
  return r.other(message);
}
