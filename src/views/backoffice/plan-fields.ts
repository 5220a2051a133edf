// The labels, hints and error messages of the plan's fields (objectives, their money, indicators), in Italian
// and English. strings.ts merges them into the shared words, so that forms, the stale-save table and the audit
// history name a field alike. A year's field (expensePaid_2023, target_2023) takes the words of its amount and
// its year ("Spese: pagato (2023)"), so that it reads alone in a form, the stale-save table and the history; its
// error message is its amount's (admin.forms.tsx drops the year).

/** Every year a plan may hold (plan.rules.ts MIN_YEAR..MAX_YEAR): a year's fields are labelled for each. */
const YEARS = Array.from({ length: 2100 - 1990 + 1 }, (_, i) => 1990 + i);
const PER_YEAR = [
  'incomePlanned',
  'incomeCommitted',
  'incomePaid',
  'expensePlanned',
  'expenseCommitted',
  'expensePaid',
  'target',
  'actual',
];
const withYears = (labels: Record<string, string>): Record<string, string> => ({
  ...labels,
  ...Object.fromEntries(
    YEARS.flatMap((year) => PER_YEAR.map((k) => [`${k}_${year}`, `${labels[k]} (${year})`])),
  ),
});

const it = {
  labels: withYears({
    level: 'Livello',
    parentId: 'Obiettivo strategico di riferimento',
    code: 'Codice',
    mandateFrom: 'Mandato: primo anno',
    mandateTo: 'Mandato: ultimo anno',
    addressIt: 'Indirizzo strategico, in italiano',
    addressEn: 'Indirizzo strategico, in inglese',
    mission: 'Missione',
    programme: 'Programma',
    responsible: 'Responsabile',
    firstYear: 'Risorse: primo anno',
    lastYear: 'Risorse: ultimo anno',
    incomePlanned: 'Entrate: previsione',
    incomeCommitted: 'Entrate: accertato',
    incomePaid: 'Entrate: riscosso',
    expensePlanned: 'Spese: previsione',
    expenseCommitted: 'Spese: impegnato',
    expensePaid: 'Spese: pagato',
    unit: 'Unità di misura',
    target: 'Valore atteso',
    actual: 'Valore raggiunto',
    years: 'Anni',
    indicators: 'Indicatori',
  }),
  hints: {
    code: 'Come nel DUP, per esempio 1901/0159. Un obiettivo strategico di solito non ne ha.',
    parentId: 'Solo per un obiettivo operativo.',
    programme: 'Un obiettivo operativo appartiene a un programma.',
    firstYear: 'Gli anni per cui il DUP programma le risorse: al massimo dieci.',
    unit: 'Per esempio «accordi», «%», «persone».',
    incomePlanned: 'In euro, per esempio 12.500,00. Vuoto: non registrato (diverso da zero).',
    expensePlanned: 'In euro, per esempio 12.500,00. Vuoto: non registrato (diverso da zero).',
  } as Record<string, string>,
  fieldMessages: {
    level: 'Scegli se l’obiettivo è strategico oppure operativo.',
    parentId: 'Scegli dall’elenco l’obiettivo strategico a cui fa capo; un obiettivo strategico non ne ha.',
    code: 'Il codice può avere al massimo 40 caratteri.',
    'code:taken_in_term': 'Nel mandato c’è già un obiettivo con questo codice.',
    mandateFrom: 'Scrivi un anno di quattro cifre, per esempio 2019.',
    mandateTo:
      'Scrivi l’ultimo anno del mandato, di quattro cifre e non precedente al primo: al massimo dieci anni.',
    firstYear: 'Scrivi un anno di quattro cifre, per esempio 2022.',
    lastYear:
      'Scrivi l’ultimo anno delle risorse, di quattro cifre e non precedente al primo: al massimo dieci anni.',
    mission: 'La missione è la 19, Relazioni internazionali.',
    programme: 'Un obiettivo operativo appartiene al programma 1901 o 1902: sceglilo dall’elenco.',
    responsible: 'Il nome può avere al massimo 200 caratteri.',
    addressIt: 'L’indirizzo strategico può avere al massimo 300 caratteri.',
    addressEn: 'L’indirizzo strategico può avere al massimo 300 caratteri.',
    incomePlanned: 'Scrivi un importo come 12500 o 12.500,50, oppure lascia vuoto.',
    incomeCommitted: 'Scrivi un importo come 12500 o 12.500,50, oppure lascia vuoto.',
    incomePaid: 'Scrivi un importo come 12500 o 12.500,50, oppure lascia vuoto.',
    expensePlanned: 'Scrivi un importo come 12500 o 12.500,50, oppure lascia vuoto.',
    expenseCommitted: 'Scrivi un importo come 12500 o 12.500,50, oppure lascia vuoto.',
    expensePaid: 'Scrivi un importo come 12500 o 12.500,50, oppure lascia vuoto.',
    target: 'Scrivi un numero come 5 o 12,5, oppure lascia vuoto.',
    actual: 'Scrivi un numero come 5 o 12,5, oppure lascia vuoto.',
    unit: 'L’unità di misura può avere al massimo 40 caratteri.',
  } as Record<string, string>,
};

