// The back-office's registry pages under /admin/{it,en}/: partners (counterparts), networks and memberships,
// units. Handlers are thin: read the session, check CSRF, call one registry service function, render or
// redirect. The service runs everything as the user's institution under row-level security and decides who
// may write; here its refusals become pages: 404 for another institution's record, 403 for a role, 409 with
// both versions for a stale form, 400 with the message beside the field in the page's language.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { type AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { actorOf, requireCsrf, sessionOf } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { COUNTERPART_SORTS, type CounterpartRecord } from '../counterparts/counterparts.service.ts';
import { UNIT_SORTS, type UnitRecord } from '../institutions/institutions.service.ts';
import { type MembershipRecord, NETWORK_SORTS, type NetworkEntry } from '../networks/networks.service.ts';
import { adminKit, type Form, field, fieldMessage, langOf, noticeOf, UUID } from './admin.kit.tsx';
import { adminStrings } from './admin.strings.ts';
import type { RegistryAdminService } from './registry.service.ts';
import { registryStrings } from './registry.strings.ts';
import type { Notice } from './views/admin.tsx';
import {
  COUNTERPART_FIELDS,
  type Conflict,
  CounterpartListView,
  CounterpartView,
  counterpartSpecs,
  counterpartValues,
  type Errors,
  listHref,
  MEMBERSHIP_FIELDS,
  membershipSpecs,
  membershipValues,
  NETWORK_FIELDS,
  NetworkListView,
  NetworkView,
  networkSpecs,
  networkValues,
  RecordForm,
  UNIT_FIELDS,
  UNIT_SPECS,
  UnitListView,
  UnitView,
  unitValues,
  type Values,
} from './views/registry.tsx';

/** Who is asking, in which language. */
interface Ctx {
  lang: Lang;
  session: Session;
  actor: Actor;
}

/** What a form page shows: after a refused save, the values sent, the errors or the conflict. */
interface FormState {
  values?: Values;
  errors?: Errors;
  conflict?: Conflict;
  /** The version the form carries; by default the stored record's. */
  version?: number | undefined;
}

interface Rendered {
  title: string;
  body: VNode;
}

type IdRequest = FastifyRequest<{ Params: { lang: string; id: string }; Body: Form; Querystring: Form }>;
type LangRequest = FastifyRequest<{ Params: { lang: string }; Body: Form; Querystring: Form }>;

const nameIn = (x: { nameIt: string; nameEn: string }, lang: Lang) => (lang === 'it' ? x.nameIt : x.nameEn);

/** A form or query field as text PostgreSQL can store: NUL characters (which it refuses) dropped. */
const typed = (form: Form | undefined, name: string, max = 2000) => field(form, name, max).replace(/\0/g, '');

/** One of the allowed values, or the fallback. */
const oneOf = <T extends string>(allowed: readonly T[], raw: string, fallback: T | ''): T | '' =>
  (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;

const pageNumber = (raw: string) => {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1_000_000) : 1;
};

/** The field's error in the page's language: the registry's own words, else the back-office's. */
function messageOf(lang: Lang, err: AppError): string {
  const fieldName = err.field ?? '';
  const reason = err.details?.['reason'];
  const key = err.code === 'conflict' && typeof reason === 'string' ? `${fieldName}:${reason}` : fieldName;
  const own = registryStrings(lang).fieldMessages[key];
  return own ? `${adminStrings(lang).fieldError}: ${own}` : fieldMessage(lang, fieldName, err.message);
}

/** The version a form started from; undefined when it is missing or mangled (such a form cannot be saved). */
function versionOf(body: Form | undefined): number | undefined {
  const raw = String(body?.['version'] ?? '');
  const version = Number(raw);
  // Versions are PostgreSQL integers.
  return /^\d{1,10}$/.test(raw) && version >= 1 && version <= 2_147_483_647 ? version : undefined;
}

