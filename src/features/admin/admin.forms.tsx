// The page flow of every record type's back-office pages under /admin/{it,en}/: read the language and the
// caller (the access step found them, and checked the role and a form's CSRF token), render a list or record
// page, show a form, save it (the version it started from, one service call, a 303 redirect) or show it again
// with the field's error in the page's language, or both versions after a stale save; a one-button action
// (delete, leave). The service's refusals become pages: 404 for another institution's record, 403 for a role,
// 409 for a conflict.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { AppError, isAppError } from '../../platform/errors.ts';
import { alsoRefused } from '../../platform/field-rules.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import {
  type Conflict,
  type Errors,
  type FieldSpec,
  RecordForm,
  type Values,
} from '../../views/backoffice/forms.tsx';
import { listHref } from '../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { actorOf, sameToken, sessionOf } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { adminKit, type Form, field, fieldList, fieldMessage, langOf, noticeOf, UUID } from './admin.kit.tsx';
import { adminStrings } from './admin.strings.ts';
import type { Notice } from './views/admin.tsx';

/** Who is asking, in which language. */
export interface Ctx {
  lang: Lang;
  session: Session;
  actor: Actor;
}

/** What a form page shows: after a refused save, the values sent, the errors or the conflict. */
export interface FormState {
  values?: Values;
  errors?: Errors;
  conflict?: Conflict;
  /** The version the form carries; by default the stored record's. */
  version?: number | undefined;
}

export interface Rendered {
  title: string;
  body: VNode;
}

export type IdRequest = FastifyRequest<{
  Params: { lang: string; id: string };
  Body: Form;
  Querystring: Form;
}>;
export type LangRequest = FastifyRequest<{ Params: { lang: string }; Body: Form; Querystring: Form }>;

/** A form or query field as text PostgreSQL can store: NUL characters (which it refuses) dropped. */
export const typed = (form: Form | undefined, name: string, max = 2000) =>
  field(form, name, max).replace(/\0/g, '');

/** One of the allowed values, or the fallback. */
export const oneOf = <T extends string>(allowed: readonly T[], raw: string, fallback: T | ''): T | '' =>
  (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;

/**
 * A record form's values as the service's fields: each text as sent, '' for one not sent (the service then
 * names what is missing). A form with sources overrides `sources` with sourcesFromLines.
 */
export const textsOf = <K extends string>(values: Values, fields: readonly K[]): Record<K, string> =>
  Object.fromEntries(fields.map((name) => [name, values[name] ?? ''])) as Record<K, string>;

export const pageNumber = (raw: string) => {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1_000_000) : 1;
};

/** The field's error in the page's language: the registry's own words, else the back-office's. */
const messageOf = (lang: Lang, err: AppError): string =>
  fieldErrorText(lang, {
    code: err.code,
    field: err.field ?? '',
    reason: err.details?.['reason'],
    message: err.message,
  });

/** A field's refusal (a form's, or an import row's) in the page's language; the service's words if unforeseen. */
export function fieldErrorText(
  lang: Lang,
  err: { code?: string; field: string; reason?: unknown; message: string },
): string {
  // A year's field (expensePaid_2023) has the words of its amount.
  const fieldName = err.field.replace(/_\d{4}$/, '');
  const reason = err.reason;
  const messages = backofficeStrings(lang).fieldMessages;
  const key = err.code === 'conflict' && typeof reason === 'string' ? `${fieldName}:${reason}` : fieldName;
  // A refused field with a reason of its own (a gift above the modest value) has words of its own.
  const own = (typeof reason === 'string' ? messages[`${fieldName}:${reason}`] : undefined) ?? messages[key];
  return own ? `${adminStrings(lang).fieldError}: ${own}` : fieldMessage(lang, fieldName, err.message);
}

/** The version a form started from; undefined when it is missing or mangled (such a form cannot be saved). */
export function versionOf(body: Form | undefined): number | undefined {
  const raw = String(body?.['version'] ?? '');
  const version = Number(raw);
  // Versions are PostgreSQL integers.
  return /^\d{1,10}$/.test(raw) && version >= 1 && version <= 2_147_483_647 ? version : undefined;
}

