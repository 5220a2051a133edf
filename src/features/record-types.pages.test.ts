// Every record type's back-office pages together: every write route for each role, stale forms and
// deletes, escaped text, and no input that makes a route answer 500.
import { describe, expect, it } from 'vitest';
import {
  makeFollowUp,
  makeMeeting,
  makeMission,
  makeObjective,
  makeOrganisation,
  makePerson,
  makeProject,
  makeVisit,
} from '../../test/factories-backoffice.ts';
import {
  auditCount,
  ctx,
  get,
  membership,
  milan,
  milanId,
  network,
  one,
  organisation,
  post,
  unit,
  useRecordsPages,
} from '../../test/records-pages.ts';
import { uniqueSlug } from '../../test/support.ts';
import { BLANK_DOSSIER } from './dossiers/dossiers.service.ts';
import { BLANK_GIFT } from './gifts/gifts.service.ts';

useRecordsPages();

interface WriteCase {
  name: string;
  entity: string;
  /** Makes the record the route writes (fresh for each role) and says how to tell the write happened. */
  prepare: () => Promise<{ url: string; fields: Record<string, string>; applied: () => Promise<boolean> }>;
  /** Who may write; the others get 403 and nothing changes. */
  allowed: (keyof typeof milan)[];
}

const WRITERS: WriteCase['allowed'] = ['admin', 'editor', 'platform'];

const visit = () => makeVisit(ctx.services, milanId);
const mission = () => makeMission(ctx.services, milanId);

const objective = () => makeObjective(ctx.services, milanId);

