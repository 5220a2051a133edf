// The model's header (Modello Comuni, cmp-header) without JavaScript: the slim bar with the platform name and
// the ITA/ENG switch as plain links, the centre bar with the institution's name, and the section navigation as
// an always-visible list that wraps on small screens (no collapsing menu).
import type { Lang } from '../platform/i18n.ts';
import { PaIcon } from './icons.tsx';
import { t } from './strings.ts';

export interface HeaderProps {
  lang: Lang;
  institutionName: string;
  homeHref: string;
  platformName: string;
  platformHref: string;
  /** The same page in each language; `current` marks the one being shown. */
  languageLinks: { lang: Lang; href: string; current: boolean }[];
  nav: { label: string; href: string; current: boolean }[];
}

export function Header(props: HeaderProps) {
  const s = t(props.lang);
  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="row">
            <div class="col-12">
              <div class="it-header-slim-wrapper-content">
                <a class="navbar-brand" href={props.platformHref}>
                  {props.platformName}
                </a>
                <div class="it-header-slim-right-zone">
                  <nav aria-label={s.language}>
                    <ul class="list-inline mb-0">
                      {props.languageLinks.map((l) => (
                        <li class="list-inline-item" key={l.lang}>
                          <a
                            class={l.current ? 'fw-bold' : undefined}
                            href={l.href}
                            lang={l.lang}
                            hreflang={l.lang}
                            aria-current={l.current ? 'true' : undefined}
                          >
                            {s.languageShort[l.lang]}
                            <span class="visually-hidden"> – {t(l.lang).languageNames[l.lang]}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </nav>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="it-nav-wrapper">
        <div class="it-header-center-wrapper">
          <div class="container">
            <div class="row">
              <div class="col-12">
                <div class="it-header-center-content-wrapper">
                  <div class="it-brand-wrapper">
                    <a href={props.homeHref} title={s.homeTitle}>
                      <PaIcon size={48} />
                      <div class="it-brand-text">
                        <div class="it-brand-title">{props.institutionName}</div>
                      </div>
                    </a>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        {props.nav.length > 0 && (
          <div class="it-header-navbar-wrapper position-static mt-0 bg-primary">
            <div class="container">
              <div class="row">
                <div class="col-12">
                  <nav class="navbar navbar-expand-lg" aria-label={s.menu}>
                    <ul class="navbar-nav flex-row flex-wrap gap-3" data-element="main-navigation">
                      {props.nav.map((item) => (
                        <li class="nav-item" key={item.href}>
                          <a
                            class={
                              item.current
                                ? 'nav-link active text-white fw-bold text-decoration-underline'
                                : 'nav-link text-white'
                            }
                            href={item.href}
                            aria-current={item.current ? 'page' : undefined}
                          >
                            <span>{item.label}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </nav>
                </div>
              </div>
            </div>
          </div>
        )}
      </div>
    </header>
  );
}
