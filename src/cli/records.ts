// Commands for the single records of a type, on the same bodies, schemas and services as its API: list, show,
// create, update and delete, and add, update and delete in its child lists (a visit's programme, a mission's
// travellers). A body is the API's JSON, from --data or --file (- for stdin), checked against the API's schema
// so the CLI refuses what the API refuses; an answer is the API's JSON, for a script to read.
import { readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import type { Services } from '../deps.ts';
import { type Actor, cliActor } from '../features/accounts/accounts.access.ts';
import { asserter } from '../platform/validation.ts';
import { type CliCommand, type CliContext, CliUsageError, requireString } from './cli.types.ts';

type Body = Record<string, unknown>;

export interface ListQuery {
  q?: string;
  when?: 'upcoming' | 'past';
  year?: number;
  page?: number;
  /** The type's own filters of fixed values, e.g. status or direction. */
  [filter: string]: string | number | undefined;
}

interface Page {
  items: { id: string }[];
  total: number;
  page: number;
  pages: number;
}

export interface ChildCliSpec {
  /** The list's word after the type's: "programme", "travellers". */
  noun: string;
  /** One of it, in messages: "item", "traveller". */
  one: string;
  input: TSchema;
  changes: TSchema;
  add(s: Services, actor: Actor, parentId: string, body: Body): Promise<unknown>;
  update(
    s: Services,
    actor: Actor,
    parentId: string,
    id: string,
    version: number,
    body: Body,
  ): Promise<unknown>;
  remove(s: Services, actor: Actor, parentId: string, id: string, version: number): Promise<unknown>;
}

export interface RecordCliSpec {
  /** The type's word, plural: "visits". */
  noun: string;
  one: string;
  input: TSchema;
  changes: TSchema;
  /** The list's filters beyond --search and --page: of fixed values (--status), by date or by year. */
  filters: { enums?: Record<string, readonly string[]>; when?: true; year?: true };
  list(s: Services, actor: Actor, query: ListQuery): Promise<Page>;
  /** A list's line: its columns after the id. */
  columns(item: never): (string | null | undefined)[];
  show(s: Services, actor: Actor, id: string): Promise<unknown>;
  create(s: Services, actor: Actor, body: Body): Promise<unknown>;
  update(s: Services, actor: Actor, id: string, version: number, body: Body): Promise<unknown>;
  remove(s: Services, actor: Actor, id: string, version: number): Promise<unknown>;
  /** What `delete` says it does, when it is more than deleting a record made by mistake (an erasure). */
  removeSummary?: string;
  children?: ChildCliSpec[];
}

/** The CLI acting as the administrator of the institution --institution names. */
export async function institutionActor(ctx: CliContext): Promise<Actor> {
  const slug = requireString(ctx, 'institution');
  return cliActor({ id: await ctx.services.institutions.idOf(slug), slug });
}

export function versionOf(ctx: CliContext): number {
  const v = Number(requireString(ctx, 'version'));
  if (!Number.isInteger(v) || v < 1)
    throw new CliUsageError('--version must be the version you read (a whole number)');
  return v;
}

/** --year as a number, or undefined when it is not given. */
export function yearOf(ctx: CliContext): number | undefined {
  const given = ctx.values['year'];
  if (given === undefined) return undefined;
  const year = Number(given);
  if (!Number.isInteger(year) || year < 1900 || year > 2999)
    throw new CliUsageError('--year is a year, e.g. 2026');
  return year;
}

function positional(ctx: CliContext, index: number, what: string): string {
  const v = ctx.positionals[index];
  if (!v) throw new CliUsageError(`Give the ${what}'s id`);
  return v;
}

/** The JSON body from --data or --file (a path, or - for standard input); a file that is not JSON is named. */
export function bodyOf(ctx: CliContext): Body {
  const text = ctx.values['data'];
  const file = ctx.values['file'];
  if (typeof text === 'string' && typeof file === 'string')
    throw new CliUsageError('Give --data or --file, not both');
  let source: string;
  let where: string;
  if (typeof text === 'string') {
    source = text;
    where = '--data';
  } else if (typeof file === 'string') {
    where = file === '-' ? 'standard input' : file;
    try {
      source = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
      throw new CliUsageError(`Cannot read ${where}: ${(err as Error).message}`);
    }
  } else {
    throw new CliUsageError('Give the record as JSON, with --data TEXT or --file FILE');
  }
  let body: unknown;
  try {
    body = JSON.parse(source);
  } catch (err) {
    throw new CliUsageError(`${where} is not JSON: ${(err as Error).message}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new CliUsageError(`${where} must hold one JSON object`);
  return body as Body;
}

export const printJson = (ctx: CliContext, value: unknown) => ctx.out(`${JSON.stringify(value, null, 2)}\n`);

/** A PATCH's changes: the version comes from --version, checked with the body against the API's schema. */
export function changesFrom(ctx: CliContext, schema: TSchema): { version: number; changes: Body } {
  const version = versionOf(ctx);
  const { version: _, ...changes } = asserter<Body>(schema)({ ...bodyOf(ctx), version });
  return { version, changes };
}

const an = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const BODY_OPTIONS = { data: { type: 'string' }, file: { type: 'string' } } as const;
const INSTITUTION = { institution: { type: 'string' } } as const;

function listQuery(ctx: CliContext, spec: RecordCliSpec): ListQuery {
  const q: ListQuery = {};
  const { search, when, year, page } = ctx.values;
  if (typeof search === 'string') q.q = search;
  for (const [name, values] of Object.entries(spec.filters.enums ?? {})) {
    const value = ctx.values[name];
    if (typeof value !== 'string') continue;
    if (!values.includes(value)) throw new CliUsageError(`--${name} is one of ${values.join(', ')}`);
    q[name] = value;
  }
  if (typeof when === 'string') {
    if (when !== 'upcoming' && when !== 'past') throw new CliUsageError('--when is upcoming or past');
    q.when = when;
  }
  if (typeof year === 'string') q.year = yearOf(ctx);
  if (typeof page === 'string') {
    q.page = Number(page);
    if (!Number.isInteger(q.page) || q.page < 1) throw new CliUsageError('--page is a whole number from 1');
  }
  return q;
}

function listCommand(spec: RecordCliSpec): CliCommand {
  const { filters } = spec;
  const enums = Object.keys(filters.enums ?? {});
  const filterUsage = [
    ...enums.map((name) => `[--${name} ${name.toUpperCase()}]`),
    filters.when ? '[--when upcoming|past]' : '',
    filters.year ? '[--year Y]' : '',
  ].filter(Boolean);
  return {
    name: `${spec.noun} list`,
    usage: [
      `${spec.noun} list --institution SLUG [--search WORDS]`,
      ...filterUsage,
      '[--page N] [--json]',
    ].join(' '),
    summary: `List an institution's ${spec.noun}, 25 a page (--json: the API's page)`,
    options: {
      ...INSTITUTION,
      search: { type: 'string' },
      page: { type: 'string' },
      json: { type: 'boolean' },
      ...Object.fromEntries(enums.map((name) => [name, { type: 'string' as const }])),
      ...(filters.when ? { when: { type: 'string' } } : {}),
      ...(filters.year ? { year: { type: 'string' } } : {}),
    },
    async run(ctx) {
      const page = await spec.list(ctx.services, await institutionActor(ctx), listQuery(ctx, spec));
      if (ctx.values['json']) {
        printJson(ctx, page);
        return 0;
      }
      for (const item of page.items) {
        ctx.out(`${[item.id, ...spec.columns(item as never).map((c) => c || '-')].join('  ')}\n`);
      }
      ctx.out(`${page.total} ${spec.noun}; page ${page.page} of ${page.pages}.\n`);
      return 0;
    },
  };
}

function childCommands(spec: RecordCliSpec, child: ChildCliSpec): CliCommand[] {
  const base = `${spec.noun} ${child.noun}`;
  const parentId = (ctx: CliContext) => positional(ctx, 0, spec.one);
  return [
    {
      name: `${base} add`,
      usage: `${base} add ${spec.one.toUpperCase()}_ID --institution SLUG (--data JSON | --file FILE)`,
      summary: `Add ${an(child.one)} to ${an(spec.one)}'s ${child.noun}`,
      options: { ...INSTITUTION, ...BODY_OPTIONS },
      async run(ctx) {
        const body = asserter<Body>(child.input)(bodyOf(ctx));
        printJson(ctx, await child.add(ctx.services, await institutionActor(ctx), parentId(ctx), body));
        return 0;
      },
    },
    {
      name: `${base} update`,
      usage: `${base} update ${spec.one.toUpperCase()}_ID ID --institution SLUG --version N (--data JSON | --file FILE)`,
      summary: `Change ${an(child.one)}: only the fields given (null clears one), at the version read`,
      options: { ...INSTITUTION, ...BODY_OPTIONS, version: { type: 'string' } },
      async run(ctx) {
        const { version, changes } = changesFrom(ctx, child.changes);
        const actor = await institutionActor(ctx);
        const id = positional(ctx, 1, child.one);
        printJson(ctx, await child.update(ctx.services, actor, parentId(ctx), id, version, changes));
        return 0;
      },
    },
    {
      name: `${base} delete`,
      usage: `${base} delete ${spec.one.toUpperCase()}_ID ID --institution SLUG --version N`,
      summary: `Delete ${an(child.one)} of ${an(spec.one)}'s ${child.noun}`,
      options: { ...INSTITUTION, version: { type: 'string' } },
      async run(ctx) {
        const actor = await institutionActor(ctx);
        await child.remove(ctx.services, actor, parentId(ctx), positional(ctx, 1, child.one), versionOf(ctx));
        ctx.out('Deleted.\n');
        return 0;
      },
    },
  ];
}

