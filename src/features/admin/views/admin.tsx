// The back-office's frame: header with the user, the language switch and the navigation. Forms post without JavaScript; htmx, when loaded, only makes them smoother.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n.ts';
import { workplace } from '../../accounts/accounts.http.ts';
import type { Session } from '../../accounts/accounts.service.ts';
import { adminStrings } from '../admin.strings.ts';

export interface Notice {
  kind: 'success' | 'danger' | 'warning';
  text: string;
}

interface FrameProps {
  lang: Lang;
  title: string;
  styles: string[];
  scripts: string[];
  /** The same page in the other language. */
  otherLangHref: string;
  session?: Session | undefined;
  notice?: Notice | undefined;
  children: ComponentChildren;
}

/** The session's role and institution, or nothing for a platform admin who has not chosen one yet. */
const roleOf = (session: Session) => (hasWorkplace(session) ? workplace(session).role : undefined);
const placeOf = (session: Session) =>
  hasWorkplace(session) ? workplace(session).institutionSlug : undefined;
const hasWorkplace = (session: Session) => !!session.chosen || session.user.roles.length > 0;

export function AdminFrame(p: FrameProps) {
  const t = adminStrings(p.lang);
  const other: Lang = p.lang === 'it' ? 'en' : 'it';
  return (
    <html lang={p.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${p.title} — ${t.backOffice} — Ponte`}</title>
        {p.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {p.scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#main-content">
            {t.skip}
          </a>
        </div>
        <header class="it-header-wrapper">
          <div class="it-header-slim-wrapper">
            <div class="container">
              <div class="it-header-slim-wrapper-content">
                <a class="navbar-brand" href={`/admin/${p.lang}/`}>
                  {`Ponte — ${t.backOffice}`}
                </a>
                <div class="it-header-slim-right-zone d-flex align-items-center gap-3">
                  <a href={p.otherLangHref} lang={other} hreflang={other}>
                    {t.langSwitch}
                  </a>
                  {p.session ? (
                    <>
                      <span class="text-white">
                        {p.session.user.email}
                        {placeOf(p.session) ? ` · ${placeOf(p.session)}` : ''}
                      </span>
                      <form method="post" action={`/admin/${p.lang}/logout`} class="d-inline">
                        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                        <button type="submit" class="btn btn-sm btn-outline-light">
                          {t.signOut}
                        </button>
                      </form>
                    </>
                  ) : null}
                </div>
              </div>
            </div>
          </div>
          {p.session ? (
            <div class="it-header-navbar-wrapper bg-primary">
              <div class="container">
                <nav class="navbar" aria-label={t.backOffice}>
                  <ul class="navbar-nav flex-row flex-wrap gap-3">
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/`}>
                        {t.dashboard}
                      </a>
                    </li>
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/agreements`}>
                        {t.agreements}
                      </a>
                    </li>
                    {(['counterparts', 'networks', 'units'] as const).map((page) => (
                      <li class="nav-item" key={page}>
                        <a class="nav-link text-white" href={`/admin/${p.lang}/${page}`}>
                          {t.nav[page]}
                        </a>
                      </li>
                    ))}
                    {p.session.user.platformAdmin || p.session.user.roles.length > 1 ? (
                      <li class="nav-item">
                        <a class="nav-link text-white" href={`/admin/${p.lang}/institutions`}>
                          {t.workplaces.title}
                        </a>
                      </li>
                    ) : null}
                    {roleOf(p.session) === 'admin' ? (
                      <li class="nav-item">
                        <a class="nav-link text-white" href={`/admin/${p.lang}/settings`}>
                          {t.nav.settings}
                        </a>
                      </li>
                    ) : null}
                    {roleOf(p.session) === 'admin' ? (
                      <li class="nav-item">
                        <a class="nav-link text-white" href={`/admin/${p.lang}/users`}>
                          {t.users}
                        </a>
                      </li>
                    ) : null}
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/audit`}>
                        {t.auditTitle}
                      </a>
                    </li>
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/password`}>
                        {t.changePassword}
                      </a>
                    </li>
                  </ul>
                </nav>
              </div>
            </div>
          ) : null}
        </header>
        <main id="main-content" tabIndex={-1} class="container my-4">
          {p.notice ? (
            <div
              class={`alert alert-${p.notice.kind}`}
              role={p.notice.kind === 'success' ? 'status' : 'alert'}
            >
              {p.notice.text}
            </div>
          ) : null}
          {p.children}
        </main>
      </body>
    </html>
  );
}
