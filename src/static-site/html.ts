/**
 * What turns a page the server rendered into a page of a static copy, applied to the HTML the
 * shared renderers produce (as mirrors do with `rebaseLinks`): forms that need the server give
 * way to a note pointing at the live site, the editors' links go, every page says it is a
 * static copy and how to check it, and every link is handed to the exporter to rewrite. The
 * renderers write attributes one way (double quotes, `&amp;`-escaped), which is what makes
 * this exact.
 */
import { type Lang, isLang, translator } from '../publish/i18n.ts';
import { escapeHtml } from '../publish/escape.ts';

/** Paths a static copy cannot answer: forms that post, the editors' workspace, the query API, other chronicles. */
const SERVER_ONLY = /^\/(?:report|editor|api|mirrors|sw\.js)(?:[/?#.]|$)/;

export function isServerOnly(pathname: string): boolean {
  return SERVER_ONLY.test(pathname);
}

export interface StaticCopyLabel {
  /** The chronicle's public URL. */
  origin: string;
  madeAt: Date;
  verifierKey: string;
}

const t = translator({
  en: {
    label: 'Static copy',
    banner: 'Static copy of {origin}, made {time}. It can be out of date, and it cannot take reports.',
    verify: 'To check that nothing in it was altered, run',
    how: 'How to check this chronicle',
    filters: 'Filtering needs the live site:',
    filtersRest: 'This copy holds the unfiltered pages.',
  },
  ru: {
    label: 'Статическая копия',
    banner: 'Статическая копия {origin}, сделана {time}. Она может быть устаревшей и не принимает сообщения.',
    verify: 'Чтобы проверить, что в ней ничего не изменено, выполните',
    how: 'Как проверить эту хронику',
    filters: 'Отбор событий работает только на самом сайте:',
    filtersRest: 'В этой копии — страницы без отбора.',
  },
});

export function unescapeAttribute(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? '',
  );
}

/** The page's interface language, from `<html lang>`. */
export function pageLang(html: string): Lang {
  const lang = /<html lang="([a-z-]+)"/i.exec(html)?.[1];
  return isLang(lang) ? lang : 'en';
}

const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function bannerHtml(label: StaticCopyLabel, lang: Lang): string {
  const origin = escapeHtml(label.origin);
  return [
    `<aside class="notice static-copy" aria-label="${t(lang, 'label')}">`,
    `<p>${t(lang, 'banner', { origin: `<a href="${origin}/">${origin}</a>`, time: escapeHtml(minute(label.madeAt)) })}</p>`,
    `<p>${t(lang, 'verify')} <code>caravan verify &lt;folder&gt; --key ${escapeHtml(label.verifierKey)}</code> — <a href="/log">${t(lang, 'how')}</a>.</p>`,
    '</aside>',
  ].join('');
}

/**
 * The static-copy version of a rendered page, links still as the server wrote them. A form is
 * replaced by a note linking to where it works; list items and footer links that lead only to
 * the editors' or the reporters' forms are dropped.
 */
export function labelStaticPage(html: string, label: StaticCopyLabel): string {
  const lang = pageLang(html);
  const origin = escapeHtml(label.origin);
  let out = html
    .replace(/<form\b([^>]*)>[\s\S]*?<\/form>/g, (_, attrs: string) => {
      const action = unescapeAttribute(/\baction="([^"]*)"/.exec(attrs)?.[1] ?? '/');
      const live = escapeHtml(label.origin + (action.startsWith('/') ? action : `/${action}`));
      return `<p class="notice static-copy-form">${t(lang, 'filters')} <a href="${live}">${origin}</a>. ${t(lang, 'filtersRest')}</p>`;
    })
    .replace(/<li><a href="(\/[^"]*)"[^>]*>[^<]*<\/a><\/li>/g, (whole, href: string) =>
      isServerOnly(unescapeAttribute(href)) ? '' : whole,
    )
    .replace(/(?:\s*·\s*)?<a href="\/editor[^"]*"[^>]*>[^<]*<\/a>/g, '');
  const banner = bannerHtml(label, lang);
  if (out.includes('<main id="main">')) out = out.replace('<main id="main">', `<main id="main">${banner}`);
  else out = out.replace(/<body\b[^>]*>/, (body) => body + banner);
  return out;
}

/** Attributes holding one address each; `srcset` holds several. */
const LINK_ATTRIBUTE = /\b(href|src|poster|srcset)="([^"]*)"/g;

/** Rewrites every link attribute's value (unescaped in, escaped out); rewrites run one at a time. */
export async function rewriteHtmlLinks(html: string, rewrite: (address: string) => Promise<string>): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const m of html.matchAll(LINK_ATTRIBUTE)) {
    const [whole, attr, raw] = m as unknown as [string, string, string];
    const value = unescapeAttribute(raw);
    let next: string;
    if (attr === 'srcset') {
      const candidates = [];
      for (const candidate of value.split(',')) {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        candidates.push([await rewrite(url), ...descriptor].join(' '));
      }
      next = candidates.join(', ');
    } else next = await rewrite(value);
    parts.push(html.slice(last, m.index), `${attr}="${escapeHtml(next)}"`);
    last = m.index + whole.length;
  }
  parts.push(html.slice(last));
  return parts.join('');
}

/** Rewrites `url(...)` and `@import "..."` addresses in a stylesheet. */
export async function rewriteCssLinks(css: string, rewrite: (address: string) => Promise<string>): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
    const address = m[2] ?? m[4] ?? '';
    const next = await rewrite(address);
    parts.push(css.slice(last, m.index), m[2] !== undefined ? `url("${next}")` : `@import "${next}"`);
    last = m.index + m[0].length;
  }
  parts.push(css.slice(last));
  return parts.join('');
}

/** Attribute values a static copy must not keep: addresses from the site's root, which break under `file://`. */
export function rootRelativeLinks(text: string): string[] {
  return [...text.matchAll(/\b(?:href|src|poster|srcset|action|formaction)="(\/(?!\/)[^"]*)"|url\(\s*['"]?(\/(?!\/)[^'")]*)/gi)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}
