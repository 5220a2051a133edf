// The gifts register's back-office pages under /admin/{it,en}/gifts: the list, a gift's page, the forms to
// record and edit one, deleting it. Thin handlers on the shared record-page flow and the admin service.
import multipart from '@fastify/multipart';
import type { Services } from '../../deps.ts';
import { todayIso } from '../../platform/dates.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import {
  type Ctx,
  type FormFlow,
  formPage,
  oneOf,
  type Rendered,
  received,
  recordPages,
  textsOf,
  uploadedFile,
} from '../admin/admin.forms.tsx';
import { field, UUID } from '../admin/admin.kit.tsx';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.ts';
import { DIRECTIONS } from './gifts.rules.ts';
import type { GiftRecord } from './gifts.schemas.ts';
import { giftsStrings } from './gifts.strings.ts';
import { GIFT_FIELDS, GiftListView, GiftView, giftSpecs, giftValues } from './views/gifts.tsx';

export function giftsPages(services: Services) {
  const admin = services.giftsAdmin;
  const pages = recordPages({
    conflict: {},
  });
  const thisYear = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);

  return async function routes(app: App) {
    // Photographs come as multipart forms.
    await app.register(multipart);
    pages.listRoute(
      app,
      'gifts',
      (q) => ({
        year: /^\d{4}$/.test(field(q, 'year')) ? field(q, 'year') : '',
        direction: oneOf(DIRECTIONS, field(q, 'direction'), ''),
        flagged: field(q, 'flagged') === 'yes' ? 'yes' : '',
      }),
      async (c, filters, page) => ({
        title: giftsStrings(c.lang).title,
        body: (
          <GiftListView
            lang={c.lang}
            data={
              await admin.gifts(c.actor, {
                year: filters.year ? Number(filters.year) : undefined,
                direction: filters.direction || undefined,
                flagged: filters.flagged === 'yes',
                page,
              })
            }
            filters={filters}
            years={years}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const render = async (c: Ctx, id: string, photoError?: string): Promise<Rendered> => {
      const data = await admin.gift(c.actor, id);
      return {
        title: `${data.gift.descriptionIt.slice(0, 80)} — ${giftsStrings(c.lang).title}`,
        body: (
          <GiftView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            data={data}
            photoError={photoError}
          />
        ),
      };
    };

    photoRoutes(app, services, pages, render);

    const form =
      (id?: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = giftsStrings(c.lang);
        const list = `/admin/${c.lang}/gifts`;
        const record = id ? `${list}/${id}` : undefined;
        return {
          fields: GIFT_FIELDS,
          path: id ? `gifts/${id}/edit` : 'gifts/new',
          back: list,
          versioned: id !== undefined,
          stored: (current) => giftValues(current as GiftRecord),
          render: async (state) => {
            const { gift, choices } = await admin.giftForm(c.actor, id);
            return formPage(c, state, {
              title: gift ? own.editTitle : own.add,
              lead: own.lead,
              action: record ? `${record}/edit` : `${list}/new`,
              ...(gift ? { version: gift.version } : {}),
              specs: giftSpecs(c.lang, choices),
              values: gift ? giftValues(gift) : { direction: 'received', currency: 'EUR' },
              submit: gift ? t.save : t.create,
              back: record ? { href: record, label: t.backToRecord } : { href: list, label: t.backToList },
            });
          },
          save: async (values, version) => {
            const fields = textsOf(values, GIFT_FIELDS);
            if (!id) return `${list}/${(await admin.createGift(c.actor, fields)).id}?created=1`;
            await admin.updateGift(c.actor, id, version, fields);
            return `${record}?saved=1`;
          },
        };
      };

    pages.formRoutes(app, 'gifts/new', form());
    pages.recordRoute(app, 'gifts', render);
    pages.recordFormRoutes(app, 'gifts', 'edit', (id) => form(id));
    pages.deleteRoute(app, 'gifts', {
      run: async (c, id, version) => {
        await admin.deleteGift(c.actor, id, version);
        return `/admin/${c.lang}/gifts?deleted=1`;
      },
      page: render,
    });
  };
}

/** A gift's photographs: uploading one (a multipart form, its CSRF token before the file), deleting one. */
function photoRoutes(
  app: App,
  services: Services,
  pages: ReturnType<typeof recordPages>,
  render: (c: Ctx, id: string, photoError?: string) => Promise<Rendered>,
) {
  const admin = services.giftsAdmin;
  app.post<{ Params: { lang: string; id: string } }>(
    '/admin/:lang/gifts/:id/photos',
    { schema: { hide: true }, config: { access: 'editor', csrf: 'in-handler' } },
    async (request, reply) => {
      const { id } = request.params;
      if (!UUID.test(id)) return reply.callNotFound();
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      const own = giftsStrings(c.lang);
      try {
        const part = await uploadedFile(request, c.session, MAX_ATTACHMENT_BYTES);
        if (!part?.filename) throw AppError.invalid('file', 'choose a file');
        const bytes = await received(() => part.toBuffer());
        if (part.file.truncated) throw AppError.invalid('file', 'the file is larger than 10 MB');
        await admin.addPhoto(c.actor, id, { filename: part.filename, bytes });
        return reply.redirect(`/admin/${c.lang}/gifts/${id}?saved=1`, 303);
      } catch (err) {
        const tooBig = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        if (!tooBig && (!isAppError(err) || err.field !== 'file')) {
          return pages.refusal(reply, c, `gifts/${id}`, `/admin/${c.lang}/gifts`, err);
        }
        return pages.show(reply, c, `gifts/${id}`, await render(c, id, own.photoError), {
          status: tooBig ? 413 : 400,
          notice: { kind: 'danger', text: own.photoError },
        });
      }
    },
  );
  pages.childAction(app, 'gifts', 'photos', 'delete', {
    run: async (c, id, photo) => {
      await admin.removePhoto(c.actor, id, photo);
      return `/admin/${c.lang}/gifts/${id}?saved=1`;
    },
    page: (c, id) => render(c, id),
  });
}
