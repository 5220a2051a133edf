// The words of the back-office pages of the office's units, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Uffici',
  lead: 'Le unità organizzative del tuo ente, con le loro competenze e chi le dirige.',
  caption: 'Uffici del tuo ente',
  add: 'Aggiungi un ufficio',
  editTitle: (name: string) => `Modifica l’ufficio ${name}`,
  search: 'Cerca per nome, identificativo o responsabile',
  name: 'Ufficio',
  slug: 'Identificativo',
  head: 'Responsabile',
  networks: 'Reti seguite',
  agreements: 'Accordi seguiti',
  sorts: {
    position: 'Ordine dell’ente',
    name: 'Nome, dalla A alla Z',
    '-name': 'Nome, dalla Z alla A',
    '-updated': 'Modificati più di recente',
  } as Record<string, string>,
  usage: (m: number, a: number) =>
    `Segue ${m === 1 ? '1 rete' : `${m} reti`} e ${a === 1 ? '1 accordo' : `${a} accordi`}.`,
  inUse: (m: number, a: number) =>
    `Questo ufficio non si può eliminare: segue ${m === 1 ? '1 rete' : `${m} reti`} e ${a === 1 ? '1 accordo' : `${a} accordi`}. Affidali prima a un altro ufficio.`,
  deleteLead: 'Nessuna rete e nessun accordo fanno capo a questo ufficio: si può eliminare.',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Units',
  lead: "Your institution's organisational units, with their remit and who leads them.",
  caption: "Your institution's units",
  add: 'Add a unit',
  editTitle: (name: string) => `Edit the unit ${name}`,
  search: 'Search by name, identifier or head',
  name: 'Unit',
  slug: 'Identifier',
  head: 'Head',
  networks: 'Networks followed',
  agreements: 'Agreements followed',
  sorts: {
    position: "The institution's order",
    name: 'Name, A to Z',
    '-name': 'Name, Z to A',
    '-updated': 'Most recently changed',
  } as Record<string, string>,
  usage: (m: number, a: number) =>
    `Follows ${m === 1 ? '1 network' : `${m} networks`} and ${a === 1 ? '1 agreement' : `${a} agreements`}.`,
  inUse: (m: number, a: number) =>
    `This unit cannot be deleted: it follows ${m === 1 ? '1 network' : `${m} networks`} and ${a === 1 ? '1 agreement' : `${a} agreements`}. Hand them to another unit first.`,
  deleteLead: 'No network and no agreement is followed by this unit: it can be deleted.',
};

export const unitsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
