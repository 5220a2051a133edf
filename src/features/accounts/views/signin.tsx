// The sign-in page's form: e-mail and password, and the button of the institution's identity provider when one
// is configured. It posts without JavaScript.
import type { Lang } from '../../../platform/i18n.ts';
import { adminStrings } from '../../admin/admin.strings.ts';
import { accountsStrings } from '../accounts.strings.ts';

export function LoginForm(p: {
  lang: Lang;
  csrf: string;
  email?: string;
  error?: string;
  oidc?: { href: string; label: string } | undefined;
}) {
  const t = { ...adminStrings(p.lang), ...accountsStrings(p.lang) };
  return (
    <>
      <h1>{t.signInTitle}</h1>
      <p class="lead">{t.signInLead}</p>
      <form method="post" action={`/admin/${p.lang}/login`} class="mt-4" style="max-width: 28rem">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="form-group">
          <label class="active" for="email">
            {t.email}
          </label>
          <input
            class="form-control"
            type="email"
            id="email"
            name="email"
            autoComplete="username"
            required
            value={p.email ?? ''}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? 'login-error' : undefined}
          />
        </div>
        <div class="form-group">
          <label class="active" for="password">
            {t.password}
          </label>
          <input
            class="form-control"
            type="password"
            id="password"
            name="password"
            autoComplete="current-password"
            required
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? 'login-error' : undefined}
          />
          {p.error ? (
            <p id="login-error" class="form-text text-danger fw-semibold">
              {p.error}
            </p>
          ) : null}
        </div>
        <button type="submit" class="btn btn-primary">
          {t.signIn}
        </button>
      </form>
      {p.oidc ? (
        <p class="mt-4">
          <a class="btn btn-outline-primary" href={p.oidc.href}>
            {p.oidc.label}
          </a>
        </p>
      ) : null}
    </>
  );
}
