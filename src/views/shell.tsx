// The public portal's page: head (title, description, canonical, hreflang alternates, Open Graph, styles,
// deferred scripts, JSON-LD) and body (skip link, the model's header, breadcrumbs, content, "last updated",
// feedback widget, the model's footer). Render it with renderPage(), which prepends the doctype.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../platform/i18n.ts';
import { FEEDBACK_CSS, Feedback, type FeedbackProps } from './feedback.tsx';
import { Footer, type FooterProps } from './footer.tsx';
import { Header, type HeaderProps } from './header.tsx';
import { t } from './strings.ts';

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageShellProps {
  lang: Lang;
  title: string;
  description: string;
  canonical: string;
  /** The same page in each language (hreflang); the Italian one is also x-default. */
  alternates: { lang: Lang; href: string }[];
  /** Stylesheet URLs, bootstrap-italia's first (the validator reads its version from the CSS). */
  styles: string[];
  /** Script URLs, loaded with `defer`. */
  scripts: string[];
  jsonLd?: object[];
  og?: { type: string; image?: string; siteName: string };
  header: HeaderProps;
  footer: FooterProps;
  breadcrumbs: Crumb[];
  feedback: FeedbackProps | null;
  /** Already formatted in the page's language. */
  lastUpdated?: string;
  children: ComponentChildren;
}

const OG_LOCALE: Record<Lang, string> = { it: 'it_IT', en: 'en_GB' };

/**
 * JSON for a <script type="application/ld+json">: `</` becomes `<\/` (still the same JSON string), so no value
 * can close the script element, and `<!--` becomes `\u003c!--`, so none can open an HTML comment in it.
 */
export function jsonForScript(value: unknown): string {
  // Every "<" as \u003c: still the same JSON, and nothing in it can close the script or open a comment.
  return (JSON.stringify(value) ?? 'null').replace(/</g, '\\u003c');
}

export function Breadcrumbs(props: { lang: Lang; items: Crumb[] }) {
  if (props.items.length === 0) return null;
  const last = props.items.length - 1;
  return (
    <nav class="breadcrumb-container" aria-label={t(props.lang).breadcrumb}>
      <ol class="breadcrumb p-0" data-element="breadcrumb">
        {props.items.map((c, i) =>
          i === last ? (
            <li class="breadcrumb-item active" aria-current="page" key={i}>
              {c.label}
            </li>
          ) : (
            <li class="breadcrumb-item" key={i}>
              {c.href ? <a href={c.href}>{c.label}</a> : c.label}
              <span class="separator" aria-hidden="true">
                /
              </span>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

export function PageShell(props: PageShellProps) {
  const s = t(props.lang);
  const xDefault = props.alternates.find((a) => a.lang === 'it');
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <meta name="description" content={props.description} />
        <link rel="canonical" href={props.canonical} />
        {props.alternates.map((a) => (
          <link rel="alternate" hreflang={a.lang} href={a.href} key={a.lang} />
        ))}
        {xDefault && <link rel="alternate" hreflang="x-default" href={xDefault.href} />}
        <meta property="og:title" content={props.title} />
        <meta property="og:description" content={props.description} />
        <meta property="og:url" content={props.canonical} />
        <meta property="og:locale" content={OG_LOCALE[props.lang]} />
        {props.alternates
          .filter((a) => a.lang !== props.lang)
          .map((a) => (
            <meta property="og:locale:alternate" content={OG_LOCALE[a.lang]} key={a.lang} />
          ))}
        {props.og && <meta property="og:type" content={props.og.type} />}
        {props.og && <meta property="og:site_name" content={props.og.siteName} />}
        {props.og?.image && <meta property="og:image" content={props.og.image} />}
        {props.styles.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
        {props.feedback && !props.feedback.thanks && (
          <style dangerouslySetInnerHTML={{ __html: FEEDBACK_CSS }} />
        )}
        {props.scripts.map((src) => (
          <script src={src} defer key={src} />
        ))}
        {(props.jsonLd ?? []).map((data, i) => (
          <script
            type="application/ld+json"
            key={i}
            dangerouslySetInnerHTML={{ __html: jsonForScript(data) }}
          />
        ))}
      </head>
      <body>
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#main-content">
            {s.skipToContent}
          </a>
        </div>
        <Header {...props.header} />
        <main id="main-content" tabIndex={-1}>
          <div class="container pt-3">
            <Breadcrumbs lang={props.lang} items={props.breadcrumbs} />
          </div>
          {props.children}
          {props.lastUpdated && (
            <div class="container">
              <p class="small my-4">
                <strong>{s.lastUpdated}:</strong> {props.lastUpdated}
              </p>
            </div>
          )}
          {props.feedback && <Feedback {...props.feedback} />}
        </main>
        <Footer {...props.footer} />
      </body>
    </html>
  );
}
