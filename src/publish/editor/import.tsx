/**
 * Pasting armored reports: a block a reporter passed on by SMS, a messenger or a friend
 * becomes the report it carries, with the receipt code the reporter's page showed.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { type EditorUser, Csrf, EditorPage, FieldProblems } from './shell.tsx';

const text = translator({
  en: {
    title: 'Paste a report',
    intro:
      'A reporter whose page could not reach us can copy a waiting report as a block of text starting with “-----BEGIN CARAVAN REPORT-----”. Paste one or more such blocks here; quoting marks and line breaks added on the way do not matter.',
    label: 'Armored report blocks',
    submit: 'Import',
    results: 'Result',
    imported: 'Imported as report #{id}, receipt code {code}.',
    already: 'Already received as report #{id}, receipt code {code}; nothing new stored.',
    failed: 'Block {n} not imported: {problem}',
  },
  ru: {
    title: 'Вставить сообщение',
    intro:
      'Автор, чья страница не смогла связаться с нами, может скопировать ожидающее сообщение как блок текста, начинающийся с «-----BEGIN CARAVAN REPORT-----». Вставьте сюда один или несколько таких блоков; знаки цитирования и переносы строк не мешают.',
    label: 'Блоки сообщений',
    submit: 'Импортировать',
    results: 'Результат',
    imported: 'Сохранено как сообщение №{id}, код {code}.',
    already: 'Уже получено как сообщение №{id}, код {code}; ничего нового не сохранено.',
    failed: 'Блок {n} не импортирован: {problem}',
  },
});

export interface ImportResultView {
  reportId?: number;
  receiptCode?: string;
  created?: boolean;
  problem?: string;
}

export function ImportPage(props: {
  lang: Lang;
  path: string;
  user: EditorUser;
  results?: ImportResultView[];
  problems?: readonly FieldProblem[];
  value?: string;
}) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="import">
      <h1>{t('title')}</h1>
      {props.results ? (
        <section class="notice">
          <h2>{t('results')}</h2>
          <ul>
            {props.results.map((r, i) =>
              r.problem !== undefined ? (
                <li class="error">{t('failed', { n: i + 1, problem: r.problem })}</li>
              ) : (
                <li>
                  <a href={`/editor/reports/${r.reportId}`}>
                    {t(r.created ? 'imported' : 'already', { id: r.reportId ?? '?', code: r.receiptCode ?? '' })}
                  </a>
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
      <p>{t('intro')}</p>
      <form method="post" action="/editor/import">
        <Csrf token={props.user.csrf} />
        <p class="field">
          <label for="f-armored">{t('label')}</label>
          <FieldProblems problems={props.problems ?? []} fields={['armored']} />
          <textarea id="f-armored" name="armored" rows={14} required spellcheck={false}>
            {props.value ?? ''}
          </textarea>
        </p>
        <button type="submit">{t('submit')}</button>
      </form>
    </EditorPage>
  );
}
