/**
 * The page shell every public and editor page shares: language switch, navigation, one small
 * stylesheet, no required script.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { type Lang, LANGS, common } from './i18n.ts';

export interface PageProps {
  lang: Lang;
  title: string;
  /** Current path and query, so the language switch returns to the same page. */
  path: string;
  children?: Child;
  description?: string;
  /** Extra elements for <head>: feed links, canonical URL. */
  head?: Child;
  /** Which navigation entry is current. */
  nav?: 'chronology' | 'map' | 'report' | 'data' | 'editor';
  /** Editor pages are not for search engines and carry no public navigation. */
  editor?: boolean;
  /** Script modules to load (islands); pages must work without them. */
  scripts?: string[];
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский' };

/** The same URL with `lang` set, keeping other query parameters. */
export function withLang(path: string, lang: Lang): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

export function Page(props: PageProps) {
  const { lang } = props;
  const t = (k: Parameters<typeof common>[1]) => common(lang, k);
  const navItem = (key: NonNullable<PageProps['nav']>, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.nav === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <>
      {/* Without a doctype browsers render in quirks mode. */}
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title === t('siteTitle') ? props.title : `${props.title} — ${t('siteTitle')}`}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          {props.editor ? <meta name="robots" content="noindex, nofollow" /> : null}
          <link rel="icon" href="/favicon.ico" sizes="16x16 32x32" />
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="alternate" type="application/atom+xml" href="/feed.atom" title={t('siteTitle')} />
          <link rel="alternate" type="application/feed+json" href="/feed.json" title={t('siteTitle')} />
          {props.head}
        </head>
        <body class={props.editor ? 'editor' : undefined}>
          <a class="skip" href="#main">
            {t('skip')}
          </a>
          <header class="site">
            <p class="brand">
              <a href="/">{t('siteTitle')}</a> <span class="tagline">{t('tagline')}</span>
            </p>
            <nav aria-label="Main">
              <ul>
                {navItem('chronology', '/', t('navChronology'))}
                {navItem('map', '/map', t('navMap'))}
                {navItem('report', '/report', t('navReport'))}
                {navItem('data', '/data', t('navData'))}
                {props.editor ? navItem('editor', '/editor', t('navEditor')) : null}
              </ul>
            </nav>
            <nav class="langs" aria-label={t('language')}>
              <ul>
                {LANGS.map((l) => (
                  <li>
                    {l === lang ? (
                      <strong aria-current="true" lang={l}>
                        {LANG_NAMES[l]}
                      </strong>
                    ) : (
                      <a href={withLang(props.path, l)} lang={l} hreflang={l}>
                        {LANG_NAMES[l]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <main id="main">{props.children}</main>
          <footer class="site">
            <p>{t('footerAbout')}</p>
            <p>
              <a href="/data">{t('footerData')}</a> · <a href="/feed.atom">Atom</a> · <a href="/feed.json">JSON Feed</a> ·{' '}
              <a href="/events.csv">CSV</a> · <a href="/events.geojson">GeoJSON</a> · <a href="/editor">{t('navEditor')}</a>
            </p>
          </footer>
          {(props.scripts ?? []).map((src) => (
            <script type="module" src={src}></script>
          ))}
        </body>
      </html>
    </>
  );
}

/** A plain message page for errors, with the right status set by the caller. */
export function MessagePage(props: { lang: Lang; path: string; title: string; children?: Child; editor?: boolean }) {
  return (
    <Page lang={props.lang} path={props.path} title={props.title} editor={props.editor}>
      <h1>{props.title}</h1>
      {props.children}
      <p>
        <a href="/">{common(props.lang, 'backHome')}</a>
      </p>
    </Page>
  );
}