export interface FormFlow {
  fields: readonly string[];
  path: string;
  back: string;
  /** The form page: on GET, and again after a refused save. */
  render: (state: FormState) => Promise<Rendered>;
  /** Saves what was sent (at the version the form started from); returns the address to go to. */
  save: (values: Values, version: number) => Promise<string>;
  /** Edits carry a version; creations do not. */
  versioned: boolean;
  /** The stored record of a version conflict as form values. */
  stored?: (current: unknown) => Values;
  /** Fields that take several values (a group of checkboxes): kept one per line. */
  lists?: readonly string[];
}

/** A form's flow for a request: built at once, or after reading what it needs (a record's fields by its years). */
export type FlowOf = (c: Ctx) => FormFlow | Promise<FormFlow>;

/** A refusal's words for its `details.reason`, per reason, in the page's language. */
export type ReasonTexts = Record<string, (lang: Lang) => string>;

const reasonText = (texts: ReasonTexts | undefined, err: AppError, lang: Lang) => {
  const reason = err.details?.['reason'];
  return typeof reason === 'string' ? texts?.[reason]?.(lang) : undefined;
};

/** Route options of record pages: everyone with a role reads; editors and admins write (services refine). */
export const READ = { schema: { hide: true }, config: { access: 'viewer' as const } };
export const WRITE_PAGE = { schema: { hide: true }, config: { access: 'editor' as const } };

const { send } = adminKit();

/** The language and the signed-in caller (the access step found them); undefined after a 404 language. */
async function enter(request: FastifyRequest, reply: FastifyReply): Promise<Ctx | undefined> {
  const lang = langOf(request);
  if (!lang) {
    reply.callNotFound();
    return undefined;
  }
  return { lang, session: sessionOf(request), actor: actorOf(request) };
}

const show = (
  reply: FastifyReply,
  c: Ctx,
  path: string,
  out: Rendered,
  opts: { status?: number; notice?: Notice | undefined } = {},
) => send(reply, c.lang, path, out.title, out.body, { session: c.session, ...opts });

/** The success notice a redirect asked for (?saved=1, ?created=1, ?deleted=1). */
function doneNotice(request: FastifyRequest, lang: Lang): Notice | undefined {
  const q = (request.query ?? {}) as Form;
  const t = backofficeStrings(lang);
  if (q['saved'] === '1') return { kind: 'success', text: t.saved };
  if (q['created'] === '1') return { kind: 'success', text: t.created };
  if (q['deleted'] === '1') return { kind: 'success', text: t.deleted };
  return undefined;
}

/** Pages of a record type: a refusal the service explained, as a page; a page that only reads. */
function refusals(reasons: { forbidden?: ReasonTexts; conflict?: ReasonTexts }) {
  /** A refusal the service explained, as a page: not found, not allowed, changed meanwhile. */
  function refusal(reply: FastifyReply, c: Ctx, path: string, back: string, err: unknown) {
    if (!isAppError(err)) throw err;
    const t = backofficeStrings(c.lang);
    const page = (title: string, text: string, status: number) =>
      show(
        reply,
        c,
        path,
        {
          title,
          body: (
            <>
              <h1>{title}</h1>
              <p>
                <a href={back}>{t.backToList}</a>
              </p>
            </>
          ),
        },
        { status, notice: { kind: status === 409 ? 'warning' : 'danger', text } },
      );
    if (err.code === 'not_found') return page(t.notFoundTitle, t.notFound, 404);
    if (err.code === 'forbidden') {
      const text =
        reasonText(reasons.forbidden, err, c.lang) ??
        noticeOf(err, c.lang)?.text ??
        adminStrings(c.lang).forbidden;
      return page(t.refusedTitle, text, 403);
    }
    if (err.code === 'conflict' && err.details?.['reason'] === 'concurrent') {
      return page(t.refusedTitle, t.concurrent, 409);
    }
    const conflict = err.code === 'conflict' ? reasonText(reasons.conflict, err, c.lang) : undefined;
    if (conflict) return page(t.refusedTitle, conflict, 409);
    throw err;
  }

  /** A page that only reads: render it, or explain the refusal. */
  async function readPage(
    reply: FastifyReply,
    c: Ctx,
    path: string,
    back: string,
    render: () => Promise<Rendered>,
    notice?: Notice,
  ) {
    try {
      return show(reply, c, path, await render(), { notice });
    } catch (err) {
      return refusal(reply, c, path, back, err);
    }
  }

  return { refusal, readPage };
}

