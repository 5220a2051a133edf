// The labels, hints and error messages of the contacts register's fields (organisations), in Italian and
// English. strings.ts merges them into the shared words, so that forms, the stale-save table and the audit
// history name a field alike.

const it = {
  labels: {
    kind: 'Tipo',
    postKind: 'Tipo di sede consolare',
    communities: 'Comunità (paesi)',
    district: 'Circoscrizione consolare (regioni)',
    city: 'Città',
    coordinates: 'Posizione sulla mappa',
    point: 'Posizione sulla mappa',
    openingHoursIt: 'Orari di apertura, in italiano',
    openingHoursEn: 'Orari di apertura, in inglese',
    activitiesIt: 'Attività, in italiano',
    activitiesEn: 'Attività, in inglese',
    registerNumber: 'Numero nel registro comunale delle associazioni',
    name: 'Nome e cognome',
    honorific: 'Titolo di cortesia',
    preferredLanguage: 'Lingua preferita',
    visibility: 'Chi vede la persona',
    emailVisibility: 'Chi vede l’e-mail',
    phoneVisibility: 'Chi vede il telefono',
    addressVisibility: 'Chi vede l’indirizzo',
    notesVisibility: 'Chi vede le note',
    legalBasis: 'Base giuridica del trattamento',
    consentOn: 'Data del consenso',
    consentText: 'Testo a cui ha acconsentito',
    reviewOn: 'Data di revisione',
    organisationId: 'Organizzazione',
    head: 'Capo della sede',
    changed: 'Campi cambiati',
    given: 'Campi compilati',
  } as Record<string, string>,
  hints: {
    postKind:
      'Solo per le sedi consolari: ambasciata, consolato generale, consolato, vice consolato o consolato onorario.',
    communities:
      'Solo per le associazioni: i paesi delle comunità, separati da virgole, per esempio: Cina, Filippine.',
    district:
      'Solo per le sedi consolari: le regioni servite, separate da virgole, per esempio: Lombardia, Piemonte.',
    coordinates:
      'Latitudine e longitudine separate da una virgola, per esempio 45.4642, 9.1900: le mostra la funzione «Condividi» di OpenStreetMap. Facoltativa.',
    registerNumber: 'Solo per le associazioni iscritte al registro del Comune, se c’è.',
    honorific: 'Per esempio «S.E.» o «Dott.ssa». Facoltativo.',
    legalBasis:
      'Per chi ricopre un incarico pubblico (un console) il compito di interesse pubblico; per un privato il consenso.',
    consentOn: 'Obbligatoria con il consenso: il giorno in cui è stato dato, per esempio 2026-11-20.',
    consentText: 'Obbligatorio con il consenso: il testo dell’informativa a cui la persona ha acconsentito.',
    reviewOn:
      'Da quel giorno la bacheca chiede di confermare i dati o cancellarli. Se lo lasci vuoto, fra 24 mesi.',
    visibility:
      'Una persona visibile a tutti può comparire sul portale (per esempio il capo di una sede consolare).',
  } as Record<string, string>,
  fieldMessages: {
    kind: 'Scegli il tipo di organizzazione dalla lista.',
    postKind: 'Per una sede consolare scegli il tipo di sede dalla lista.',
    communities:
      'Paese sconosciuto: scrivi i paesi in italiano o in inglese, oppure i codici (CN), separati da virgole.',
    district:
      'Regione sconosciuta: scrivi le regioni italiane separate da virgole, per esempio Lombardia, Piemonte.',
    'district:post_only': 'Solo una sede consolare ha una circoscrizione: lascia vuoto questo campo.',
    city: 'La città può avere al massimo 100 caratteri, su una riga.',
    coordinates:
      'Scrivi latitudine e longitudine separate da una virgola, per esempio 45.4642, 9.1900, oppure lascia vuoto.',
    openingHoursIt: 'Gli orari possono avere al massimo 1000 caratteri.',
    openingHoursEn: 'Gli orari possono avere al massimo 1000 caratteri.',
    activitiesIt: 'Le attività possono avere al massimo 5000 caratteri.',
    activitiesEn: 'Le attività possono avere al massimo 5000 caratteri.',
    registerNumber: 'Il numero può avere al massimo 60 caratteri, su una riga.',
    name: 'Scrivi nome e cognome, al massimo 200 caratteri, su una riga.',
    honorific: 'Il titolo di cortesia può avere al massimo 60 caratteri.',
    preferredLanguage: 'Lingua sconosciuta: scrivi una sola lingua, per nome (spagnolo) o codice (es).',
    visibility: 'Scegli chi vede la persona dalla lista.',
    legalBasis: 'Scegli la base giuridica dalla lista.',
    consentOn: 'Con il consenso scrivi il giorno in cui è stato dato, come 2026-11-20.',
    consentText: 'Con il consenso scrivi il testo a cui la persona ha acconsentito.',
    reviewOn: 'Scrivi un giorno come 2028-12-01, oppure lascia vuoto.',
    organisationId: 'Scegli un’organizzazione del registro del tuo ente.',
    'endsOn:before_start': 'La fine dell’incarico non può venire prima dell’inizio.',
  } as Record<string, string>,
};

