/**
 * The editors' search over reports: a plain GET form, and the reports whose words match, best
 * first, with the matching words marked. A word typed in one script finds it in the other
 * (core/reading/search.ts).
 */
import type { Highlighted } from '../../core/reading/search.ts';
import { type Lang, translator } from '../i18n.ts';
import { reportLabel } from './queue.tsx';
import { type EditorUser, EditorPage, Time } from './shell.tsx';

const text = translator({
  en: {
    title: 'Search reports',
    label: 'Words to find',
    hint: 'Words match as beginnings ("жиналд" finds "жиналды"); "words in quotes" must follow each other. Cyrillic finds Latin letters and back.',
    submit: 'Search',
    found: '{total} reports match; {from}–{to} shown, best first.',
    none: 'No report matches.',
    previous: '← Better matches',
    next: 'More matches →',
  },
  ru: {
    title: 'Поиск по сообщениям',
    label: 'Что найти',
    hint: 'Слова ищутся по началу («жиналд» найдёт «жиналды»); «слова в кавычках» — подряд. Кириллица находит латиницу и наоборот.',
    submit: 'Найти',
    found: 'Найдено сообщений: {total}; показаны {from}–{to}, лучшие первыми.',
    none: 'Ничего не найдено.',
    previous: '← Лучше совпадающие',
    next: 'Ещё →',
  },
});

export const SEARCH_PAGE_SIZE = 50;

export interface SearchResult {
  id: number;
  receivedAt: Date;
  channel: string;
  state: string;
  /** The report's text cut into runs, matching words marked. */
  excerpt: Highlighted[];
}

export interface SearchPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  query: string;
  page: number;
  results?: { reports: SearchResult[]; total: number };
}

export function SearchPage(props: SearchPageProps) {
  const { lang, results } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  const link = (page: number) => `/editor/search?${new URLSearchParams({ q: props.query, ...(page > 1 ? { page: String(page) } : {}) })}`;
  const from = (props.page - 1) * SEARCH_PAGE_SIZE;
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="search">
      <h1>{t('title')}</h1>
      <form method="get" action="/editor/search" class="search">
        <label for="q">{t('label')}</label>
        <input type="search" id="q" name="q" value={props.query} maxlength={200} />
        <button type="submit">{t('submit')}</button>
        <p class="meta">{t('hint')}</p>
      </form>
      {results ? (
        results.reports.length === 0 ? (
          <p class="notice" role="status">
            {t('none')}
          </p>
        ) : (
          <>
            <p class="count" role="status">
              {t('found', { total: results.total, from: from + 1, to: from + results.reports.length })}
            </p>
            <ol class="search-results">
              {results.reports.map((r) => (
                <li>
                  <p class="meta">
                    <a href={`/editor/reports/${r.id}`}>#{r.id}</a> · <Time at={r.receivedAt} /> · {reportLabel(lang, 'channel', r.channel)}{' '}
                    · {reportLabel(lang, 'state', r.state)}
                  </p>
                  <p>{r.excerpt.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>
                </li>
              ))}
            </ol>
            {props.page > 1 || from + results.reports.length < results.total ? (
              <nav class="pager">
                {props.page > 1 ? (
                  <a href={link(props.page - 1)} rel="prev">
                    {t('previous')}
                  </a>
                ) : (
                  <span></span>
                )}
                {from + results.reports.length < results.total ? (
                  <a href={link(props.page + 1)} rel="next">
                    {t('next')}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        )
      ) : null}
    </EditorPage>
  );
}
