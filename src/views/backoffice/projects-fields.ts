// The labels, hints and error messages of the projects' own fields, in Italian and English. strings.ts merges
// them into the shared words, so that forms, the stale-save table and the audit history name a field alike.

const it = {
  labels: {
    funder: 'Programma o finanziatore',
    countries: 'Paesi in cui si svolge',
    totalBudget: 'Budget totale',
    ownShare: 'Quota dell’ente',
    resultsIt: 'Risultati, in italiano',
    resultsEn: 'Risultati, in inglese',
    documents: 'Documenti e pagine',
    source: 'Fonte del cofinanziamento',
    amount: 'Importo',
    partners: 'Partner',
    funding: 'Cofinanziamento',
  } as Record<string, string>,
  hints: {
    funder: 'Per esempio Interreg Europe, AICS, Regione Toscana.',
    countries: 'Nomi o codici separati da virgole, per esempio Senegal, BF.',
    totalBudget: 'Nella valuta indicata sopra, per esempio 250.000,00.',
    ownShare: 'La parte del budget a carico dell’ente, per esempio 40.000,00. Facoltativa.',
    documents: 'Uno per riga: il titolo, poi l’indirizzo http(s).',
    source: 'Per esempio Regione Lombardia, una fondazione, la Commissione europea.',
    amount: 'Nella valuta del progetto, per esempio 12.500,50.',
  } as Record<string, string>,
  fieldMessages: {
    funder: 'Il programma o finanziatore può avere al massimo 300 caratteri.',
    countries:
      'Paese sconosciuto: scrivi i paesi in italiano o in inglese, oppure i codici (SN), separati da virgole.',
    totalBudget: 'Scrivi un importo come 250000 o 250.000,00, oppure lascia vuoto.',
    ownShare: 'Scrivi un importo come 40.000,00, oppure lascia vuoto.',
    'ownShare:over_total': 'La quota dell’ente supera il budget totale: scrivi un importo non maggiore.',
    resultsIt: 'I risultati possono avere al massimo 10.000 caratteri.',
    resultsEn: 'I risultati possono avere al massimo 10.000 caratteri.',
    source: 'Scrivi da dove viene il cofinanziamento, al massimo 300 caratteri.',
    amount: 'Scrivi un importo come 12500 o 12.500,50.',
    'code:taken': 'C’è già un progetto con questo codice.',
  } as Record<string, string>,
};

type Fields = typeof it;

const en: Fields = {
  labels: {
    funder: 'Programme or funder',
    countries: 'Countries where it takes place',
    totalBudget: 'Total budget',
    ownShare: "The institution's share",
    resultsIt: 'Results, in Italian',
    resultsEn: 'Results, in English',
    documents: 'Documents and pages',
    source: 'Source of co-funding',
    amount: 'Amount',
    partners: 'Partners',
    funding: 'Co-funding',
  },
  hints: {
    funder: 'E.g. Interreg Europe, AICS, Regione Toscana.',
    countries: 'Names or codes separated by commas, e.g. Senegal, BF.',
    totalBudget: 'In the currency above, without thousands separators: e.g. 250000 or 250000.00.',
    ownShare: 'The part of the budget the institution pays for, e.g. 40000. Optional.',
    documents: 'One per line: the title, then the http(s) address.',
    source: 'E.g. Regione Lombardia, a foundation, the European Commission.',
    amount: "In the project's currency, without thousands separators: e.g. 12500.50.",
  },
  fieldMessages: {
    funder: 'The programme or funder takes at most 300 characters.',
    countries:
      'Unknown country: write the countries in English or Italian, or their codes (SN), separated by commas.',
    totalBudget: 'Write an amount such as 250000 or 250000.00, or leave it empty.',
    ownShare: 'Write an amount such as 40000 or 40000.00, or leave it empty.',
    'ownShare:over_total':
      "The institution's share is larger than the total budget: write an amount no larger.",
    resultsIt: 'The results take at most 10,000 characters.',
    resultsEn: 'The results take at most 10,000 characters.',
    source: 'Write where the co-funding comes from, at most 300 characters.',
    amount: 'Write an amount such as 12500 or 12500.50.',
    'code:taken': 'A project with this code already exists.',
  },
};

export const projectsFields = { it, en };