const en: typeof it = {
  labels: {
    kind: 'Kind',
    postKind: 'Kind of consular post',
    communities: 'Communities (countries)',
    district: 'Consular district (regions)',
    city: 'City',
    coordinates: 'Place on the map',
    point: 'Place on the map',
    openingHoursIt: 'Opening hours, in Italian',
    openingHoursEn: 'Opening hours, in English',
    activitiesIt: 'Activities, in Italian',
    activitiesEn: 'Activities, in English',
    registerNumber: "Number in the council's register of associations",
    name: 'Full name',
    honorific: 'Honorific',
    preferredLanguage: 'Preferred language',
    visibility: 'Who sees the person',
    emailVisibility: 'Who sees the e-mail',
    phoneVisibility: 'Who sees the phone',
    addressVisibility: 'Who sees the address',
    notesVisibility: 'Who sees the notes',
    legalBasis: 'Legal basis of the processing',
    consentOn: 'Day of consent',
    consentText: 'Text consented to',
    reviewOn: 'Review day',
    organisationId: 'Organisation',
    head: 'Head of post',
    changed: 'Fields changed',
    given: 'Fields given',
  },
  hints: {
    postKind:
      'Consular posts only: embassy, consulate general, consulate, vice-consulate or honorary consulate.',
    communities:
      "Associations only: the communities' countries, separated by commas, e.g. China, Philippines.",
    district: 'Consular posts only: the regions served, separated by commas, e.g. Lombardia, Piemonte.',
    coordinates:
      'Latitude and longitude separated by a comma, e.g. 45.4642, 9.1900: OpenStreetMap\'s "Share" shows them. Optional.',
    registerNumber: "Associations in the council's register only, where there is one.",
    honorific: 'For example "H.E." or "Dr". Optional.',
    legalBasis:
      'For holders of a public office (a consul), the task in the public interest; for a private person, consent.',
    consentOn: 'Required with consent: the day it was given, e.g. 2026-11-20.',
    consentText: 'Required with consent: the text of the notice the person agreed to.',
    reviewOn: 'From that day the dashboard asks to confirm the data or erase them. Left empty, in 24 months.',
    visibility: 'A person visible to everyone may appear on the portal (e.g. the head of a consular post).',
  },
  fieldMessages: {
    kind: 'Choose the kind of organisation from the list.',
    postKind: 'For a consular post, choose the kind of post from the list.',
    communities:
      'Unknown country: write the countries in English or Italian, or their codes (CN), separated by commas.',
    district: 'Unknown region: write Italian regions separated by commas, e.g. Lombardia, Piemonte.',
    'district:post_only': 'Only a consular post has a district: leave this field empty.',
    city: 'The city takes at most 100 characters, on one line.',
    coordinates:
      'Write the latitude and the longitude separated by a comma, e.g. 45.4642, 9.1900, or leave it empty.',
    openingHoursIt: 'The opening hours take at most 1000 characters.',
    openingHoursEn: 'The opening hours take at most 1000 characters.',
    activitiesIt: 'The activities take at most 5000 characters.',
    activitiesEn: 'The activities take at most 5000 characters.',
    registerNumber: 'The number takes at most 60 characters, on one line.',
    name: 'Write the full name, at most 200 characters, on one line.',
    honorific: 'The honorific takes at most 60 characters.',
    preferredLanguage: 'Unknown language: write one language, by name (Spanish) or code (es).',
    visibility: 'Choose who sees the person from the list.',
    legalBasis: 'Choose the legal basis from the list.',
    consentOn: 'With consent, write the day it was given, e.g. 2026-11-20.',
    consentText: 'With consent, write the text the person agreed to.',
    reviewOn: 'Write a day such as 2028-12-01, or leave it empty.',
    organisationId: "Choose one of your institution's organisations.",
    'endsOn:before_start': 'The role cannot end before it starts.',
  },
};

export const contactsFields = { it, en };