type Refusal = ReturnType<typeof refusals>['refusal'];

/** A form's page and its save. */
function forms(refusal: Refusal) {
  /** The flow of this request; a refusal page when building it fails (a record form whose record is gone). */
  async function flowOf(request: FastifyRequest, reply: FastifyReply, c: Ctx, flow: FlowOf) {
    try {
      return await flow(c);
    } catch (err) {
      const here = request.url.split('?')[0]!.replace(/^\/admin\/(it|en)\//, '');
      await refusal(reply, c, here, `/admin/${c.lang}/`, err);
      return undefined;
    }
  }

  async function showForm(request: FastifyRequest, reply: FastifyReply, flow: FlowOf) {
    const c = await enter(request, reply);
    if (!c) return reply;
    const f = await flowOf(request, reply, c, flow);
    if (!f) return reply;
    try {
      return show(reply, c, f.path, await f.render({}));
    } catch (err) {
      return refusal(reply, c, f.path, f.back, err);
    }
  }

  async function submitForm(request: FastifyRequest, reply: FastifyReply, flow: FlowOf) {
    const c = await enter(request, reply);
    if (!c) return reply;
    const f = await flowOf(request, reply, c, flow);
    if (!f) return reply;
    const t = backofficeStrings(c.lang);
    const body = request.body as Form | undefined;
    const values: Values = Object.fromEntries(
      f.fields.map((name) => [
        name,
        f.lists?.includes(name)
          ? fieldList(body, name)
              .map((v) => v.replace(/[\0\r\n]/g, '').trim())
              .filter(Boolean)
              .join('\n')
          : typed(body, name, 10_000),
      ]),
    );
    let version: number | undefined;
    const again = async (state: FormState, status: number, notice?: Notice) => {
      try {
        return show(reply, c, f.path, await f.render({ values, ...state }), { status, notice });
      } catch (err) {
        return refusal(reply, c, f.path, f.back, err);
      }
    };
    try {
      if (f.versioned) {
        version = versionOf(body);
        if (version === undefined) return again({}, 400, { kind: 'danger', text: t.badVersion });
      }
      return reply.redirect(await f.save(values, version ?? 0), 303);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'version_conflict' && f.stored) {
        const current = err.details?.['current'] as { version: number };
        return again(
          { version: current.version, conflict: { stored: f.stored(current), sent: values } },
          409,
          { kind: 'warning', text: t.conflict },
        );
      }
      // A field inside a list ("sources.2.url") is shown at the form field that holds the list.
      const field = err.field?.split('.')[0];
      if ((err.code === 'invalid_input' || err.code === 'conflict') && field && f.fields.includes(field)) {
        const named =
          field === err.field
            ? err
            : new AppError(err.code, err.message, { field, details: err.details ?? {} });
        const errors: Errors = { [field]: messageOf(c.lang, named) };
        // A service that checks every field reports the others too (field-rules.ts fieldChecks).
        for (const other of alsoRefused(err)) {
          const name = other.field.split('.')[0]!;
          if (f.fields.includes(name) && !errors[name])
            errors[name] = fieldErrorText(c.lang, { ...other, code: err.code, field: name });
        }
        // Said at the top too: a long form's field at fault may be far below where the page opens.
        const count = Object.keys(errors).length;
        return again({ version, errors }, err.status, { kind: 'danger', text: t.fieldsToFix(count) });
      }
      return refusal(reply, c, f.path, f.back, err);
    }
  }

  return { showForm, submitForm };
}