/** The commands of one record type: `<noun> list|show|create|update|delete`, and its child lists'. */
export function recordCommands(spec: RecordCliSpec): CliCommand[] {
  const id = (ctx: CliContext) => positional(ctx, 0, spec.one);
  return [
    listCommand(spec),
    {
      name: `${spec.noun} show`,
      usage: `${spec.noun} show ID --institution SLUG`,
      summary: `${capital(an(spec.one))} as the API gives it (JSON)`,
      options: INSTITUTION,
      async run(ctx) {
        printJson(ctx, await spec.show(ctx.services, await institutionActor(ctx), id(ctx)));
        return 0;
      },
    },
    {
      name: `${spec.noun} create`,
      usage: `${spec.noun} create --institution SLUG (--data JSON | --file FILE)`,
      summary: `Record ${an(spec.one)} from the API's JSON body; prints it with its id and version`,
      options: { ...INSTITUTION, ...BODY_OPTIONS },
      async run(ctx) {
        const body = asserter<Body>(spec.input)(bodyOf(ctx));
        printJson(ctx, await spec.create(ctx.services, await institutionActor(ctx), body));
        return 0;
      },
    },
    {
      name: `${spec.noun} update`,
      usage: `${spec.noun} update ID --institution SLUG --version N (--data JSON | --file FILE)`,
      summary: `Change ${an(spec.one)}: only the fields given (null clears one), at the version read`,
      options: { ...INSTITUTION, ...BODY_OPTIONS, version: { type: 'string' } },
      async run(ctx) {
        const { version, changes } = changesFrom(ctx, spec.changes);
        printJson(
          ctx,
          await spec.update(ctx.services, await institutionActor(ctx), id(ctx), version, changes),
        );
        return 0;
      },
    },
    {
      name: `${spec.noun} delete`,
      usage: `${spec.noun} delete ID --institution SLUG --version N`,
      summary: spec.removeSummary ?? `Delete ${an(spec.one)} recorded by mistake`,
      options: { ...INSTITUTION, version: { type: 'string' } },
      async run(ctx) {
        await spec.remove(ctx.services, await institutionActor(ctx), id(ctx), versionOf(ctx));
        ctx.out('Deleted.\n');
        return 0;
      },
    },
    ...(spec.children ?? []).flatMap((child) => childCommands(spec, child)),
  ];
}
