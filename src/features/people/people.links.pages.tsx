// A person's links from the back-office: the shared link routes (admin.links.tsx) on the person's links.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import type { Ctx, Rendered, recordPages } from '../admin/admin.forms.tsx';
import { recordLinkRoutes } from '../admin/admin.links.tsx';

export function linkRoutes(
  app: App,
  services: Services,
  pages: ReturnType<typeof recordPages>,
  personRender: (c: Ctx, id: string, linkError?: string) => Promise<Rendered>,
) {
  const links = services.personLinks;
  recordLinkRoutes(app, pages, {
    base: 'people',
    add: (c, id, l) => links.add(c.actor, id, { kind: l.kind, recordId: l.recordId, roleIt: l.role }),
    remove: (c, id, linkId) => links.remove(c.actor, id, linkId),
    render: personRender,
  });
}