/** A one-button action on a record. */
function actions(refusal: Refusal) {
  /**
   * An action on a record (delete, leave) at the version shown; on success goes where `run` says,
   * otherwise shows the record page again with the reason.
   */
  async function action(
    request: FastifyRequest,
    reply: FastifyReply,
    opts: {
      path: string;
      back: string;
      run: (c: Ctx, version: number) => Promise<string>;
      /** The record page again, with a notice and a status. */
      page: (c: Ctx) => Promise<Rendered>;
      /** Why the record cannot go while others use it. */
      inUse?: (c: Ctx, details: Record<string, unknown>) => string;
    },
  ) {
    const c = await enter(request, reply);
    if (!c) return reply;
    const t = backofficeStrings(c.lang);
    const again = async (status: number, notice: Notice) => {
      try {
        return show(reply, c, opts.path, await opts.page(c), { status, notice });
      } catch (err) {
        return refusal(reply, c, opts.path, opts.back, err);
      }
    };
    try {
      const version = versionOf(request.body as Form | undefined);
      if (version === undefined) return again(400, { kind: 'danger', text: t.badVersion });
      return reply.redirect(await opts.run(c, version), 303);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'version_conflict') return again(409, { kind: 'warning', text: t.conflictDelete });
      if (err.code === 'conflict' && err.details?.['reason'] === 'in_use' && opts.inUse) {
        return again(409, { kind: 'danger', text: opts.inUse(c, err.details) });
      }
      return refusal(reply, c, opts.path, opts.back, err);
    }
  }

  return action;
}

/** The routes of a record type's pages: its list, its forms, its record page and deleting a record. */
function routes(
  readPage: ReturnType<typeof refusals>['readPage'],
  form: ReturnType<typeof forms>,
  action: ReturnType<typeof actions>,
) {
  const { showForm, submitForm } = form;

  /**
   * The list at `<base>`: `filters` reads the query's filters (each one a string, '' for none), `render` draws
   * the page; the page number, the address that keeps them and the notice of a redirect are handled here.
   */
  function listRoute<F extends Record<string, string>>(
    app: App,
    base: string,
    filters: (query: Form) => F,
    render: (c: Ctx, filters: F, page: number) => Promise<Rendered>,
  ) {
    app.get(`/admin/:lang/${base}`, READ, async (request: LangRequest, reply) => {
      const c = await enter(request, reply);
      if (!c) return reply;
      const query = request.query ?? {};
      const chosen = filters(query);
      const page = pageNumber(field(query, 'page'));
      return readPage(
        reply,
        c,
        listHref(base, chosen, page),
        `/admin/${c.lang}/`,
        () => render(c, chosen, page),
        doneNotice(request, c.lang),
      );
    });
  }

  /**
   * Deleting a record at `<base>/:id/delete` (a malformed id is a 404): `run` deletes at the version the form
   * carried and says where to go; a stale version or a record still named elsewhere (`inUse` words it) shows
   * the record's page again with the reason. `back` is the list a refusal leads to (`<base>` by default).
   */
  function deleteRoute(
    app: App,
    base: string,
    opts: {
      run: (c: Ctx, id: string, version: number) => Promise<string>;
      page: (c: Ctx, id: string) => Promise<Rendered>;
      inUse?: (c: Ctx, details: Record<string, unknown>) => string;
      back?: string;
    },
  ) {
    app.post(`/admin/:lang/${base}/:id/delete`, WRITE_PAGE, (request: IdRequest, reply) => {
      const id = request.params.id;
      if (!UUID.test(id)) return reply.callNotFound();
      const inUse = opts.inUse;
      return action(request, reply, {
        path: `${base}/${id}`,
        back: `/admin/${langOf(request) ?? 'it'}/${opts.back ?? base}`,
        run: (c, version) => opts.run(c, id, version),
        page: (c) => opts.page(c, id),
        ...(inUse ? { inUse } : {}),
      });
    });
  }
  /** GET and POST of a form at `path` (under /admin/:lang/). */
  function formRoutes(app: App, path: string, flow: FlowOf) {
    app.get(`/admin/:lang/${path}`, READ, (request, reply) => showForm(request, reply, flow));
    app.post(`/admin/:lang/${path}`, WRITE_PAGE, (request, reply) => submitForm(request, reply, flow));
  }

  /** GET and POST of a record's form at `<base>/:id/<path>`; a malformed id is a 404. */
  function recordFormRoutes(app: App, base: string, path: string, flow: (id: string) => FlowOf) {
    app.get(`/admin/:lang/${base}/:id/${path}`, READ, (request: IdRequest, reply) =>
      UUID.test(request.params.id) ? showForm(request, reply, flow(request.params.id)) : reply.callNotFound(),
    );
    app.post(`/admin/:lang/${base}/:id/${path}`, WRITE_PAGE, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? submitForm(request, reply, flow(request.params.id))
        : reply.callNotFound(),
    );
  }

  /** A record's page at `<base>/:id`, with the notice a redirect asked for. */
  function recordRoute(app: App, base: string, render: (c: Ctx, id: string) => Promise<Rendered>) {
    app.get(`/admin/:lang/${base}/:id`, READ, async (request: IdRequest, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const c = await enter(request, reply);
      if (!c) return reply;
      const id = request.params.id;
      return readPage(
        reply,
        c,
        `${base}/${id}`,
        `/admin/${c.lang}/${base}`,
        () => render(c, id),
        doneNotice(request, c.lang),
      );
    });
  }

  return { listRoute, formRoutes, recordFormRoutes, recordRoute, deleteRoute };
}

