// The setting of the record types' JSON write-route tests (features/*/<type>.api.test.ts and
// record-types.api.test.ts): two institutions made for the file, "milano" and "firenze" (named after the demo's
// so the tests read as before; nothing comes from the demo seed), write and read tokens of Milan, sessions,
// fixtures written as the database owner, and one call of every write route.
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../src/features/accounts/accounts.table.ts';
import { BLANK_DOSSIER } from '../src/features/dossiers/dossiers.service.ts';
import { BLANK_EVENT } from '../src/features/events/events.service.ts';
import { BLANK_GIFT } from '../src/features/gifts/gifts.service.ts';
import type { App } from '../src/platform/http/types.ts';
import { makeInstitution } from './factories.ts';
import {
  makeFollowUp,
  makeMeeting,
  makeMission,
  makeObjective,
  makeOrganisation,
  makePerson,
  makeProject,
  makeToken,
  makeVisit,
} from './factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext, uniqueSlug } from './support.ts';

export let ctx: TestContext;
export let app: App;
export let milanId: string;
export let florenceId: string;
export let milanWrite: string;
export let milanRead: string;
export let seq = 0;

export type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export interface Call {
  label: string;
  method: Method;
  url: string;
  payload?: Record<string, unknown>;
  /** The record the audit log files the change under, when it is not the one written (a child's parent). */
  auditedAs?: string;
  /** The answer of success, when it is not the method's usual one (an action by POST answers 200). */
  status?: number;
}
export type Headers = Record<string, string>;

export const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });
export const send = (call: Call, headers: Headers) =>
  app.inject({
    method: call.method,
    url: call.url,
    headers,
    ...(call.payload === undefined ? {} : { payload: call.payload }),
  });

/** A user of an institution with a session: the cookie header, the CSRF header, and the e-mail. */
export async function session(institution: string, role: Role, platformAdmin = false) {
  const { user, password } = await ctx.services.accounts.createUser({
    email: `registry.api.${role}${++seq}.${institution}@example.org`,
    institution,
    role,
    platformAdmin,
  });
  await ctx.services.accounts.authenticate(user.email, password!, '10.9.1.1');
  const { token, csrfToken } = await ctx.services.accounts.createSession(user.id, {
    method: 'password',
    address: '127.0.0.1',
  });
  const cookie = { cookie: `ponte_session=${token}` };
  return { cookie, withCsrf: { ...cookie, 'x-csrf-token': csrfToken }, email: user.email };
}

export const rowOf = async (table: string, id: string) =>
  (await ctx.database.query<Record<string, unknown>>(`select * from ${table} where id = $1`, [id]))[0];
export const auditOf = (id: string) =>
  ctx.database.query<{ actor: string; action: string; entity: string }>(
    'select actor, action, entity from audit_events where entity_id = $1 order by at, id',
    [id],
  );
export const auditTotal = async () =>
  (await ctx.database.query<{ n: number }>('select count(*)::int as n from audit_events'))[0]!.n;
/** Everything the write routes could touch, to show that a refused write changed nothing. */
export const registryState = async () =>
  ctx.database.query(
    `select 'counterparts' as t, id, version from counterparts union all
     select 'units', id, version from units union all
     select 'memberships', id, version from memberships union all
     select 'networks', id, version from networks union all
     select 'visits', id, version from visits union all
     select 'visit_items', id, version from visit_items union all
     select 'missions', id, version from missions union all
     select 'mission_travellers', id, version from mission_travellers union all
     select 'meetings', id, version from meetings union all
     select 'follow_ups', id, version from follow_ups union all
     select 'gifts', id, version from gifts union all
     select 'organisations', id, version from organisations union all
     select 'people', id, version from people union all
     select 'person_roles', id, version from person_roles union all
     select 'objectives', id, version from objectives union all
     select 'projects', id, version from projects union all
     select 'events', id, version from events union all
     select 'dossiers', id, version from dossiers
     order by 1, 2`,
  );

