// Events' commands: list, show, create, update and delete an event with the API's JSON bodies (see
// src/cli/records.ts).
import type { CliCommand } from '../../cli/cli.types.ts';
import { recordCommands } from '../../cli/records.ts';
import { eventFields } from './events.body.ts';
import { EVENT_STATUSES } from './events.rules.ts';
import { type Event, EventChanges, EventInput } from './events.schemas.ts';

export const eventsCli: CliCommand[] = recordCommands({
  noun: 'events',
  one: 'event',
  input: EventInput,
  changes: EventChanges,
  filters: { enums: { status: EVENT_STATUSES }, when: true },
  list: (s, actor, q) => s.eventsAdmin.events(actor, q),
  columns: (e: Event) => [e.startsOn, e.status, e.city, e.titleIt],
  show: async (s, actor, id) => (await s.eventsAdmin.event(actor, id)).event,
  create: (s, actor, body) => s.eventsAdmin.create(actor, eventFields(body)),
  update: async (s, actor, id, version, body) =>
    s.eventsAdmin.update(actor, id, version, eventFields(body, await s.eventsAdmin.form(actor, id))),
  remove: (s, actor, id, version) => s.eventsAdmin.remove(actor, id, version),
});
