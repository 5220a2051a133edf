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
  /** The page's address after /admin/{lang}/ ('' for the dashboard): the navigation marks where it is. */
  path?: string;
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
              <div class="it-header-slim-wrapper-content ponte-admin-slim">
                <a class="navbar-brand" href={`/admin/${p.lang}/`}>
                  {`Ponte — ${t.backOffice}`}
                </a>
                <div class="it-header-slim-right-zone ponte-admin-slim-right">
                  <a href={p.otherLangHref} lang={other} hreflang={other}>
                    {t.langSwitch}
                  </a>
                  {p.session ? (
                    <>
                      <span class="text-white ponte-admin-user">
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
          {p.session ? <AdminNav lang={p.lang} session={p.session} path={p.path ?? ''} /> : null}
        </header>
        <main id="main-content" tabIndex={-1} class="container my-4 ponte-admin-main">
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

/**
 * The navigation. On a narrow screen admin-menu.js (a static asset: the policy allows no inline script) shows
 * the "Menu" button and folds the list behind it; without the script the list stays open and wraps.
 */
function AdminNav({ lang, session, path }: { lang: Lang; session: Session; path: string }) {
  const t = adminStrings(lang);
  const links: [path: string, label: string][] = [
    ['', t.dashboard],
    ['agreements', t.agreements],
    ...(['agenda', 'organisations', 'counterparts', 'networks', 'plan', 'units'] as const).map(
      (page): [string, string] => [page, t.nav[page]],
    ),
    ...(session.user.platformAdmin || session.user.roles.length > 1
      ? [['institutions', t.workplaces.title] as [string, string]]
      : []),
    ...(roleOf(session) === 'admin'
      ? [['settings', t.nav.settings] as [string, string], ['users', t.users] as [string, string]]
      : []),
    ['audit', t.nav.audit],
    ['password', t.nav.password],
  ];
  return (
    <div class="it-header-navbar-wrapper bg-primary">
      <div class="container">
        <nav class="navbar ponte-admin-nav" aria-label={t.backOffice}>
          <button
            type="button"
            class="btn btn-sm btn-outline-light ponte-menu-toggle"
            aria-expanded="false"
            aria-controls="ponte-admin-menu"
            hidden
          >
            {t.menu}
          </button>
          <ul id="ponte-admin-menu" class="navbar-nav ponte-admin-menu">
            {links.map(([link, label]) => {
              const current = currentness(path, link);
              return (
                <li class="nav-item" key={link}>
                  <a
                    class={`nav-link text-white${current ? ' fw-bold text-decoration-underline' : ''}`}
                    href={`/admin/${lang}/${link}`}
                    aria-current={current}
                  >
                    {label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </div>
  );
}

/**
 * A membership's pages belong to the networks' section, visits', missions' and meetings' to the agenda's; every
 * other page to its address's first segment.
 */
const SECTION_OF: Record<string, string> = {
  memberships: 'networks',
  visits: 'agenda',
  missions: 'agenda',
  meetings: 'agenda',
  gifts: 'agenda',
  events: 'agenda',
  projects: 'plan',
  dossiers: 'plan',
  people: 'organisations',
};

/**
 * Whether a navigation link leads to this page ("page"), to the section it is in ("true": a record or form
 * under the list), or elsewhere (undefined), as aria-current says it.
 */
export function currentness(path: string, link: string): 'page' | 'true' | undefined {
  if (path === link) return 'page';
  const first = path.split('/')[0] ?? '';
  return link !== '' && (SECTION_OF[first] ?? first) === link ? 'true' : undefined;
}