export function registryPages(deps: { registry: RegistryAdminService }) {
  const { registry } = deps;
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

  /** A refusal the service explained, as a page: not found, not allowed, changed meanwhile. */
  function refusal(reply: FastifyReply, c: Ctx, path: string, back: string, err: unknown) {
    if (!isAppError(err)) throw err;
    const t = registryStrings(c.lang);
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
        err.details?.['reason'] === 'catalogue'
          ? t.networks.catalogueForbidden
          : (noticeOf(err, c.lang)?.text ?? adminStrings(c.lang).forbidden);
      return page(t.refusedTitle, text, 403);
    }
    if (err.code === 'conflict' && err.details?.['reason'] === 'concurrent') {
      return page(t.refusedTitle, t.concurrent, 409);
    }
    if (err.code === 'conflict' && err.details?.['reason'] === 'member') {
      return page(t.refusedTitle, t.networks.alreadyMember, 409);
    }
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

  /** The success notice a redirect asked for (?saved=1, ?created=1, ?deleted=1). */
  function doneNotice(request: FastifyRequest, lang: Lang): Notice | undefined {
    const q = (request.query ?? {}) as Form;
    const t = registryStrings(lang);
    if (q['saved'] === '1') return { kind: 'success', text: t.saved };
    if (q['created'] === '1') return { kind: 'success', text: t.created };
    if (q['deleted'] === '1') return { kind: 'success', text: t.deleted };
    return undefined;
  }

  interface FormFlow {
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
  }

  async function showForm(request: FastifyRequest, reply: FastifyReply, flow: (c: Ctx) => FormFlow) {
    const c = await enter(request, reply);
    if (!c) return reply;
    const f = flow(c);
    try {
      return show(reply, c, f.path, await f.render({}));
    } catch (err) {
      return refusal(reply, c, f.path, f.back, err);
    }
  }

  async function submitForm(request: FastifyRequest, reply: FastifyReply, flow: (c: Ctx) => FormFlow) {
    const c = await enter(request, reply);
    if (!c) return reply;
    const f = flow(c);
    const t = registryStrings(c.lang);
    const body = request.body as Form | undefined;
    const values: Values = Object.fromEntries(f.fields.map((name) => [name, typed(body, name, 10_000)]));
    let version: number | undefined;
    const again = async (state: FormState, status: number, notice?: Notice) => {
      try {
        return show(reply, c, f.path, await f.render({ values, ...state }), { status, notice });
      } catch (err) {
        return refusal(reply, c, f.path, f.back, err);
      }
    };
    try {
      requireCsrf(request, c.session);
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
      if (
        (err.code === 'invalid_input' || err.code === 'conflict') &&
        err.field &&
        f.fields.includes(err.field)
      ) {
        return again({ version, errors: { [err.field]: messageOf(c.lang, err) } }, err.status);
      }
      return refusal(reply, c, f.path, f.back, err);
    }
  }

  /**
   * A one-button action on a record (delete, leave) at the version shown; on success goes where `run` says,
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
    const t = registryStrings(c.lang);
    const again = async (status: number, notice: Notice) => {
      try {
        return show(reply, c, opts.path, await opts.page(c), { status, notice });
      } catch (err) {
        return refusal(reply, c, opts.path, opts.back, err);
      }
    };
    try {
      requireCsrf(request, c.session);
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

  return async function routes(app: App) {
    // Everyone with a role reads; editors and admins write (the service refines: catalogue networks).
    const read = { schema: { hide: true }, config: { access: 'viewer' as const } };
    const write = { schema: { hide: true }, config: { access: 'editor' as const } };

    // ── Counterparts ──────────────────────────────────────────────────────────────────────────────────

    app.get('/admin/:lang/counterparts', read, async (request: LangRequest, reply) => {
      const c = await enter(request, reply);
      if (!c) return reply;
      const q = request.query ?? {};
      const filters = {
        q: typed(q, 'q', 200),
        kind: oneOf(['city', 'organisation'] as const, field(q, 'kind'), ''),
        country: /^[A-Za-z]{2}$/.test(field(q, 'country')) ? field(q, 'country').toUpperCase() : '',
        sort: oneOf(COUNTERPART_SORTS, field(q, 'sort'), 'name'),
      };
      const page = pageNumber(field(q, 'page'));
      const t = registryStrings(c.lang);
      return readPage(
        reply,
        c,
        listHref('counterparts', filters, page),
        `/admin/${c.lang}/`,
        async () => ({
          title: t.counterparts.title,
          body: (
            <CounterpartListView
              lang={c.lang}
              data={
                await registry.counterparts(c.actor, {
                  ...filters,
                  kind: filters.kind || undefined,
                  sort: filters.sort || undefined,
                  page,
                  lang: c.lang,
                })
              }
              filters={filters}
              canWrite={registry.canWrite(c.actor)}
            />
          ),
        }),
        doneNotice(request, c.lang),
      );
    });

    const counterpartRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await registry.counterpart(c.actor, id);
      return {
        title: nameIn(data.counterpart, c.lang),
        body: (
          <CounterpartView
            lang={c.lang}
            session={c.session}
            canWrite={registry.canWrite(c.actor)}
            data={data}
          />
        ),
      };
    };

    const newCounterpart = (c: Ctx): FormFlow => {
      const t = registryStrings(c.lang);
      const base = `/admin/${c.lang}/counterparts`;
      return {
        fields: COUNTERPART_FIELDS,
        path: 'counterparts/new',
        back: base,
        versioned: false,
        render: async (state) => {
          registry.checkWriter(c.actor);
          return {
            title: t.counterparts.add,
            body: (
              <RecordForm
                lang={c.lang}
                title={t.counterparts.add}
                lead={t.counterparts.addLead}
                action={`${base}/new`}
                session={c.session}
                specs={counterpartSpecs('organisation')}
                values={state.values ?? {}}
                errors={state.errors}
                submit={t.create}
                back={{ href: base, label: t.backToList }}
              />
            ),
          };
        },
        save: async (values) => {
          const created = await registry.createCounterpart(c.actor, {
            nameIt: values['nameIt'] ?? '',
            nameEn: values['nameEn'] ?? '',
            website: values['website'] ?? '',
            country: values['country'] ?? '',
          });
          return `${base}/${created.id}?created=1`;
        },
      };
    };

    app.get('/admin/:lang/counterparts/new', read, (request, reply) =>
      showForm(request, reply, newCounterpart),
    );
    app.post('/admin/:lang/counterparts/new', write, (request, reply) =>
      submitForm(request, reply, newCounterpart),
    );

    app.get('/admin/:lang/counterparts/:id', read, async (request: IdRequest, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const c = await enter(request, reply);
      if (!c) return reply;
      const id = request.params.id;
      return readPage(
        reply,
        c,
        `counterparts/${id}`,
        `/admin/${c.lang}/counterparts`,
        () => counterpartRender(c, id),
        doneNotice(request, c.lang),
      );
    });

    const editCounterpart =
      (id: string) =>
      (c: Ctx): FormFlow => {
        const t = registryStrings(c.lang);
        const record = `/admin/${c.lang}/counterparts/${id}`;
        return {
          fields: COUNTERPART_FIELDS,
          path: `counterparts/${id}/edit`,
          back: `/admin/${c.lang}/counterparts`,
          versioned: true,
          stored: (current) => counterpartValues(current as CounterpartRecord),
          render: async (state) => {
            const cp = await registry.counterpartForm(c.actor, id);
            const title = t.counterparts.editTitle(nameIn(cp, c.lang));
            return {
              title,
              body: (
                <RecordForm
                  lang={c.lang}
                  title={title}
                  lead={cp.kind === 'city' ? t.counterparts.cityNote : undefined}
                  action={`${record}/edit`}
                  session={c.session}
                  version={state.version ?? cp.version}
                  specs={counterpartSpecs(cp.kind)}
                  values={state.values ?? counterpartValues(cp)}
                  errors={state.errors}
                  conflict={state.conflict}
                  submit={t.save}
                  back={{ href: record, label: t.backToRecord }}
                />
              ),
            };
          },
          save: async (values, version) => {
            await registry.updateCounterpart(c.actor, id, version, {
              nameIt: values['nameIt'] ?? '',
              nameEn: values['nameEn'] ?? '',
              website: values['website'] ?? '',
              country: values['country'] ?? '',
            });
            return `${record}?saved=1`;
          },
        };
      };

    app.get('/admin/:lang/counterparts/:id/edit', read, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? showForm(request, reply, editCounterpart(request.params.id))
        : reply.callNotFound(),
    );
    app.post('/admin/:lang/counterparts/:id/edit', write, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? submitForm(request, reply, editCounterpart(request.params.id))
        : reply.callNotFound(),
    );

    app.post('/admin/:lang/counterparts/:id/delete', write, (request: IdRequest, reply) => {
      const id = request.params.id;
      if (!UUID.test(id)) return reply.callNotFound();
      return action(request, reply, {
        path: `counterparts/${id}`,
        back: `/admin/${langOf(request) ?? 'it'}/counterparts`,
        run: async (c, version) => {
          await registry.deleteCounterpart(c.actor, id, version);
          return `/admin/${c.lang}/counterparts?deleted=1`;
        },
        page: (c) => counterpartRender(c, id),
        inUse: (c, d) => registryStrings(c.lang).counterparts.inUse(Number(d['agreements'] ?? 0)),
      });
    });

    // ── Units ─────────────────────────────────────────────────────────────────────────────────────────

    app.get('/admin/:lang/units', read, async (request: LangRequest, reply) => {
      const c = await enter(request, reply);
      if (!c) return reply;
      const q = request.query ?? {};
      const filters = { q: typed(q, 'q', 200), sort: oneOf(UNIT_SORTS, field(q, 'sort'), 'position') };
      const page = pageNumber(field(q, 'page'));
      const t = registryStrings(c.lang);
      return readPage(
        reply,
        c,
        listHref('units', filters, page),
        `/admin/${c.lang}/`,
        async () => ({
          title: t.units.title,
          body: (
            <UnitListView
              lang={c.lang}
              data={
                await registry.units(c.actor, {
                  q: filters.q,
                  sort: filters.sort || undefined,
                  page,
                  lang: c.lang,
                })
              }
              filters={filters}
              canWrite={registry.canWrite(c.actor)}
            />
          ),
        }),
        doneNotice(request, c.lang),
      );
    });

    const unitRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await registry.unit(c.actor, id);
      return {
        title: nameIn(data.unit, c.lang),
        body: (
          <UnitView lang={c.lang} session={c.session} canWrite={registry.canWrite(c.actor)} data={data} />
        ),
      };
    };

    const unitFields = (values: Values) => ({
      slug: values['slug'] ?? '',
      nameIt: values['nameIt'] ?? '',
      nameEn: values['nameEn'] ?? '',
      remitIt: values['remitIt'] ?? '',
      remitEn: values['remitEn'] ?? '',
      head: values['head'] ?? '',
    });

    const newUnit = (c: Ctx): FormFlow => {
      const t = registryStrings(c.lang);
      const base = `/admin/${c.lang}/units`;
      return {
        fields: UNIT_FIELDS,
        path: 'units/new',
        back: base,
        versioned: false,
        render: async (state) => {
          registry.checkWriter(c.actor);
          return {
            title: t.units.add,
            body: (
              <RecordForm
                lang={c.lang}
                title={t.units.add}
                action={`${base}/new`}
                session={c.session}
                specs={UNIT_SPECS}
                values={state.values ?? {}}
                errors={state.errors}
                submit={t.create}
                back={{ href: base, label: t.backToList }}
              />
            ),
          };
        },
        save: async (values) => {
          const created = await registry.createUnit(c.actor, unitFields(values));
          return `${base}/${created.id}?created=1`;
        },
      };
    };

    app.get('/admin/:lang/units/new', read, (request, reply) => showForm(request, reply, newUnit));
    app.post('/admin/:lang/units/new', write, (request, reply) => submitForm(request, reply, newUnit));

    app.get('/admin/:lang/units/:id', read, async (request: IdRequest, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const c = await enter(request, reply);
      if (!c) return reply;
      const id = request.params.id;
      return readPage(
        reply,
        c,
        `units/${id}`,
        `/admin/${c.lang}/units`,
        () => unitRender(c, id),
        doneNotice(request, c.lang),
      );
    });

    const editUnit =
      (id: string) =>
      (c: Ctx): FormFlow => {
        const t = registryStrings(c.lang);
        const record = `/admin/${c.lang}/units/${id}`;
        return {
          fields: UNIT_FIELDS,
          path: `units/${id}/edit`,
          back: `/admin/${c.lang}/units`,
          versioned: true,
          stored: (current) => unitValues(current as UnitRecord),
          render: async (state) => {
            const unit = await registry.unitForm(c.actor, id);
            const title = t.units.editTitle(nameIn(unit, c.lang));
            return {
              title,
              body: (
                <RecordForm
                  lang={c.lang}
                  title={title}
                  action={`${record}/edit`}
                  session={c.session}
                  version={state.version ?? unit.version}
                  specs={UNIT_SPECS}
                  values={state.values ?? unitValues(unit)}
                  errors={state.errors}
                  conflict={state.conflict}
                  submit={t.save}
                  back={{ href: record, label: t.backToRecord }}
                />
              ),
            };
          },
          save: async (values, version) => {
            await registry.updateUnit(c.actor, id, version, unitFields(values));
            return `${record}?saved=1`;
          },
        };
      };

    app.get('/admin/:lang/units/:id/edit', read, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? showForm(request, reply, editUnit(request.params.id))
        : reply.callNotFound(),
    );
    app.post('/admin/:lang/units/:id/edit', write, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? submitForm(request, reply, editUnit(request.params.id))
        : reply.callNotFound(),
    );

    app.post('/admin/:lang/units/:id/delete', write, (request: IdRequest, reply) => {
      const id = request.params.id;
      if (!UUID.test(id)) return reply.callNotFound();
      return action(request, reply, {
        path: `units/${id}`,
        back: `/admin/${langOf(request) ?? 'it'}/units`,
        run: async (c, version) => {
          await registry.deleteUnit(c.actor, id, version);
          return `/admin/${c.lang}/units?deleted=1`;
        },
        page: (c) => unitRender(c, id),
        inUse: (c, d) =>
          registryStrings(c.lang).units.inUse(Number(d['memberships'] ?? 0), Number(d['agreements'] ?? 0)),
      });
    });

    // ── Networks and memberships ──────────────────────────────────────────────────────────────────────

    app.get('/admin/:lang/networks', read, async (request: LangRequest, reply) => {
      const c = await enter(request, reply);
      if (!c) return reply;
      const q = request.query ?? {};
      const filters = {
        q: typed(q, 'q', 200),
        member: oneOf(['yes', 'no'] as const, field(q, 'member'), ''),
        sort: oneOf(NETWORK_SORTS, field(q, 'sort'), 'name'),
      };
      const page = pageNumber(field(q, 'page'));
      const t = registryStrings(c.lang);
      return readPage(
        reply,
        c,
        listHref('networks', filters, page),
        `/admin/${c.lang}/`,
        async () => ({
          title: t.networks.title,
          body: (
            <NetworkListView
              lang={c.lang}
              data={
                await registry.networks(c.actor, {
                  q: filters.q,
                  member: filters.member === '' ? undefined : filters.member === 'yes',
                  sort: filters.sort || undefined,
                  page,
                  lang: c.lang,
                })
              }
              filters={filters}
              canWrite={registry.canWrite(c.actor)}
            />
          ),
        }),
        doneNotice(request, c.lang),
      );
    });

    const networkRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await registry.network(c.actor, id);
      return {
        title: nameIn(data.network, c.lang),
        body: (
          <NetworkView
            lang={c.lang}
            session={c.session}
            canWrite={registry.canWrite(c.actor)}
            canEditCatalogue={registry.canEditCatalogue(c.actor)}
            data={data}
          />
        ),
      };
    };

    const networkFields = (values: Values) => ({
      slug: values['slug'] ?? '',
      acronym: values['acronym'] ?? '',
      nameIt: values['nameIt'] ?? '',
      nameEn: values['nameEn'] ?? '',
      website: values['website'] ?? '',
      descriptionIt: values['descriptionIt'] ?? '',
      descriptionEn: values['descriptionEn'] ?? '',
    });

    const newNetwork = (c: Ctx): FormFlow => {
      const t = registryStrings(c.lang);
      const base = `/admin/${c.lang}/networks`;
      return {
        fields: NETWORK_FIELDS,
        path: 'networks/new',
        back: base,
        versioned: false,
        render: async (state) => {
          registry.checkWriter(c.actor);
          return {
            title: t.networks.add,
            body: (
              <RecordForm
                lang={c.lang}
                title={t.networks.add}
                lead={t.networks.addLead}
                action={`${base}/new`}
                session={c.session}
                specs={networkSpecs('new')}
                values={state.values ?? {}}
                errors={state.errors}
                submit={t.create}
                back={{ href: base, label: t.backToList }}
              />
            ),
          };
        },
        save: async (values) => {
          const created = await registry.createNetwork(c.actor, networkFields(values));
          return `${base}/${created.id}?created=1`;
        },
      };
    };

    app.get('/admin/:lang/networks/new', read, (request, reply) => showForm(request, reply, newNetwork));
    app.post('/admin/:lang/networks/new', write, (request, reply) => submitForm(request, reply, newNetwork));

    app.get('/admin/:lang/networks/:id', read, async (request: IdRequest, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const c = await enter(request, reply);
      if (!c) return reply;
      const id = request.params.id;
      return readPage(
        reply,
        c,
        `networks/${id}`,
        `/admin/${c.lang}/networks`,
        () => networkRender(c, id),
        doneNotice(request, c.lang),
      );
    });

    const editNetwork =
      (id: string) =>
      (c: Ctx): FormFlow => {
        const t = registryStrings(c.lang);
        const record = `/admin/${c.lang}/networks/${id}`;
        const fields = NETWORK_FIELDS.filter((f) => f !== 'slug');
        return {
          fields,
          path: `networks/${id}/edit`,
          back: `/admin/${c.lang}/networks`,
          versioned: true,
          stored: (current) => networkValues(current as NetworkEntry),
          render: async (state) => {
            const network = await registry.networkForm(c.actor, id);
            const title = t.networks.editTitle(nameIn(network, c.lang));
            return {
              title,
              body: (
                <RecordForm
                  lang={c.lang}
                  title={title}
                  lead={t.networks.catalogueNote}
                  action={`${record}/edit`}
                  session={c.session}
                  version={state.version ?? network.version}
                  specs={networkSpecs('edit')}
                  values={state.values ?? networkValues(network)}
                  errors={state.errors}
                  conflict={state.conflict}
                  submit={t.save}
                  back={{ href: record, label: t.backToRecord }}
                />
              ),
            };
          },
          save: async (values, version) => {
            await registry.updateNetwork(c.actor, id, version, networkFields(values));
            return `${record}?saved=1`;
          },
        };
      };

    app.get('/admin/:lang/networks/:id/edit', read, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? showForm(request, reply, editNetwork(request.params.id))
        : reply.callNotFound(),
    );
    app.post('/admin/:lang/networks/:id/edit', write, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? submitForm(request, reply, editNetwork(request.params.id))
        : reply.callNotFound(),
    );

    app.post('/admin/:lang/networks/:id/delete', write, (request: IdRequest, reply) => {
      const id = request.params.id;
      if (!UUID.test(id)) return reply.callNotFound();
      return action(request, reply, {
        path: `networks/${id}`,
        back: `/admin/${langOf(request) ?? 'it'}/networks`,
        run: async (c, version) => {
          await registry.removeNetwork(c.actor, id, version);
          return `/admin/${c.lang}/networks?deleted=1`;
        },
        page: (c) => networkRender(c, id),
        inUse: (c, d) => registryStrings(c.lang).networks.inUse(Number(d['memberships'] ?? 0)),
      });
    });

    const membershipFields = (values: Values) => ({
      since: values['since'] ?? '',
      roleIt: values['roleIt'] ?? '',
      roleEn: values['roleEn'] ?? '',
      unitId: values['unitId'] ?? '',
      workingGroups: values['workingGroups'] ?? '',
      annualFee: values['annualFee'] ?? '',
      feeCurrency: values['feeCurrency'] ?? '',
      notes: values['notes'] ?? '',
    });

    const joinNetwork =
      (networkId: string) =>
      (c: Ctx): FormFlow => {
        const t = registryStrings(c.lang);
        const record = `/admin/${c.lang}/networks/${networkId}`;
        return {
          fields: MEMBERSHIP_FIELDS,
          path: `networks/${networkId}/join`,
          back: `/admin/${c.lang}/networks`,
          versioned: false,
          render: async (state) => {
            const { network, units } = await registry.joinForm(c.actor, networkId);
            const title = t.networks.joinTitle(nameIn(network, c.lang));
            return {
              title,
              body: (
                <RecordForm
                  lang={c.lang}
                  title={title}
                  action={`${record}/join`}
                  session={c.session}
                  specs={membershipSpecs(c.lang, units)}
                  values={state.values ?? {}}
                  errors={state.errors}
                  submit={t.networks.join}
                  back={{ href: record, label: t.backToRecord }}
                />
              ),
            };
          },
          save: async (values) => {
            await registry.joinNetwork(c.actor, networkId, membershipFields(values));
            return `${record}?saved=1`;
          },
        };
      };

    app.get('/admin/:lang/networks/:id/join', read, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? showForm(request, reply, joinNetwork(request.params.id))
        : reply.callNotFound(),
    );
    app.post('/admin/:lang/networks/:id/join', write, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? submitForm(request, reply, joinNetwork(request.params.id))
        : reply.callNotFound(),
    );

    // A membership's page is its network's page; this address finds it (and 404s another institution's).
    app.get('/admin/:lang/memberships/:id', read, async (request: IdRequest, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const c = await enter(request, reply);
      if (!c) return reply;
      const back = `/admin/${c.lang}/networks`;
      try {
        const { network } = await registry.membership(c.actor, request.params.id);
        return reply.redirect(`${back}/${network.id}`, 303);
      } catch (err) {
        return refusal(reply, c, `memberships/${request.params.id}`, back, err);
      }
    });

    const editMembership =
      (id: string) =>
      (c: Ctx): FormFlow => {
        const t = registryStrings(c.lang);
        return {
          fields: MEMBERSHIP_FIELDS,
          path: `memberships/${id}/edit`,
          back: `/admin/${c.lang}/networks`,
          versioned: true,
          stored: (current) => membershipValues(current as MembershipRecord),
          render: async (state) => {
            const { membership, network, units } = await registry.membershipForm(c.actor, id);
            const title = t.networks.editMembershipTitle(nameIn(network, c.lang));
            const record = `/admin/${c.lang}/networks/${network.id}`;
            return {
              title,
              body: (
                <RecordForm
                  lang={c.lang}
                  title={title}
                  action={`/admin/${c.lang}/memberships/${id}/edit`}
                  session={c.session}
                  version={state.version ?? membership.version}
                  specs={membershipSpecs(c.lang, units)}
                  values={state.values ?? membershipValues(membership)}
                  errors={state.errors}
                  conflict={state.conflict}
                  submit={t.save}
                  back={{ href: record, label: t.backToRecord }}
                />
              ),
            };
          },
          save: async (values, version) => {
            const saved = await registry.updateMembership(c.actor, id, version, membershipFields(values));
            return `/admin/${c.lang}/networks/${saved.networkId}?saved=1`;
          },
        };
      };

    app.get('/admin/:lang/memberships/:id/edit', read, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? showForm(request, reply, editMembership(request.params.id))
        : reply.callNotFound(),
    );
    app.post('/admin/:lang/memberships/:id/edit', write, (request: IdRequest, reply) =>
      UUID.test(request.params.id)
        ? submitForm(request, reply, editMembership(request.params.id))
        : reply.callNotFound(),
    );

    app.post('/admin/:lang/memberships/:id/delete', write, (request: IdRequest, reply) => {
      const id = request.params.id;
      if (!UUID.test(id)) return reply.callNotFound();
      return action(request, reply, {
        path: `memberships/${id}`,
        back: `/admin/${langOf(request) ?? 'it'}/networks`,
        run: async (c, version) => {
          const left = await registry.leaveNetwork(c.actor, id, version);
          return `/admin/${c.lang}/networks/${left.networkId}?saved=1`;
        },
        page: async (c) => {
          const { network } = await registry.membership(c.actor, id);
          return networkRender(c, network.id);
        },
      });
    });
  };
}