type Fields = typeof it;

const en: Fields = {
  labels: withYears({
    level: 'Level',
    parentId: 'Strategic objective it serves',
    code: 'Code',
    mandateFrom: 'Term: first year',
    mandateTo: 'Term: last year',
    addressIt: 'Strategic address, in Italian',
    addressEn: 'Strategic address, in English',
    mission: 'Mission',
    programme: 'Programme',
    responsible: 'Person responsible',
    firstYear: 'Resources: first year',
    lastYear: 'Resources: last year',
    incomePlanned: 'Income: planned',
    incomeCommitted: 'Income: ascertained',
    incomePaid: 'Income: collected',
    expensePlanned: 'Expenditure: planned',
    expenseCommitted: 'Expenditure: committed',
    expensePaid: 'Expenditure: paid',
    unit: 'Unit of measure',
    target: 'Target',
    actual: 'Actual',
    years: 'Years',
    indicators: 'Indicators',
  }),
  hints: {
    code: 'As in the DUP, e.g. 1901/0159. A strategic objective usually has none.',
    parentId: 'Only for an operational objective.',
    programme: 'An operational objective belongs to a programme.',
    firstYear: 'The years the DUP plans resources for: at most ten.',
    unit: 'E.g. "agreements", "%", "people".',
    incomePlanned:
      'In euros, e.g. 12500.00 (without thousands separators). Empty: not recorded (unlike zero).',
    expensePlanned:
      'In euros, e.g. 12500.00 (without thousands separators). Empty: not recorded (unlike zero).',
  },
  fieldMessages: {
    level: 'Choose whether the objective is strategic or operational.',
    parentId: 'Choose the strategic objective it serves from the list; a strategic objective serves none.',
    code: 'The code takes at most 40 characters.',
    'code:taken_in_term': 'The term already has an objective with this code.',
    mandateFrom: 'Write a four-digit year, e.g. 2019.',
    mandateTo: 'Write the last year of the term, four digits and not before the first: at most ten years.',
    firstYear: 'Write a four-digit year, e.g. 2022.',
    lastYear:
      'Write the last year of the resources, four digits and not before the first: at most ten years.',
    mission: 'The mission is 19, International relations.',
    programme: 'An operational objective belongs to programme 1901 or 1902: choose it from the list.',
    responsible: 'The name takes at most 200 characters.',
    addressIt: 'The strategic address takes at most 300 characters.',
    addressEn: 'The strategic address takes at most 300 characters.',
    incomePlanned: 'Write an amount such as 12500 or 12500.50, or leave it empty.',
    incomeCommitted: 'Write an amount such as 12500 or 12500.50, or leave it empty.',
    incomePaid: 'Write an amount such as 12500 or 12500.50, or leave it empty.',
    expensePlanned: 'Write an amount such as 12500 or 12500.50, or leave it empty.',
    expenseCommitted: 'Write an amount such as 12500 or 12500.50, or leave it empty.',
    expensePaid: 'Write an amount such as 12500 or 12500.50, or leave it empty.',
    target: 'Write a number such as 5 or 12.5, or leave it empty.',
    actual: 'Write a number such as 5 or 12.5, or leave it empty.',
    unit: 'The unit takes at most 40 characters.',
  },
};

export const planFields = { it, en };
