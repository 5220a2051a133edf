// The page an invited person opens: who invites them and how, and one short form to accept.
import type { Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import { adminStrings } from '../../admin/admin.strings.ts';
import type { OpenInvitation } from '../invitations.service.ts';
import { invitationStrings } from '../invitations.strings.ts';

export function InvitationForm(p: {
  lang: Lang;
  invitation: OpenInvitation;
  action: string;
  csrf: string;
  name?: string;
  errors?: Record<string, string>;
}) {
  const t = invitationStrings(p.lang);
  const inv = p.invitation;
  const institution = p.lang === 'it' ? inv.institution.nameIt : inv.institution.nameEn;
  const err = p.errors ?? {};
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead(institution, adminStrings(p.lang).roles[inv.role] ?? inv.role)}</p>
      <p>{inv.hasAccount ? t.existingAccount : t.newAccount}</p>
      <form method="post" action={p.action} class="mt-4 narrow-form">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <Field
          name="email"
          label={t.email}
          kind="email"
          value={inv.email}
          autoComplete="username"
          extra={{ readonly: 'readonly' }}
        />
        {inv.hasAccount ? (
          <Field
            name="password"
            label={t.password}
            kind="password"
            required
            autoComplete="current-password"
            error={err['password']}
          />
        ) : (
          <>
            <Field
              name="name"
              label={t.name}
              value={p.name ?? inv.name}
              required
              autoComplete="name"
              error={err['name']}
            />
            <Field
              name="password"
              label={t.newPassword}
              kind="password"
              required
              autoComplete="new-password"
              hint={t.passwordHint}
              error={err['password']}
            />
            <Field
              name="repeat"
              label={t.repeat}
              kind="password"
              required
              autoComplete="new-password"
              error={err['repeat']}
            />
          </>
        )}
        <button type="submit" class="btn btn-primary">
          {t.accept}
        </button>
      </form>
    </>
  );
}

export function InvitationGone(p: { lang: Lang }) {
  const t = invitationStrings(p.lang);
  return (
    <>
      <h1>{t.goneTitle}</h1>
      <p>{t.gone}</p>
    </>
  );
}