const WRITE_CASES: WriteCase[] = [
  {
    name: 'add a deadline to a candidacy',
    entity: 'dossier',
    allowed: WRITERS,
    prepare: async () => {
      const d = await ctx.services.dossiers.create(milanId, {
        ...BLANK_DOSSIER,
        titleIt: 'Premio',
        kind: 'prize',
      });
      return {
        url: `/admin/it/dossiers/${d.id}/deadlines/new`,
        fields: { version: '1', labelIt: 'Dossier completo', dueOn: '01/04/2027' },
        applied: async () =>
          !!(await one("select 1 from dossier_deadlines where dossier_id = $1 and due_on = '2027-04-01'", [
            d.id,
          ])),
      };
    },
  },
  {
    name: 'add an event',
    entity: 'event',
    allowed: WRITERS,
    prepare: async () => {
      const title = `Evento ${uniqueSlug('e')}`;
      return {
        url: '/admin/it/events/new',
        fields: {
          titleIt: title,
          role: 'organiser',
          status: 'proposed',
          startsOn: '10/05/2027',
          coordinates: '43.7693, 11.2558',
        },
        applied: async () =>
          !!(await one('select 1 from events where title_it = $1 and latitude is not null', [title])),
      };
    },
  },
  {
    name: 'add a project',
    entity: 'project',
    allowed: WRITERS,
    prepare: async () => {
      const code = uniqueSlug('P');
      return {
        url: '/admin/it/projects/new',
        fields: { code, kind: 'cooperation', titleIt: 'Progetto', role: 'lead', status: 'idea' },
        applied: async () => !!(await one('select 1 from projects where code = $1', [code])),
      };
    },
  },
  {
    name: 'add a co-funding source to a project',
    entity: 'project',
    allowed: WRITERS,
    prepare: async () => {
      const p = await makeProject(ctx.services, milanId);
      return {
        url: `/admin/it/projects/${p.id}/funding/new`,
        fields: { version: '1', source: 'Regione', amount: '1.000,00' },
        applied: async () =>
          !!(await one("select 1 from project_funding where project_id = $1 and amount = '1000.00'", [p.id])),
      };
    },
  },
  {
    name: 'add an objective',
    entity: 'objective',
    allowed: WRITERS,
    prepare: async () => {
      const title = `Obiettivo ${uniqueSlug('o')}`;
      return {
        url: '/admin/it/plan/new',
        fields: {
          level: 'strategic',
          titleIt: title,
          mandateFrom: '2019',
          mandateTo: '2024',
          mission: '19',
          firstYear: '2022',
          lastYear: '2024',
        },
        applied: async () => !!(await one('select 1 from objectives where title_it = $1', [title])),
      };
    },
  },
  {
    name: "record an objective's money",
    entity: 'objective',
    allowed: WRITERS,
    prepare: async () => {
      const o = await objective();
      return {
        url: `/admin/it/plan/${o.id}/money`,
        fields: { version: '1', expensePaid_2023: '1.234,56' },
        applied: async () =>
          !!(await one("select 1 from objective_years where objective_id = $1 and expense_paid = '1234.56'", [
            o.id,
          ])),
      };
    },
  },
  {
    name: 'link a visit to an objective',
    entity: 'objective',
    allowed: WRITERS,
    prepare: async () => {
      const [o, v] = [await objective(), await visit()];
      return {
        url: `/admin/it/plan/${o.id}/links`,
        fields: { record: `visit:${v.id}` },
        applied: async () => !!(await one('select 1 from objective_links where visit_id = $1', [v.id])),
      };
    },
  },
  {
    name: 'delete a photograph of a gift',
    entity: 'gift',
    allowed: WRITERS,
    prepare: async () => {
      const g = await ctx.services.gifts.create(milanId, {
        ...BLANK_GIFT,
        direction: 'given',
        onDay: '2027-02-01',
        descriptionIt: 'Targa',
      });
      const photo = await ctx.services.attachments.add({
        institutionId: milanId,
        giftId: g.id,
        filename: 'targa.png',
        bytes: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
        actor: 'test',
      });
      return {
        url: `/admin/it/gifts/${g.id}/photos/${photo.id}/delete`,
        fields: { version: '1' },
        applied: async () => !(await one('select 1 from attachments where id = $1', [photo.id])),
      };
    },
  },
  {
    name: 'record a gift',
    entity: 'gift',
    allowed: WRITERS,
    prepare: async () => {
      const what = `Dono ${uniqueSlug('g')}`;
      return {
        url: '/admin/it/gifts/new',
        fields: {
          direction: 'received',
          onDay: '2027-02-01',
          descriptionIt: what,
          value: '200',
          disposition: 'kept',
        },
        applied: async () =>
          !!(await one("select 1 from gifts where description_it = $1 and disposition = 'kept'", [what])),
      };
    },
  },
  {
    name: 'delete a gift',
    entity: 'gift',
    allowed: WRITERS,
    prepare: async () => {
      const g = await ctx.services.gifts.create(milanId, {
        ...BLANK_GIFT,
        direction: 'given',
        onDay: '2027-02-01',
        descriptionIt: 'Targa',
      });
      return {
        url: `/admin/it/gifts/${g.id}/delete`,
        fields: { version: String(g.version) },
        applied: async () => !(await one('select 1 from gifts where id = $1', [g.id])),
      };
    },
  },
  {
    name: 'add a follow-up to a meeting',
    entity: 'meeting',
    allowed: WRITERS,
    prepare: async () => {
      const m = await makeMeeting(ctx.services, milanId);
      return {
        url: `/admin/it/meetings/${m.id}/follow-ups/new`,
        fields: { action: 'Scrivere al Console', dueOn: '2027-07-01' },
        applied: async () =>
          !!(await one("select 1 from follow_ups where meeting_id = $1 and due_on = '2027-07-01'", [m.id])),
      };
    },
  },
  {
    name: 'edit a follow-up of a visit',
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      const f = await makeFollowUp(ctx.database, milanId, { kind: 'visit', id: v.id });
      return {
        url: `/admin/it/visits/${v.id}/follow-ups/${f.id}/edit`,
        fields: { version: '1', action: f.action, owner: 'Marco' },
        applied: async () =>
          !!(await one("select 1 from follow_ups where id = $1 and owner = 'Marco'", [f.id])),
      };
    },
  },
  {
    name: 'mark a follow-up of a mission done',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const m = await mission();
      const f = await makeFollowUp(ctx.database, milanId, { kind: 'mission', id: m.id });
      return {
        url: `/admin/it/missions/${m.id}/follow-ups/${f.id}/done`,
        fields: { version: '1' },
        applied: async () =>
          !!(await one('select 1 from follow_ups where id = $1 and done_on is not null', [f.id])),
      };
    },
  },
  {
    name: 'delete a follow-up of a visit',
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      const f = await makeFollowUp(ctx.database, milanId, { kind: 'visit', id: v.id });
      return {
        url: `/admin/it/visits/${v.id}/follow-ups/${f.id}/delete`,
        fields: { version: '1' },
        applied: async () => !(await one('select 1 from follow_ups where id = $1', [f.id])),
      };
    },
  },
  {
    name: 'record an organisation',
    entity: 'organisation',
    allowed: WRITERS,
    prepare: async () => {
      const name = `Associazione ${uniqueSlug('a')}`;
      return {
        url: '/admin/it/organisations/new',
        fields: { kind: 'association', nameIt: name, communities: 'Cina' },
        applied: async () =>
          !!(await one("select 1 from organisations where name_it = $1 and communities = '{CN}'", [name])),
      };
    },
  },
  {
    name: 'edit an organisation',
    entity: 'organisation',
    allowed: WRITERS,
    prepare: async () => {
      const o = await makeOrganisation(ctx.services, milanId);
      return {
        url: `/admin/it/organisations/${o.id}/edit`,
        fields: {
          version: String(o.version),
          kind: o.kind,
          postKind: o.postKind ?? '',
          nameIt: o.nameIt,
          country: 'JP',
          district: 'Lombardia',
          email: 'consolato@example.org',
        },
        applied: async () =>
          !!(await one("select 1 from organisations where id = $1 and email = 'consolato@example.org'", [
            o.id,
          ])),
      };
    },
  },
  {
    name: 'delete an organisation',
    entity: 'organisation',
    allowed: WRITERS,
    prepare: async () => {
      const o = await makeOrganisation(ctx.services, milanId);
      return {
        url: `/admin/it/organisations/${o.id}/delete`,
        fields: { version: String(o.version) },
        applied: async () => !(await one('select 1 from organisations where id = $1', [o.id])),
      };
    },
  },
  {
    name: 'record a person',
    entity: 'person',
    allowed: WRITERS,
    prepare: async () => {
      const name = `Persona ${uniqueSlug('p')}`;
      return {
        url: '/admin/it/people/new',
        fields: { name, legalBasis: 'public_task', visibility: 'staff' },
        applied: async () => !!(await one('select 1 from people where name = $1', [name])),
      };
    },
  },
  {
    name: 'erase a person',
    entity: 'person',
    allowed: WRITERS,
    prepare: async () => {
      const p = await makePerson(ctx.services, milanId);
      return {
        url: `/admin/it/people/${p.id}/delete`,
        fields: { version: String(p.version), confirm: 'yes' },
        applied: async () => !(await one('select 1 from people where id = $1', [p.id])),
      };
    },
  },
  {
    name: "confirm a person's review",
    entity: 'person',
    allowed: WRITERS,
    prepare: async () => {
      const p = await makePerson(ctx.services, milanId, { reviewOn: '2026-01-01' });
      return {
        url: `/admin/it/people/${p.id}/review`,
        fields: { version: String(p.version) },
        applied: async () =>
          !!(await one("select 1 from people where id = $1 and review_on > '2027-01-01'", [p.id])),
      };
    },
  },
  {
    name: 'record a meeting',
    entity: 'meeting',
    allowed: WRITERS,
    prepare: async () => {
      const title = `Incontro ${uniqueSlug('i')}`;
      return {
        url: '/admin/it/meetings/new',
        fields: { titleIt: title, startsOn: '2027-06-01', mode: 'online' },
        applied: async () =>
          !!(await one("select 1 from meetings where title_it = $1 and mode = 'online'", [title])),
      };
    },
  },
  {
    name: 'edit a meeting',
    entity: 'meeting',
    allowed: WRITERS,
    prepare: async () => {
      const m = await makeMeeting(ctx.services, milanId);
      return {
        url: `/admin/it/meetings/${m.id}/edit`,
        fields: { version: String(m.version), titleIt: m.titleIt, startsOn: m.startsOn, status: 'held' },
        applied: async () =>
          !!(await one("select 1 from meetings where id = $1 and status = 'held'", [m.id])),
      };
    },
  },
  {
    name: 'delete a meeting',
    entity: 'meeting',
    allowed: WRITERS,
    prepare: async () => {
      const m = await makeMeeting(ctx.services, milanId);
      return {
        url: `/admin/it/meetings/${m.id}/delete`,
        fields: { version: String(m.version) },
        applied: async () => !(await one('select 1 from meetings where id = $1', [m.id])),
      };
    },
  },
  {
    name: 'record a mission',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const title = `Missione ${uniqueSlug('m')}`;
      return {
        url: '/admin/it/missions/new',
        fields: { titleIt: title, startsOn: '2027-06-01', destinations: 'Lione, Francia' },
        applied: async () => !!(await one('select 1 from missions where title_it = $1', [title])),
      };
    },
  },
  {
    name: 'edit a mission',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const m = await mission();
      return {
        url: `/admin/it/missions/${m.id}/edit`,
        fields: { version: String(m.version), titleIt: m.titleIt, startsOn: m.startsOn, status: 'cancelled' },
        applied: async () =>
          !!(await one("select 1 from missions where id = $1 and status = 'cancelled'", [m.id])),
      };
    },
  },
  {
    name: 'delete a mission',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const m = await mission();
      return {
        url: `/admin/it/missions/${m.id}/delete`,
        fields: { version: String(m.version) },
        applied: async () => !(await one('select 1 from missions where id = $1', [m.id])),
      };
    },
  },
  {
    name: 'add a traveller to a mission',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const m = await mission();
      return {
        url: `/admin/it/missions/${m.id}/travellers/new`,
        fields: { name: 'Luca Consigliere', office: 'councillor', travelCost: '99' },
        applied: async () =>
          !!(await one(
            "select 1 from mission_travellers where mission_id = $1 and name = 'Luca Consigliere'",
            [m.id],
          )),
      };
    },
  },
  {
    name: 'edit a traveller of a mission',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const m = await mission();
      return {
        url: `/admin/it/missions/${m.id}/travellers/${m.traveller.id}/edit`,
        fields: { version: '1', name: m.traveller.name, office: 'mayor', otherCost: '12,50' },
        applied: async () =>
          !!(await one('select 1 from mission_travellers where id = $1 and other_cost = 12.50', [
            m.traveller.id,
          ])),
      };
    },
  },
  {
    name: 'delete a traveller of a mission',
    entity: 'mission',
    allowed: WRITERS,
    prepare: async () => {
      const m = await mission();
      return {
        url: `/admin/it/missions/${m.id}/travellers/${m.traveller.id}/delete`,
        fields: { version: '1' },
        applied: async () => !(await one('select 1 from mission_travellers where id = $1', [m.traveller.id])),
      };
    },
  },
  {
    name: 'record a visit',
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const title = `Visita ${uniqueSlug('v')}`;
      return {
        url: '/admin/it/visits/new',
        fields: { titleIt: title, status: 'confirmed', startsOn: '2027-06-01', languages: 'francese' },
        applied: async () =>
          !!(await one("select 1 from visits where title_it = $1 and languages = array['fr']", [title])),
      };
    },
  },
  {
    name: 'edit a visit',
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      return {
        url: `/admin/it/visits/${v.id}/edit`,
        fields: { version: String(v.version), titleIt: v.titleIt, startsOn: v.startsOn, status: 'held' },
        applied: async () => !!(await one("select 1 from visits where id = $1 and status = 'held'", [v.id])),
      };
    },
  },
  {
    name: 'delete a visit',
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      return {
        url: `/admin/it/visits/${v.id}/delete`,
        fields: { version: String(v.version) },
        applied: async () => !(await one('select 1 from visits where id = $1', [v.id])),
      };
    },
  },
  {
    name: "add an item to a visit's programme",
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      return {
        url: `/admin/it/visits/${v.id}/programme/new`,
        fields: { day: '2027-03-16', activityIt: 'Pranzo', kind: 'activity' },
        applied: async () =>
          !!(await one("select 1 from visit_items where visit_id = $1 and activity_it = 'Pranzo'", [v.id])),
      };
    },
  },
  {
    name: "edit an item of a visit's programme",
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      return {
        url: `/admin/it/visits/${v.id}/programme/${v.item.id}/edit`,
        fields: { version: '1', day: v.item.day, activityIt: v.item.activityIt, place: 'Palazzo Marino' },
        applied: async () =>
          !!(await one("select 1 from visit_items where id = $1 and place = 'Palazzo Marino'", [v.item.id])),
      };
    },
  },
  {
    name: "delete an item of a visit's programme",
    entity: 'visit',
    allowed: WRITERS,
    prepare: async () => {
      const v = await visit();
      return {
        url: `/admin/it/visits/${v.id}/programme/${v.item.id}/delete`,
        fields: { version: '1' },
        applied: async () => !(await one('select 1 from visit_items where id = $1', [v.item.id])),
      };
    },
  },
  {
    name: 'create a partner organisation',
    entity: 'counterpart',
    allowed: WRITERS,
    prepare: async () => {
      const name = `New org ${uniqueSlug('c')}`;
      return {
        url: '/admin/it/counterparts/new',
        fields: { nameIt: `${name} it`, nameEn: name, website: 'https://example.org', country: 'Belgio' },
        applied: async () =>
          !!(await one('select 1 from counterparts where name_en = $1 and country_code = $2', [name, 'BE'])),
      };
    },
  },
  {
    name: 'edit a partner',
    entity: 'counterpart',
    allowed: WRITERS,
    prepare: async () => {
      const cp = await organisation(milanId);
      const renamed = `Renamed ${uniqueSlug('r')}`;
      return {
        url: `/admin/it/counterparts/${cp.id}/edit`,
        fields: { version: String(cp.version), nameIt: renamed, nameEn: cp.nameEn, website: '', country: '' },
        applied: async () =>
          !!(await one('select 1 from counterparts where id = $1 and name_it = $2', [cp.id, renamed])),
      };
    },
  },
  {
    name: 'delete a partner',
    entity: 'counterpart',
    allowed: WRITERS,
    prepare: async () => {
      const cp = await organisation(milanId);
      return {
        url: `/admin/it/counterparts/${cp.id}/delete`,
        fields: { version: String(cp.version) },
        applied: async () => !(await one('select 1 from counterparts where id = $1', [cp.id])),
      };
    },
  },
  {
    name: 'create a unit',
    entity: 'unit',
    allowed: WRITERS,
    prepare: async () => {
      const slug = uniqueSlug('newunit');
      return {
        url: '/admin/it/units/new',
        fields: { slug, nameIt: 'Nuovo ufficio', nameEn: 'New unit', head: 'Maria Rossi' },
        applied: async () =>
          !!(await one('select 1 from units where slug = $1 and institution_id = $2', [slug, milanId])),
      };
    },
  },
  {
    name: 'edit a unit',
    entity: 'unit',
    allowed: WRITERS,
    prepare: async () => {
      const u = await unit(milanId);
      return {
        url: `/admin/it/units/${u.id}/edit`,
        fields: {
          version: '1',
          slug: u.slug,
          nameIt: 'Ufficio rinominato',
          nameEn: u.nameEn,
          head: 'Anna Bianchi',
        },
        applied: async () =>
          !!(await one("select 1 from units where id = $1 and head = 'Anna Bianchi'", [u.id])),
      };
    },
  },
  {
    name: 'delete a unit',
    entity: 'unit',
    allowed: WRITERS,
    prepare: async () => {
      const u = await unit(milanId);
      return {
        url: `/admin/it/units/${u.id}/delete`,
        fields: { version: '1' },
        applied: async () => !(await one('select 1 from units where id = $1', [u.id])),
      };
    },
  },
  {
    name: 'join a network',
    entity: 'membership',
    allowed: WRITERS,
    prepare: async () => {
      const net = await network();
      return {
        url: `/admin/it/networks/${net.id}/join`,
        fields: {
          since: '2019-03',
          roleIt: 'Membro',
          annualFee: '1.500,50',
          workingGroups: 'Cultura\nMobilità',
        },
        applied: async () =>
          !!(await one(
            `select 1 from memberships where network_id = $1 and institution_id = $2 and since_precision = 'month'
               and annual_fee = 1500.50 and fee_currency = 'EUR' and working_groups = array['Cultura','Mobilità']`,
            [net.id, milanId],
          )),
      };
    },
  },
  {
    name: 'edit a membership',
    entity: 'membership',
    allowed: WRITERS,
    prepare: async () => {
      const { membership: m } = await membership();
      return {
        url: `/admin/it/memberships/${m.id}/edit`,
        fields: {
          version: String(m.version),
          since: '2001',
          roleIt: 'Vicepresidenza',
          feeCurrency: 'usd',
          annualFee: '200',
        },
        applied: async () =>
          !!(await one(
            `select 1 from memberships where id = $1 and role_it = 'Vicepresidenza' and fee_currency = 'USD'`,
            [m.id],
          )),
      };
    },
  },
  {
    name: 'leave a network',
    entity: 'membership',
    allowed: WRITERS,
    prepare: async () => {
      const { membership: m } = await membership();
      return {
        url: `/admin/it/memberships/${m.id}/delete`,
        fields: { version: String(m.version) },
        applied: async () => !(await one('select 1 from memberships where id = $1', [m.id])),
      };
    },
  },
  {
    name: 'add a network to the catalogue',
    entity: 'network',
    allowed: WRITERS,
    prepare: async () => {
      const slug = uniqueSlug('catalogue');
      return {
        url: '/admin/it/networks/new',
        fields: {
          slug,
          acronym: 'CAT',
          nameIt: 'Rete nuova',
          nameEn: 'New network',
          website: 'https://net.example.org',
        },
        applied: async () => !!(await one('select 1 from networks where slug = $1', [slug])),
      };
    },
  },
  {
    name: 'edit a catalogue network',
    entity: 'network',
    // Only a platform administrator: every institution sees the catalogue.
    allowed: ['platform'],
    prepare: async () => {
      const net = await network();
      return {
        url: `/admin/it/networks/${net.id}/edit`,
        fields: {
          version: String(net.version),
          acronym: 'EDIT',
          nameIt: 'Rete corretta',
          nameEn: net.nameEn,
        },
        applied: async () =>
          !!(await one("select 1 from networks where id = $1 and acronym = 'EDIT'", [net.id])),
      };
    },
  },
  {
    name: 'delete a catalogue network',
    entity: 'network',
    allowed: ['platform'],
    prepare: async () => {
      const net = await network();
      return {
        url: `/admin/it/networks/${net.id}/delete`,
        fields: { version: String(net.version) },
        applied: async () => !(await one('select 1 from networks where id = $1', [net.id])),
      };
    },
  },
  {
    name: 'change the institution settings',
    entity: 'institution',
    allowed: ['admin', 'platform'],
    prepare: async () => {
      const { version } = (await one<{ version: number }>('select version from institutions where id = $1', [
        milanId,
      ]))!;
      const phone = `+39 02 ${1000000 + version}`;
      return {
        url: '/admin/it/settings',
        fields: { version: String(version), phone },
        applied: async () =>
          !!(await one('select 1 from institutions where id = $1 and phone = $2', [milanId, phone])),
      };
    },
  },
];