/** The routes of a record's child records (a visit's programme items, a mission's travellers, follow-ups). */
function childPages(form: ReturnType<typeof forms>, action: ReturnType<typeof actions>) {
  const { showForm, submitForm } = form;

  /**
   * A child record (a visit's programme item) at `<base>/:id/<child>/:childId`: its edit form and its one-button
   * delete, both ids checked (a malformed one is a 404). Adding one is a record form (`recordFormRoutes`).
   */
  function childRoutes(
    app: App,
    base: string,
    child: string,
    opts: {
      form: (id: string, childId: string) => FlowOf;
      run: (c: Ctx, id: string, childId: string, version: number) => Promise<string>;
      page: (c: Ctx, id: string) => Promise<Rendered>;
    },
  ) {
    type ChildRequest = FastifyRequest<{
      Params: { lang: string; id: string; childId: string };
      Body: Form;
      Querystring: Form;
    }>;
    const valid = (r: ChildRequest) => UUID.test(r.params.id) && UUID.test(r.params.childId);
    const at = `/admin/:lang/${base}/:id/${child}/:childId`;
    app.get(`${at}/edit`, READ, (request: ChildRequest, reply) =>
      valid(request)
        ? showForm(request, reply, opts.form(request.params.id, request.params.childId))
        : reply.callNotFound(),
    );
    app.post(`${at}/edit`, WRITE_PAGE, (request: ChildRequest, reply) =>
      valid(request)
        ? submitForm(request, reply, opts.form(request.params.id, request.params.childId))
        : reply.callNotFound(),
    );
    childAction(app, base, child, 'delete', opts);
  }

  /** A one-button action on a child record at `<base>/:id/<child>/:childId/<verb>` (delete, done). */
  function childAction(
    app: App,
    base: string,
    child: string,
    verb: string,
    opts: {
      run: (c: Ctx, id: string, childId: string, version: number) => Promise<string>;
      page: (c: Ctx, id: string) => Promise<Rendered>;
    },
  ) {
    type ChildRequest = FastifyRequest<{
      Params: { lang: string; id: string; childId: string };
      Body: Form;
      Querystring: Form;
    }>;
    app.post(
      `/admin/:lang/${base}/:id/${child}/:childId/${verb}`,
      WRITE_PAGE,
      (request: ChildRequest, reply) => {
        const { id, childId } = request.params;
        if (!UUID.test(id) || !UUID.test(childId)) return reply.callNotFound();
        return action(request, reply, {
          path: `${base}/${id}`,
          back: `/admin/${langOf(request) ?? 'it'}/${base}`,
          run: (c, version) => opts.run(c, id, childId, version),
          page: (c) => opts.page(c, id),
        });
      },
    );
  }

  return { childRoutes, childAction };
}

/**
 * The page flow of one record type. `reasons` words the refusals particular to it (by `details.reason`): a
 * 403 `forbidden` and a 409 `conflict` shown as a page.
 */
export function recordPages(reasons: { forbidden?: ReasonTexts; conflict?: ReasonTexts } = {}) {
  const { refusal, readPage } = refusals(reasons);
  const form = forms(refusal);
  const act = actions(refusal);
  return {
    enter,
    show,
    refusal,
    readPage,
    doneNotice,
    ...form,
    action: act,
    ...routes(readPage, form, act),
    ...childPages(form, act),
  };
}

/**
 * A form page drawn with RecordForm: on GET the stored values (none for a new record); after a refused save
 * the values sent, with their errors or, after a stale save, both versions and the stored version to save at.
 */
