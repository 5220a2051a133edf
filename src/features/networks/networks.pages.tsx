// The back-office pages of networks and memberships under /admin/{it,en}/networks and /memberships: the
// catalogue with the institution's memberships, a network's page, adding and editing a catalogue entry
// (editing: platform administrators), joining, editing and leaving. Thin handlers on the shared record-page
// flow (admin.forms.tsx) and the networks' admin service.

import type { Services } from '../../deps.ts';
import type { Source } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import type { Values } from '../../views/backoffice/forms.tsx';
import { nameIn } from '../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import {
  type Ctx,
  type FormFlow,
  formPage,
  type IdRequest,
  oneOf,
  READ,
  type Rendered,
  recordPages,
  textsOf,
  typed,
} from '../admin/admin.forms.tsx';
import { field, UUID } from '../admin/admin.kit.tsx';
import { type MembershipRecord, NETWORK_SORTS, type NetworkEntry } from './networks.service.ts';
import { networksStrings } from './networks.strings.ts';
import {
  MEMBERSHIP_FIELDS,
  membershipSpecs,
  membershipValues,
  NETWORK_FIELDS,
  NetworkListView,
  NetworkView,
  networkSpecs,
  networkValues,
} from './views/networks.tsx';

type NetworksAdmin = Services['networksAdmin'];
type Pages = ReturnType<typeof recordPages>;

export function networksPages(services: Services) {
  const admin = services.networksAdmin;
  const pages = recordPages({
    forbidden: { catalogue: (lang) => networksStrings(lang).catalogueForbidden },
    conflict: { member: (lang) => networksStrings(lang).alreadyMember },
  });

  return async function routes(app: App) {
    const networkRender = catalogueRoutes(app, admin, pages);
    membershipRoutes(app, admin, pages, networkRender);
  };
}

/** The catalogue form's values as the service's fields; sources from their lines, keeping stored ones whole. */
const networkFields = (values: Values, stored: Source[] = []) => ({
  ...textsOf(values, NETWORK_FIELDS),
  sources: sourcesFromLines(values['sources'] ?? '', stored),
});

/** The catalogue: the list with the institution's memberships, a network's page, adding, editing, removing. */
function catalogueRoutes(app: App, admin: NetworksAdmin, pages: Pages) {
  pages.listRoute(
    app,
    'networks',
    (q) => ({
      q: typed(q, 'q', 200),
      member: oneOf(['yes', 'no'] as const, field(q, 'member'), ''),
      sort: oneOf(NETWORK_SORTS, field(q, 'sort'), 'name'),
    }),
    async (c, filters, page) => ({
      title: networksStrings(c.lang).title,
      body: (
        <NetworkListView
          lang={c.lang}
          data={
            await admin.networks(c.actor, {
              q: filters.q,
              member: filters.member === '' ? undefined : filters.member === 'yes',
              sort: filters.sort || undefined,
              page,
              lang: c.lang,
            })
          }
          filters={filters}
          canWrite={admin.canWrite(c.actor)}
        />
      ),
    }),
  );

  const networkRender = async (c: Ctx, id: string): Promise<Rendered> => {
    const data = await admin.network(c.actor, id);
    return {
      title: `${nameIn(data.network, c.lang)} — ${networksStrings(c.lang).title}`,
      body: (
        <NetworkView
          lang={c.lang}
          session={c.session}
          canWrite={admin.canWrite(c.actor)}
          canEditCatalogue={admin.canEditCatalogue(c.actor)}
          data={data}
        />
      ),
    };
  };

  const newNetwork = (c: Ctx): FormFlow => {
    const t = backofficeStrings(c.lang);
    const own = networksStrings(c.lang);
    const base = `/admin/${c.lang}/networks`;
    return {
      fields: NETWORK_FIELDS,
      path: 'networks/new',
      back: base,
      versioned: false,
      render: async (state) => {
        admin.checkWriter(c.actor);
        return formPage(c, state, {
          title: own.add,
          lead: own.addLead,
          action: `${base}/new`,
          specs: networkSpecs('new'),
          submit: t.create,
          back: { href: base, label: t.backToList },
        });
      },
      save: async (values) => {
        const created = await admin.createNetwork(c.actor, networkFields(values));
        return `${base}/${created.id}?created=1`;
      },
    };
  };

  pages.formRoutes(app, 'networks/new', newNetwork);

  pages.recordRoute(app, 'networks', networkRender);

  const editNetwork =
    (id: string) =>
    (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = networksStrings(c.lang);
      const record = `/admin/${c.lang}/networks/${id}`;
      const fields = NETWORK_FIELDS.filter((f) => f !== 'slug');
      return {
        fields,
        path: `networks/${id}/edit`,
        back: `/admin/${c.lang}/networks`,
        versioned: true,
        stored: (current) => networkValues(current as NetworkEntry),
        render: async (state) => {
          const network = await admin.networkForm(c.actor, id);
          const title = own.editTitle(nameIn(network, c.lang));
          return formPage(c, state, {
            title: title,
            lead: own.catalogueNote,
            action: `${record}/edit`,
            version: network.version,
            specs: networkSpecs('edit'),
            values: networkValues(network),
            submit: t.save,
            back: { href: record, label: t.backToRecord },
          });
        },
        save: async (values, version) => {
          const stored = (await admin.networkForm(c.actor, id)).sources;
          await admin.updateNetwork(c.actor, id, version, networkFields(values, stored));
          return `${record}?saved=1`;
        },
      };
    };

  pages.recordFormRoutes(app, 'networks', 'edit', editNetwork);

  pages.deleteRoute(app, 'networks', {
    run: async (c, id, version) => {
      await admin.removeNetwork(c.actor, id, version);
      return `/admin/${c.lang}/networks?deleted=1`;
    },
    page: networkRender,
    inUse: (c, d) => networksStrings(c.lang).inUse(Number(d['memberships'] ?? 0)),
  });

  return networkRender;
}