describe('roles: every write route for each role', () => {
  for (const c of WRITE_CASES) {
    for (const role of ['admin', 'editor', 'viewer', 'platform'] as const) {
      const allowed = c.allowed.includes(role);
      it(`when ${role === 'platform' ? 'a platform admin' : `an ${role}`} tries to ${c.name}, then it is ${allowed ? 'saved and audited' : 'refused (403) and nothing changes'}`, async () => {
        const { url, fields, applied } = await c.prepare();
        const who = milan[role];
        const audits = await auditCount(c.entity, who.email);
        const res = await post(url, who, fields);
        if (allowed) {
          expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
          expect(await applied()).toBe(true);
          expect(await auditCount(c.entity, who.email)).toBe(audits + 1);
        } else {
          expect(res.statusCode).toBe(403);
          expect(await applied()).toBe(false);
          expect(await auditCount(c.entity, who.email)).toBe(audits);
        }
      });
    }
  }

  it('when a viewer opens a form, then it is refused, and the record pages show no write buttons', async () => {
    const cp = await organisation(milanId);
    expect((await get('/admin/it/counterparts/new', milan.viewer)).statusCode).toBe(403);
    expect((await get(`/admin/it/counterparts/${cp.id}/edit`, milan.viewer)).statusCode).toBe(403);
    const page = await get(`/admin/it/counterparts/${cp.id}`, milan.viewer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Il tuo ruolo consente la sola lettura.');
    expect(page.body).not.toContain('/delete"');
    expect(page.body).not.toContain('/edit"');
  });

  it('when an editor adds a catalogue network, then the audit entry belongs to their institution', async () => {
    const slug = uniqueSlug('audited');
    const res = await post('/admin/en/networks/new', milan.editor, {
      slug,
      nameIt: 'Rete',
      nameEn: 'Network',
    });
    expect(res.statusCode).toBe(303);
    const created = await one<{ id: string }>('select id from networks where slug = $1', [slug]);
    const entry = await one<{ institution_id: string; actor: string; after: { slug: string } }>(
      `select institution_id, actor, after from audit_events where entity = 'network' and entity_id = $1`,
      [created!.id],
    );
    expect(entry).toMatchObject({ institution_id: milanId, actor: milan.editor.email, after: { slug } });
    const log = await get('/admin/en/audit', milan.admin);
    expect(log.body).toContain(`Network: <a href="/admin/en/networks/${created!.id}">Network</a>`);
  });

  it('when the form has no CSRF token, then the write is refused', async () => {
    const cp = await organisation(milanId);
    const res = await post(
      `/admin/it/counterparts/${cp.id}/edit`,
      { ...milan.editor, csrf: 'forged' },
      {
        version: '1',
        nameIt: 'Forged',
        nameEn: cp.nameEn,
      },
    );
    expect(res.statusCode).toBe(403);
    expect(
      (await one<{ name_it: string }>('select name_it from counterparts where id = $1', [cp.id]))!.name_it,
    ).toBe(cp.nameIt);
  });
});

describe('versions', () => {
  it('when a unit, a membership or a catalogue network form is stale, then it is refused with both versions', async () => {
    const u = await unit(milanId);
    await post(`/admin/en/units/${u.id}/edit`, milan.editor, {
      version: '1',
      slug: u.slug,
      nameIt: 'A',
      nameEn: 'Stored unit',
    });
    const staleUnit = await post(`/admin/en/units/${u.id}/edit`, milan.admin, {
      version: '1',
      slug: u.slug,
      nameIt: 'A',
      nameEn: 'Sent unit',
    });
    expect(staleUnit.statusCode).toBe(409);
    expect(staleUnit.body).toContain('Someone else changed this record');
    expect(staleUnit.body).toContain('<td>Stored unit</td><td><strong>Sent unit</strong></td>');

    const { membership: m } = await membership();
    await post(`/admin/en/memberships/${m.id}/edit`, milan.editor, { version: '1', roleEn: 'Stored role' });
    const staleMembership = await post(`/admin/en/memberships/${m.id}/edit`, milan.admin, {
      version: '1',
      roleEn: 'Sent role',
    });
    expect(staleMembership.statusCode).toBe(409);
    expect(staleMembership.body).toContain('<td>Stored role</td><td><strong>Sent role</strong></td>');
    expect(
      (await one<{ role_en: string }>('select role_en from memberships where id = $1', [m.id]))!.role_en,
    ).toBe('Stored role');

    const net = await network();
    const base = { acronym: '', nameIt: net.nameIt };
    expect(
      (
        await post(`/admin/en/networks/${net.id}/edit`, milan.platform, {
          ...base,
          version: '1',
          nameEn: 'Stored net',
        })
      ).statusCode,
    ).toBe(303);
    const staleNet = await post(`/admin/en/networks/${net.id}/edit`, milan.platform, {
      ...base,
      version: '1',
      nameEn: 'Sent net',
    });
    expect(staleNet.statusCode).toBe(409);
    expect(staleNet.body).toContain('<td>Stored net</td><td><strong>Sent net</strong></td>');
  });

  it('when a delete comes from a stale page, then it is refused and the record stays', async () => {
    const cp = await organisation(milanId);
    await post(`/admin/it/counterparts/${cp.id}/edit`, milan.editor, {
      version: '1',
      nameIt: 'Cambiato',
      nameEn: cp.nameEn,
    });
    const res = await post(`/admin/it/counterparts/${cp.id}/delete`, milan.editor, { version: '1' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('non è stata eliminata');
    expect(await one('select 1 from counterparts where id = $1', [cp.id])).toBeDefined();
  });
});

describe('record pages and history', () => {
  it('when a record page renders text typed by a person, then it is escaped', async () => {
    const cp = await organisation(milanId, `<script>alert(1)</script> ${uniqueSlug('x')}`);
    const page = await get(`/admin/en/counterparts/${cp.id}`, milan.viewer);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('no input makes a route answer 500', () => {
  it('when lists get nonsense parameters, then they answer normally', async () => {
    for (const url of [
      '/admin/it/counterparts?page=-5&sort=DROP&kind=x&country=ZZZ&q=%25_%5C',
      `/admin/en/counterparts?page=99999999999999999999&q=${'x'.repeat(5000)}`,
      '/admin/it/counterparts?page=abc&q=a&q=b&sort[]=name',
      '/admin/it/networks?member=maybe&sort=1;drop&page=0',
      '/admin/en/units?sort=%00&page=1e9&q=a%00b',
      '/admin/it/networks?q=%00%ED%A0%80',
    ]) {
      const res = await get(url, milan.viewer);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('when forms get nonsense, then the answer is a 4xx, never a 500', async () => {
    const cp = await organisation(milanId);
    const u = await unit(milanId);
    const { membership: m, network: net } = await membership();
    const attempts: [string, Record<string, string | string[]>][] = [
      [`/admin/it/counterparts/${cp.id}/edit`, { version: 'abc', nameIt: 'x', nameEn: 'y' }],
      [`/admin/it/counterparts/${cp.id}/edit`, { version: '-1', nameIt: 'x', nameEn: 'y' }],
      [`/admin/it/counterparts/${cp.id}/edit`, { version: '1', nameIt: ['a', 'b'], nameEn: 'x'.repeat(300) }],
      [
        `/admin/it/counterparts/${cp.id}/edit`,
        { version: '1', nameIt: 'a\u0000b', nameEn: 'y', website: 'https://\u0000' },
      ],
      [`/admin/it/counterparts/${cp.id}/delete`, {}],
      ['/admin/it/counterparts/not-a-uuid/edit', { version: '1' }],
      [
        `/admin/it/units/${u.id}/edit`,
        { version: '99999999999999999999', slug: 'ok', nameIt: 'a', nameEn: 'b' },
      ],
      [`/admin/it/units/${u.id}/edit`, { version: '1', slug: '-', nameIt: 'a', nameEn: 'b' }],
      [
        `/admin/it/memberships/${m.id}/edit`,
        { version: '1', since: '2020-13', workingGroups: 'x'.repeat(300) },
      ],
      [`/admin/it/memberships/${m.id}/delete`, { version: '0' }],
      [`/admin/it/networks/${net.id}/join`, { since: '2020' }],
      ['/admin/it/networks/00000000-0000-0000-0000-000000000000/join', { since: '2020' }],
      ['/admin/it/networks/new', { slug: 'a'.repeat(100), nameIt: '', nameEn: '' }],
      [`/admin/it/networks/${net.id}/edit`, { version: '1', nameIt: '', nameEn: '' }],
    ];
    for (const [url, fields] of attempts) {
      const res = await post(url, milan.editor, fields);
      expect(res.statusCode, `${url} ${JSON.stringify(fields).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    expect(await one('select version from memberships where id = $1', [m.id])).toEqual({ version: 1 });
  });
});