export function formPage(
  c: Ctx,
  state: FormState,
  p: {
    title: string;
    lead?: ComponentChildren;
    action: string;
    /** The stored record's version: an edit form carries it. */
    version?: number;
    specs: FieldSpec[];
    values?: Values;
    submit: string;
    back: { href: string; label: string };
  },
): Rendered {
  return {
    title: p.title,
    body: (
      <RecordForm
        lang={c.lang}
        title={p.title}
        lead={p.lead}
        action={p.action}
        session={c.session}
        version={p.version === undefined ? undefined : (state.version ?? p.version)}
        specs={p.specs}
        values={state.values ?? p.values ?? {}}
        errors={state.errors}
        conflict={state.conflict}
        submit={p.submit}
        back={p.back}
      />
    ),
  };
}

/** What a form on a stored record (or on one of its parts) says and does, from the record as stored. */
export interface PartForm<R> {
  /** Whether the part the form edits is the record's: an unknown part's id is not found (404), not a blank form. */
  exists?: (r: R) => boolean;
  title: (c: Ctx, r: R) => string;
  lead?: (c: Ctx) => string;
  /** The fields read from the form, when not only those drawn (`specs`): a list kept apart, such as sources. */
  fields?: (r: R) => readonly string[];
  specs: (c: Ctx, r: R) => FieldSpec[] | Promise<FieldSpec[]>;
  values: (r: R) => Values;
  save: (c: Ctx, r: R, values: Values, version: number) => Promise<unknown>;
}

/**
 * Forms on a record type's stored records at their version (`/admin/{lang}/{segment}/:id/{path}`): the
 * record is read first (`load`, which refuses a reader), its fields and values come from it, a stale save
 * compares with it, and a saved form goes back to the record's page. The objective's money and indicators,
 * a project's partners and years, a candidacy's deadlines are each one such form.
 */
export function recordFormOn<R extends { version: number }>(
  segment: string,
  load: (c: Ctx, id: string) => Promise<R>,
) {
  return (id: string, path: string, p: PartForm<R>): FlowOf =>
    async (c) => {
      const t = backofficeStrings(c.lang);
      const list = `/admin/${c.lang}/${segment}`;
      const record = `${list}/${id}`;
      const stored = await load(c, id);
      if (p.exists && !p.exists(stored)) throw AppError.notFound('Part', path);
      const specs = await p.specs(c, stored);
      return {
        fields: p.fields?.(stored) ?? specs.map((s) => s.name),
        path: `${segment}/${id}/${path}`,
        back: list,
        versioned: true,
        stored: (current) => p.values(current as R),
        render: async (state) =>
          formPage(c, state, {
            title: p.title(c, stored),
            ...(p.lead ? { lead: p.lead(c) } : {}),
            action: `${record}/${path}`,
            version: stored.version,
            specs,
            values: p.values(stored),
            submit: t.save,
            back: { href: record, label: t.backToRecord },
          }),
        save: async (values, version) => {
          await p.save(c, stored, values, version);
          return `${record}?saved=1`;
        },
      };
    };
}

// ── Uploads ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads (part of) an upload. A body that is not a whole multipart form, with no boundary in its content type or
 * cut short, makes the parser throw plain errors: the sender's fault, so a 400 naming the file, not a 500.
 */
export async function received<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (isAppError(err) || (err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw err;
    throw new AppError('invalid_input', 'The upload is not a whole multipart/form-data form', {
      field: 'file',
      details: { reason: 'incomplete' },
      cause: err,
    });
  }
}

/**
 * The file part of a back-office upload form, once the form's CSRF token (which comes before the file, so it is
 * known before any byte is kept) matches the session's; undefined when the form holds no file.
 */
export async function uploadedFile(request: FastifyRequest, session: Session, maxBytes: number) {
  if (!request.isMultipart()) throw AppError.invalid('file', 'send the file as multipart/form-data');
  const part = await received(() => request.file({ limits: { fileSize: maxBytes, files: 1 } }));
  const csrf = part?.fields['_csrf'];
  const token = csrf && !Array.isArray(csrf) && csrf.type === 'field' ? csrf.value : undefined;
  if (!sameToken(token, session.csrfToken)) {
    throw new AppError('forbidden', 'The form has expired or did not come from this site: reload the page');
  }
  return part;
}
