// What the agreements' page routes share: an agreement's page, drawn again after a refused write with its
// notice, the values sent and the field errors; and a form field read whole.
import type { FastifyReply } from 'fastify';
import type { Lang } from '../../platform/i18n.ts';
import { actorOfSession, workplace } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import type { Notice } from '../admin/admin.kit.tsx';
import { adminKit, type Form, field } from '../admin/admin.kit.tsx';
import type { AgreementsAdmin } from './agreements.admin.ts';
import { KIND_LABELS } from './agreements.labels.ts';
import { agreementsStrings } from './agreements.strings.ts';
import { AgreementView, type StatusFormValues } from './views/agreements.tsx';

/**
 * A form field whole, NUL characters dropped: the service checks its length against the API's schema and
 * the page says which field is too long, rather than the form cutting what was typed.
 */
export const whole = (form: Form | undefined, name: string) => field(form, name, Number.POSITIVE_INFINITY);

export interface AgreementPageExtra {
  notice?: Notice;
  values?: StatusFormValues;
  fieldErrors?: Record<string, string>;
  attachmentError?: string;
  status?: number;
}

/** An agreement's page as the session's role sees it. */
export function agreementPage(admin: AgreementsAdmin) {
  const { send } = adminKit();
  return async (
    reply: FastifyReply,
    lang: Lang,
    session: Session,
    id: string,
    extra: AgreementPageExtra = {},
  ) => {
    const { agreement, audit, attachments } = await admin.agreement(actorOfSession(session), id);
    const canWrite = workplace(session).role !== 'viewer';
    return send(
      reply,
      lang,
      `agreements/${id}`,
      agreementsStrings(lang).recordTitle(
        KIND_LABELS[agreement.kind][lang],
        lang === 'it' ? agreement.partner.nameIt : agreement.partner.nameEn,
      ),
      <AgreementView
        lang={lang}
        agreement={agreement}
        audit={audit}
        attachments={attachments}
        session={session}
        canWrite={canWrite}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {})}
        {...(extra.attachmentError ? { attachmentError: extra.attachmentError } : {})}
      />,
      {
        session,
        ...(extra.notice ? { notice: extra.notice } : {}),
        ...(extra.status ? { status: extra.status } : {}),
      },
    );
  };
}

export type AgreementPage = ReturnType<typeof agreementPage>;
