// The error messages of the candidacy dossiers' own fields, in Italian and English (their labels are the
// form's own). strings.ts merges them into the shared words.

const it = {
  labels: {} as Record<string, string>,
  hints: {} as Record<string, string>,
  fieldMessages: {
    decidedOn: 'Scrivi il giorno della decisione, come 2027-03-15: non prima della presentazione.',
    'decidedOn:required': 'Una candidatura vinta o non vinta ha il giorno della decisione: scrivilo.',
    'decidedOn:before_start': 'La decisione non può venire prima della presentazione.',
    submittedOn: 'Scrivi il giorno della presentazione, come 2027-03-15, oppure lascia vuoto.',
    callUrl:
      'Scrivi l’indirizzo della pagina del bando, che comincia con https:// o http://, oppure lascia vuoto.',
    awardingBody: 'Chi assegna può avere al massimo 300 caratteri.',
    callTitle: 'Il bando può avere al massimo 300 caratteri.',
    contributors: 'Chi contribuisce può avere al massimo 1000 caratteri.',
    labelIt: 'Scrivi che cosa scade, in italiano, al massimo 200 caratteri.',
    labelEn: 'La scadenza in inglese può avere al massimo 200 caratteri.',
  } as Record<string, string>,
};

type Fields = typeof it;

const en: Fields = {
  labels: {},
  hints: {},
  fieldMessages: {
    decidedOn: 'Write the day of the decision, e.g. 2027-03-15: not before the submission.',
    'decidedOn:required': 'A won or lost candidacy has the day of the decision: write it.',
    'decidedOn:before_start': 'The decision cannot come before the submission.',
    submittedOn: 'Write the day of the submission, e.g. 2027-03-15, or leave it empty.',
    callUrl: "Write the address of the call's page, starting with https:// or http://, or leave it empty.",
    awardingBody: 'The awarding body takes at most 300 characters.',
    callTitle: 'The call takes at most 300 characters.',
    contributors: 'The contributors take at most 1000 characters.',
    labelIt: 'Write what is due, in Italian, at most 200 characters.',
    labelEn: 'The deadline in English takes at most 200 characters.',
  },
};

export const dossiersFields = { it, en };