// ── Fixtures, written as the database owner ───────────────────────────────────────────────────────────

export async function organisation(institutionId: string) {
  const name = `Org ${uniqueSlug('o')}`;
  const [row] = await ctx.services.counterparts.ensureMany(institutionId, [
    { type: 'organisation', nameIt: `${name} (it)`, nameEn: name, website: 'https://org.example.org' },
  ]);
  return { id: row!.id, version: row!.version };
}

export async function unit(institutionId: string) {
  const slug = uniqueSlug('u');
  const made = await ctx.services.institutions.addUnit(
    institutionId,
    { slug, nameIt: `Ufficio ${slug}`, nameEn: `Unit ${slug}`, head: 'Anna Rossi' },
    50,
  );
  return { id: made.id, slug, version: Number((await rowOf('units', made.id))!['version']) };
}

export async function network() {
  const slug = uniqueSlug('net');
  const made = await ctx.services.networks.create({
    slug,
    nameIt: `Rete ${slug}`,
    nameEn: `Network ${slug}`,
  });
  return { id: made.id, slug, version: made.version };
}

export async function membership(institution: string) {
  const net = await network();
  const made = await ctx.services.networks.join(institution, {
    network: net.slug,
    since: '2019-05',
    roleIt: 'Membro',
    roleEn: 'Member',
    workingGroups: ['Cultura', 'Mobilità'],
  });
  return { id: made.id, networkId: net.id, version: made.version };
}

/** A visit of the institution with one item in its programme. */
export const visit = (institutionId: string) => makeVisit(ctx.services, institutionId);
/** A gift given by the institution, as the database owner. */
export const gift = (institutionId: string) =>
  ctx.services.gifts.create(institutionId, {
    ...BLANK_GIFT,
    direction: 'given',
    onDay: '2027-01-10',
    descriptionIt: `Dono ${uniqueSlug('g')}`,
  });
export const mission = (institutionId: string) => makeMission(ctx.services, institutionId);

