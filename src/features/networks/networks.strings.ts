// The words of the back-office pages of networks and memberships, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Reti',
  lead: 'Il catalogo delle reti di città, condiviso da tutti gli enti, con le adesioni del tuo ente.',
  caption: 'Reti del catalogo e adesioni del tuo ente',
  add: 'Aggiungi una rete al catalogo',
  addLead:
    'Il catalogo è condiviso da tutti gli enti: controlla nell’elenco che la rete non ci sia già. Dopo averla aggiunta potrai registrare l’adesione del tuo ente.',
  editTitle: (name: string) => `Modifica la rete ${name} nel catalogo`,
  catalogueNote:
    'Il catalogo è condiviso da tutti gli enti: solo un amministratore della piattaforma può modificare una rete esistente.',
  search: 'Cerca per nome, sigla o identificativo',
  member: 'Adesione',
  anyMembership: 'Tutte le reti',
  members: 'Solo le reti a cui aderiamo',
  nonMembers: 'Solo le reti a cui non aderiamo',
  name: 'Rete',
  acronym: 'Sigla',
  isMember: 'Aderiamo',
  since: 'Dal',
  role: 'Ruolo',
  unit: 'Ufficio referente',
  sorts: {
    name: 'Nome, dalla A alla Z',
    '-name': 'Nome, dalla Z alla A',
    since: 'Data di adesione, dalla più antica',
    '-updated': 'Modificate più di recente nel catalogo',
  } as Record<string, string>,
  membershipTitle: 'Adesione del tuo ente',
  notMember: 'Il tuo ente non aderisce a questa rete.',
  join: 'Registra l’adesione',
  joinTitle: (name: string) => `Adesione a ${name}`,
  editMembership: 'Modifica l’adesione',
  editMembershipTitle: (name: string) => `Modifica l’adesione a ${name}`,
  leave: 'Registra l’uscita dalla rete',
  leaveLead: 'L’uscita elimina l’adesione; la storia resta nel registro delle modifiche.',
  deleteLead:
    'Una rete si può eliminare dal catalogo solo quando nessun ente vi aderisce: se la rete non esiste più, ogni ente ne esce prima.',
  inUse: (m: number) =>
    `Questa rete non si può eliminare: ${m === 1 ? 'un ente vi aderisce' : `${m} enti vi aderiscono`}. Ogni ente deve prima uscirne.`,
  alreadyMember: 'Il tuo ente aderisce già a questa rete: modifica l’adesione esistente.',
  catalogueForbidden:
    'Solo un amministratore della piattaforma può modificare una rete del catalogo, perché la vedono tutti gli enti.',
  unknownDate: 'non nota',
  fee: 'Quota annuale',
  noUnit: 'Nessun ufficio',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Networks',
  lead: "The catalogue of city networks, shared by every institution, with your institution's memberships.",
  caption: "Networks in the catalogue and your institution's memberships",
  add: 'Add a network to the catalogue',
  addLead:
    "The catalogue is shared by every institution: check the list first in case the network is already there. Once it is added you can record your institution's membership.",
  editTitle: (name: string) => `Edit the network ${name} in the catalogue`,
  catalogueNote:
    'The catalogue is shared by every institution: only a platform administrator can change an existing network.',
  search: 'Search by name, acronym or identifier',
  member: 'Membership',
  anyMembership: 'All networks',
  members: 'Only networks we belong to',
  nonMembers: 'Only networks we do not belong to',
  name: 'Network',
  acronym: 'Acronym',
  isMember: 'Member',
  since: 'Since',
  role: 'Role',
  unit: 'Unit in charge',
  sorts: {
    name: 'Name, A to Z',
    '-name': 'Name, Z to A',
    since: 'Date joined, earliest first',
    '-updated': 'Most recently changed in the catalogue',
  } as Record<string, string>,
  membershipTitle: "Your institution's membership",
  notMember: 'Your institution is not a member of this network.',
  join: 'Record joining',
  joinTitle: (name: string) => `Membership of ${name}`,
  editMembership: 'Edit the membership',
  editMembershipTitle: (name: string) => `Edit the membership of ${name}`,
  leave: 'Record leaving the network',
  leaveLead: 'Leaving deletes the membership; its history stays in the change log.',
  deleteLead:
    'A network can be deleted from the catalogue only while no institution is a member: if the network no longer exists, each member leaves it first.',
  inUse: (m: number) =>
    `This network cannot be deleted: ${m === 1 ? 'an institution is a member' : `${m} institutions are members`}. Each must leave it first.`,
  alreadyMember: 'Your institution is already a member of this network: edit the existing membership.',
  catalogueForbidden:
    'Only a platform administrator can change a network of the catalogue, because every institution sees it.',
  unknownDate: 'not known',
  fee: 'Annual fee',
  noUnit: 'No unit',
};

export const networksStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