/** Joining a network, editing a membership and leaving; a membership's address leads to its network. */
function membershipRoutes(
  app: App,
  admin: NetworksAdmin,
  pages: Pages,
  networkRender: (c: Ctx, id: string) => Promise<Rendered>,
) {
  const membershipFields = (values: Values, stored: Source[] = []) => ({
    ...textsOf(values, MEMBERSHIP_FIELDS),
    sources: sourcesFromLines(values['sources'] ?? '', stored),
  });

  const joinNetwork =
    (networkId: string) =>
    (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = networksStrings(c.lang);
      const record = `/admin/${c.lang}/networks/${networkId}`;
      return {
        fields: MEMBERSHIP_FIELDS,
        path: `networks/${networkId}/join`,
        back: `/admin/${c.lang}/networks`,
        versioned: false,
        render: async (state) => {
          const { network, units } = await admin.joinForm(c.actor, networkId);
          const title = own.joinTitle(nameIn(network, c.lang));
          return formPage(c, state, {
            title: title,
            action: `${record}/join`,
            specs: membershipSpecs(c.lang, units),
            submit: own.join,
            back: { href: record, label: t.backToRecord },
          });
        },
        save: async (values) => {
          await admin.joinNetwork(c.actor, networkId, membershipFields(values));
          return `${record}?saved=1`;
        },
      };
    };

  pages.recordFormRoutes(app, 'networks', 'join', joinNetwork);

  // A membership's page is its network's page; this address finds it (and 404s another institution's).
  app.get('/admin/:lang/memberships/:id', READ, async (request: IdRequest, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    const c = await pages.enter(request, reply);
    if (!c) return reply;
    const back = `/admin/${c.lang}/networks`;
    try {
      const { network } = await admin.membership(c.actor, request.params.id);
      return reply.redirect(`${back}/${network.id}`, 303);
    } catch (err) {
      return pages.refusal(reply, c, `memberships/${request.params.id}`, back, err);
    }
  });

  const editMembership =
    (id: string) =>
    (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = networksStrings(c.lang);
      return {
        fields: MEMBERSHIP_FIELDS,
        path: `memberships/${id}/edit`,
        back: `/admin/${c.lang}/networks`,
        versioned: true,
        stored: (current) => membershipValues(current as MembershipRecord),
        render: async (state) => {
          const { membership, network, units } = await admin.membershipForm(c.actor, id);
          const title = own.editMembershipTitle(nameIn(network, c.lang));
          const record = `/admin/${c.lang}/networks/${network.id}`;
          return formPage(c, state, {
            title: title,
            action: `/admin/${c.lang}/memberships/${id}/edit`,
            version: membership.version,
            specs: membershipSpecs(c.lang, units),
            values: membershipValues(membership),
            submit: t.save,
            back: { href: record, label: t.backToRecord },
          });
        },
        save: async (values, version) => {
          const stored = (await admin.membershipForm(c.actor, id)).membership.sources;
          const saved = await admin.updateMembership(c.actor, id, version, membershipFields(values, stored));
          return `/admin/${c.lang}/networks/${saved.networkId}?saved=1`;
        },
      };
    };

  pages.recordFormRoutes(app, 'memberships', 'edit', editMembership);

  pages.deleteRoute(app, 'memberships', {
    back: 'networks',
    run: async (c, id, version) => {
      const left = await admin.leaveNetwork(c.actor, id, version);
      return `/admin/${c.lang}/networks/${left.networkId}?saved=1`;
    },
    page: async (c, id) => {
      const { network } = await admin.membership(c.actor, id);
      return networkRender(c, network.id);
    },
  });
}