/** One call of each write route on fresh records of Milan, none depending on another. */
export async function everyWrite(): Promise<Call[]> {
  const [orgA, orgB, unitA, unitB, memberA, memberB, catalogue, spare, unused] = [
    await organisation(milanId),
    await organisation(milanId),
    await unit(milanId),
    await unit(milanId),
    await membership('milano'),
    await membership('milano'),
    await network(),
    await network(),
    await network(),
  ];
  const [visitA, visitB, visitC] = [await visit(milanId), await visit(milanId), await visit(milanId)];
  const [missionA, missionB, missionC] = [
    await mission(milanId),
    await mission(milanId),
    await mission(milanId),
  ];
  const [meetingA, meetingB] = [
    await makeMeeting(ctx.services, milanId),
    await makeMeeting(ctx.services, milanId),
  ];
  const [contactA, contactB, keptOrg, twinOrg] = [
    await makeOrganisation(ctx.services, milanId),
    await makeOrganisation(ctx.services, milanId),
    await makeOrganisation(ctx.services, milanId),
    await makeOrganisation(ctx.services, milanId),
  ];
  const objective = () => makeObjective(ctx.services, milanId);
  const [objA, objB, objC, objD, objE, objF, objG] = [
    await objective(),
    await objective(),
    await objective(),
    await objective(),
    await objective(),
    await objective(),
    await objective(),
  ];
  const indE = (await ctx.services.plan.putIndicator(milanId, objE.id, 1, undefined, INDICATOR))
    .indicators[0]!;
  const indF = (await ctx.services.plan.putIndicator(milanId, objF.id, 1, undefined, INDICATOR))
    .indicators[0]!;
  const linkG = await ctx.services.plan.link(milanId, objG.id, 'visit', visitC.id);
  const project = () => makeProject(ctx.services, milanId);
  const [projA, projB, projC, projD] = [await project(), await project(), await project(), await project()];
  const [eventA, eventB] = [
    await ctx.services.events.create(milanId, { ...BLANK_EVENT, titleIt: 'Forum', startsOn: '2027-03-01' }),
    await ctx.services.events.create(milanId, { ...BLANK_EVENT, titleIt: 'Forum', startsOn: '2027-03-02' }),
  ];
  const dossierOf = () =>
    ctx.services.dossiers.create(milanId, {
      ...BLANK_DOSSIER,
      titleIt: 'Premio',
      kind: 'prize',
      status: 'preparing',
    });
  const [dossierA, dossierB] = [await dossierOf(), await dossierOf()];
  const withFunding = await ctx.services.projects.addFunding(milanId, projD.id, 1, {
    source: 'AICS',
    amount: '10',
  });
  const [keptPerson, twinPerson] = [
    await makePerson(ctx.services, milanId),
    await makePerson(ctx.services, milanId),
  ];
  const [personA, personB, personC] = [
    await makePerson(ctx.services, milanId),
    await makePerson(ctx.services, milanId),
    await makePerson(ctx.services, milanId),
  ];
  const heldRole = await ctx.services.people.addRole(
    milanId,
    personC.id,
    { organisationId: contactA.id, titleIt: 'Console', titleEn: '', head: '', startsOn: '', endsOn: '' },
    3,
  );
  const [roleA, roleB] = [
    heldRole,
    await ctx.services.people.addRole(
      milanId,
      personC.id,
      {
        organisationId: contactA.id,
        titleIt: 'Vice console',
        titleEn: '',
        head: '',
        startsOn: '',
        endsOn: '',
      },
      3,
    ),
  ];
  const followed = await makeVisit(ctx.services, milanId);
  const [followA, followB] = [
    await makeFollowUp(ctx.database, milanId, { kind: 'visit', id: followed.id }),
    await makeFollowUp(ctx.database, milanId, { kind: 'visit', id: followed.id }),
  ];
  const [giftA, giftB] = [await gift(milanId), await gift(milanId)];
  const slug = uniqueSlug('new');
  return [
    {
      label: 'record gift',
      method: 'POST',
      url: '/api/v1/gifts',
      payload: { direction: 'given', onDay: '2027-01-10', descriptionIt: `Dono ${slug}` },
    },
    {
      label: 'edit gift',
      method: 'PATCH',
      url: `/api/v1/gifts/${giftA.id}`,
      payload: { disposition: 'kept', version: giftA.version },
    },
    { label: 'delete gift', method: 'DELETE', url: `/api/v1/gifts/${giftB.id}?version=${giftB.version}` },
    {
      label: 'add follow-up',
      method: 'POST',
      url: `/api/v1/visits/${followed.id}/follow-ups`,
      payload: { action: 'Inviare le foto' },
      auditedAs: followed.id,
    },
    {
      label: 'edit follow-up',
      method: 'PATCH',
      url: `/api/v1/follow-ups/${followA.id}`,
      payload: { doneOn: '2027-01-02', version: followA.version },
      auditedAs: followed.id,
    },
    {
      label: 'delete follow-up',
      method: 'DELETE',
      url: `/api/v1/follow-ups/${followB.id}?version=${followB.version}`,
      auditedAs: followed.id,
    },
    {
      label: 'create organisation',
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { kind: 'ngo', nameIt: `ONG ${slug}`, country: 'Kenya' },
    },
    {
      label: 'edit organisation',
      method: 'PATCH',
      url: `/api/v1/organisations/${contactA.id}`,
      payload: { phone: '+39 02 1234567', version: contactA.version },
    },
    {
      label: 'delete organisation',
      method: 'DELETE',
      url: `/api/v1/organisations/${contactB.id}?version=${contactB.version}`,
    },
    {
      label: 'create person',
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: `Persona ${slug}`, legalBasis: 'public_task' },
    },
    {
      label: 'edit person',
      method: 'PATCH',
      url: `/api/v1/people/${personA.id}`,
      payload: { honorific: 'Dott.ssa', version: personA.version },
    },
    {
      label: 'confirm a review',
      method: 'POST',
      url: `/api/v1/people/${personC.id}/review`,
      payload: { version: personC.version },
      status: 200,
    },
    {
      label: 'merge organisations',
      method: 'POST',
      url: `/api/v1/organisations/${keptOrg.id}/merge`,
      payload: { from: twinOrg.id },
      status: 200,
      auditedAs: keptOrg.id,
    },
    {
      label: 'merge people',
      method: 'POST',
      url: `/api/v1/people/${keptPerson.id}/merge`,
      payload: { from: twinPerson.id },
      status: 200,
    },
    {
      label: 'erase person',
      method: 'DELETE',
      url: `/api/v1/people/${personB.id}?version=${personB.version}`,
    },
    {
      label: 'add role',
      method: 'POST',
      url: `/api/v1/people/${personA.id}/roles`,
      payload: { organisationId: contactA.id, titleIt: 'Console onorario' },
      auditedAs: personA.id,
    },
    {
      label: 'edit role',
      method: 'PATCH',
      url: `/api/v1/people/${personC.id}/roles/${roleA.id}`,
      payload: { endsOn: '2026-06-30', version: roleA.version },
      auditedAs: personC.id,
    },
    {
      label: 'delete role',
      method: 'DELETE',
      url: `/api/v1/people/${personC.id}/roles/${roleB.id}?version=${roleB.version}`,
      auditedAs: personC.id,
    },
    {
      label: 'create meeting',
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { titleIt: `Incontro ${slug}`, startsOn: '2027-09-01', mode: 'online' },
    },
    {
      label: 'edit meeting',
      method: 'PATCH',
      url: `/api/v1/meetings/${meetingA.id}`,
      payload: { outcomeIt: 'Lettera di intenti', version: meetingA.version },
    },
    {
      label: 'delete meeting',
      method: 'DELETE',
      url: `/api/v1/meetings/${meetingB.id}?version=${meetingB.version}`,
    },
    {
      label: 'create mission',
      method: 'POST',
      url: '/api/v1/missions',
      payload: {
        titleIt: `Missione ${slug}`,
        startsOn: '2027-09-01',
        destinations: [{ name: 'Kyoto', country: 'JP' }],
      },
    },
    {
      label: 'edit mission',
      method: 'PATCH',
      url: `/api/v1/missions/${missionA.id}`,
      payload: { outcomeIt: 'Accordo rinnovato', version: missionA.version },
    },
    {
      label: 'delete mission',
      method: 'DELETE',
      url: `/api/v1/missions/${missionB.id}?version=${missionB.version}`,
    },
    {
      label: 'add traveller',
      method: 'POST',
      url: `/api/v1/missions/${missionC.id}/travellers`,
      payload: { name: 'Marco Assessore', office: 'deputy_mayor', travelCost: '300' },
      auditedAs: missionC.id,
    },
    {
      label: 'edit traveller',
      method: 'PATCH',
      url: `/api/v1/missions/${missionA.id}/travellers/${missionA.traveller.id}`,
      payload: { otherCost: '15.20', version: missionA.traveller.version },
      auditedAs: missionA.id,
    },
    {
      label: 'delete traveller',
      method: 'DELETE',
      url: `/api/v1/missions/${missionC.id}/travellers/${missionC.traveller.id}?version=${missionC.traveller.version}`,
      auditedAs: missionC.id,
    },
    {
      label: 'create visit',
      method: 'POST',
      url: '/api/v1/visits',
      payload: { titleIt: `Visita ${slug}`, startsOn: '2027-05-04' },
    },
    {
      label: 'edit visit',
      method: 'PATCH',
      url: `/api/v1/visits/${visitA.id}`,
      payload: { status: 'confirmed', version: visitA.version },
    },
    { label: 'delete visit', method: 'DELETE', url: `/api/v1/visits/${visitB.id}?version=${visitB.version}` },
    {
      label: 'add programme item',
      method: 'POST',
      url: `/api/v1/visits/${visitC.id}/programme`,
      payload: { day: '2027-03-16', activityIt: 'Pranzo' },
      auditedAs: visitC.id,
    },
    {
      label: 'edit programme item',
      method: 'PATCH',
      url: `/api/v1/visits/${visitA.id}/programme/${visitA.item.id}`,
      payload: { place: 'Palazzo Marino', version: visitA.item.version },
      auditedAs: visitA.id,
    },
    {
      label: 'delete programme item',
      method: 'DELETE',
      url: `/api/v1/visits/${visitC.id}/programme/${visitC.item.id}?version=${visitC.item.version}`,
      auditedAs: visitC.id,
    },
    {
      label: 'create partner',
      method: 'POST',
      url: '/api/v1/counterparts',
      payload: { nameIt: `Ente ${slug}`, nameEn: `Body ${slug}`, country: 'FR' },
    },
    {
      label: 'edit partner',
      method: 'PATCH',
      url: `/api/v1/counterparts/${orgA.id}`,
      payload: { website: 'https://changed.example.org', version: orgA.version },
    },
    {
      label: 'delete partner',
      method: 'DELETE',
      url: `/api/v1/counterparts/${orgB.id}?version=${orgB.version}`,
    },
    {
      label: 'create unit',
      method: 'POST',
      url: '/api/v1/units',
      payload: { slug, nameIt: `Ufficio ${slug}`, nameEn: `Unit ${slug}` },
    },
    {
      label: 'edit unit',
      method: 'PATCH',
      url: `/api/v1/units/${unitA.id}`,
      payload: { head: 'Marco Bianchi', version: unitA.version },
    },
    { label: 'delete unit', method: 'DELETE', url: `/api/v1/units/${unitB.id}?version=${unitB.version}` },
    {
      label: 'join network',
      method: 'POST',
      url: `/api/v1/networks/${spare.id}/membership`,
      payload: { since: '2024', roleEn: 'Observer' },
    },
    {
      label: 'edit membership',
      method: 'PATCH',
      url: `/api/v1/memberships/${memberA.id}`,
      payload: { roleEn: 'Vice-chair', version: memberA.version },
    },
    {
      label: 'leave network',
      method: 'DELETE',
      url: `/api/v1/memberships/${memberB.id}?version=${memberB.version}`,
    },
    {
      label: 'add objective',
      method: 'POST',
      url: '/api/v1/objectives',
      payload: { ...OBJECTIVE_BODY, titleIt: `Obiettivo ${slug}` },
    },
    {
      label: 'edit objective',
      method: 'PATCH',
      url: `/api/v1/objectives/${objA.id}`,
      payload: { responsible: 'Cristiano Maggipinto', version: 1 },
    },
    { label: 'delete objective', method: 'DELETE', url: `/api/v1/objectives/${objB.id}?version=1` },
    {
      label: "record an objective's money",
      method: 'PUT',
      url: `/api/v1/objectives/${objC.id}/years`,
      payload: { version: 1, years: [{ year: 2023, expensePlanned: '1000.00' }] },
      auditedAs: objC.id,
    },
    {
      label: 'add an indicator',
      method: 'POST',
      url: `/api/v1/objectives/${objD.id}/indicators`,
      payload: { version: 1, nameIt: 'Accordi attivi' },
      auditedAs: objD.id,
    },
    {
      label: 'edit an indicator',
      method: 'PUT',
      url: `/api/v1/objectives/${objE.id}/indicators/${indE.id}`,
      payload: { version: 2, nameIt: 'Accordi firmati' },
      auditedAs: objE.id,
    },
    {
      label: 'delete an indicator',
      method: 'DELETE',
      url: `/api/v1/objectives/${objF.id}/indicators/${indF.id}?version=2`,
      auditedAs: objF.id,
      status: 200,
    },
    {
      label: 'link an activity to an objective',
      method: 'POST',
      url: `/api/v1/objectives/${objA.id}/links`,
      payload: { kind: 'mission', recordId: missionC.id },
      auditedAs: objA.id,
    },
    {
      label: 'unlink an activity',
      method: 'DELETE',
      url: `/api/v1/objectives/${objG.id}/links/${linkG.linkId}`,
      auditedAs: objG.id,
    },
    {
      label: 'add project',
      method: 'POST',
      url: '/api/v1/projects',
      payload: { code: `P-${slug}`, kind: 'eu', titleIt: 'Progetto', role: 'partner', status: 'idea' },
    },
    {
      label: 'edit project',
      method: 'PATCH',
      url: `/api/v1/projects/${projA.id}`,
      payload: { status: 'submitted', version: 1 },
    },
    { label: 'delete project', method: 'DELETE', url: `/api/v1/projects/${projB.id}?version=1` },
    {
      label: 'add a project partner',
      method: 'POST',
      url: `/api/v1/projects/${projC.id}/partners`,
      payload: { version: 1, name: 'Commune de Thiès', role: 'partner' },
      auditedAs: projC.id,
    },
    {
      label: 'remove a co-funding source',
      method: 'DELETE',
      url: `/api/v1/projects/${projD.id}/funding/${withFunding.funding[0]!.id}?version=2`,
      auditedAs: projD.id,
      status: 200,
    },
    {
      label: 'add event',
      method: 'POST',
      url: '/api/v1/events',
      payload: { titleIt: 'Dialoghi', role: 'organiser', status: 'proposed', startsOn: '2027-05-10' },
    },
    {
      label: 'edit event',
      method: 'PATCH',
      url: `/api/v1/events/${eventA.id}`,
      payload: { status: 'confirmed', version: 1 },
    },
    { label: 'delete event', method: 'DELETE', url: `/api/v1/events/${eventB.id}?version=1` },
    {
      label: 'add dossier',
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: { titleIt: 'Capitale verde europea', kind: 'recognition', status: 'preparing' },
    },
    {
      label: 'add a dossier deadline',
      method: 'POST',
      url: `/api/v1/dossiers/${dossierA.id}/deadlines`,
      payload: { version: 1, labelIt: 'Dossier completo', dueOn: '2027-04-01' },
      auditedAs: dossierA.id,
    },
    { label: 'delete dossier', method: 'DELETE', url: `/api/v1/dossiers/${dossierB.id}?version=1` },
    {
      label: 'add catalogue network',
      method: 'POST',
      url: '/api/v1/networks',
      payload: { slug, nameIt: `Rete ${slug}`, nameEn: `Network ${slug}` },
    },
    {
      label: 'edit catalogue network',
      method: 'PATCH',
      url: `/api/v1/networks/${catalogue.id}`,
      payload: { acronym: 'NET', version: catalogue.version },
    },
    {
      label: 'delete catalogue network',
      method: 'DELETE',
      url: `/api/v1/networks/${unused.id}?version=${unused.version}`,
    },
  ];
}

const OBJECTIVE_BODY = {
  level: 'strategic',
  mandateFrom: 2019,
  mandateTo: 2024,
  mission: '19',
  firstYear: 2022,
  lastYear: 2024,
};
const INDICATOR = { nameIt: 'Accordi', nameEn: '', unit: '', values: [] };

/** Registers the test file's setting: a database with two institutions, the app, and what the tests share. */
export function useRecordsApi() {
  beforeAll(async () => {
    ctx = await createTestDeps();
    app = await createTestApp(ctx);
    milanId = (await makeInstitution(ctx.services, { slug: 'milano' })).id;
    florenceId = (await makeInstitution(ctx.services, { slug: 'firenze' })).id;
    milanWrite = await makeToken(ctx.services, 'milano', 'write', 'sync');
    milanRead = await makeToken(ctx.services, 'milano', 'read', 'bi');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
  });
}
