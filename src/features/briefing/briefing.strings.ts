// The words of the briefing pack, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  pack: 'Dossier per il Sindaco',
  kinds: { visit: 'Visita in città', mission: 'Missione all’estero', meeting: 'Incontro' } as Record<
    string,
    string
  >,
  statuses: {
    proposed: 'proposta',
    confirmed: 'confermata',
    held: 'svolta',
    cancelled: 'annullata',
  } as Record<string, string>,
  when: 'Quando',
  where: 'Dove',
  who: 'Chi',
  purpose: 'Scopo',
  status: 'Stato',
  programme: 'Programma',
  tour: 'visita guidata',
  partners: 'Il partner',
  noPartner: 'Nessun partner indicato.',
  country: 'Paese',
  agreements: 'Accordi e loro storia',
  noAgreements: 'Nessun accordo con questo partner.',
  signed: 'firmato',
  past: 'Precedenti',
  noPast: 'Nessuna visita, missione o incontro precedente registrati.',
  outcome: 'Esito',
  open: 'Seguiti ancora aperti',
  noOpen: 'Nessuna azione aperta.',
  by: 'entro il',
  networks: 'Reti interessate',
  noNetworks: 'Nessuna rete indicata.',
  giftsTitle: 'Doni scambiati',
  noGifts: 'Nessun dono registrato con questo partner, in questa occasione o nelle precedenti.',
  directions: { received: 'ricevuto', given: 'offerto' } as Record<string, string>,
  made: (day: string) => `Preparato da Ponte il ${day}. Documento interno: contiene dati non pubblici.`,
  mapOf: (name: string) => `Mappa: ${name}`,
};

type Strings = typeof it;

const en: Strings = {
  pack: 'Briefing pack for the Mayor',
  kinds: { visit: 'Visit to the city', mission: 'Mission abroad', meeting: 'Meeting' },
  statuses: { proposed: 'proposed', confirmed: 'confirmed', held: 'held', cancelled: 'cancelled' },
  when: 'When',
  where: 'Where',
  who: 'Who',
  purpose: 'Purpose',
  status: 'Status',
  programme: 'Programme',
  tour: 'guided tour',
  partners: 'The partner',
  noPartner: 'No partner given.',
  country: 'Country',
  agreements: 'Agreements and their history',
  noAgreements: 'No agreement with this partner.',
  signed: 'signed',
  past: 'Before',
  noPast: 'No earlier visit, mission or meeting recorded.',
  outcome: 'Outcome',
  open: 'Follow-ups still open',
  noOpen: 'No open action.',
  by: 'by',
  networks: 'Networks concerned',
  noNetworks: 'No network given.',
  giftsTitle: 'Gifts exchanged',
  noGifts: 'No gift recorded with this partner, on this occasion or on earlier ones.',
  directions: { received: 'received', given: 'given' },
  made: (day: string) => `Prepared by Ponte on ${day}. Internal document: it holds non-public data.`,
  mapOf: (name: string) => `Map: ${name}`,
};

export const briefingStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
