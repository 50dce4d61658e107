/**
 * An event's revision history for editors: who changed what, when and why, each change as a
 * before/after table, and every publish and unpublish in order.
 */
import { type Lang, translator } from '../i18n.ts';
import { Time } from './shell.tsx';

const text = translator({
  en: {
    revisions: 'Revision history',
    revision: 'Revision {n}',
    by: 'by {name}',
    unknownEditor: 'an import or the system',
    reason: 'Reason',
    firstDraft: 'First draft.',
    published: 'published',
    noChanges: 'No field changed.',
    field: 'Field',
    before: 'Before',
    after: 'After',
    empty: '(empty)',
    publications: 'Publication history',
    neverPublished: 'Never published.',
    act_publish: 'published revision {n}',
    act_unpublish: 'unpublished (was revision {n})',
  },
  ru: {
    revisions: 'История правок',
    revision: 'Правка {n}',
    by: '{name}',
    unknownEditor: 'импорт или система',
    reason: 'Причина',
    firstDraft: 'Первый вариант.',
    published: 'опубликована',
    noChanges: 'Поля не менялись.',
    field: 'Поле',
    before: 'Было',
    after: 'Стало',
    empty: '(пусто)',
    publications: 'История публикации',
    neverPublished: 'Не публиковалось.',
    act_publish: 'опубликована правка {n}',
    act_unpublish: 'снято с публикации (была правка {n})',
  },
});

export interface RevisionView {
  revision: number;
  editor_name: string | null;
  created_at: Date;
  reason: string;
  published_at: Date | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

export interface PublicationView {
  revision: number;
  action: 'publish' | 'unpublish';
  reason: string | null;
  at: Date;
}

/** A changed value as an editor reads it: text as text, lists one item per line, no JSON braces. */
function Value(props: { value: unknown; empty: string }) {
  const v = props.value;
  if (v === undefined || v === null || v === '') return <em>{props.empty}</em>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <em>{props.empty}</em>;
    return (
      <ul class="plain">
        {v.map((item) => (
          <li>{plain(item)}</li>
        ))}
      </ul>
    );
  }
  return <>{plain(v)}</>;
}

function plain(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== '')
      .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
      .join(', ');
  }
  return JSON.stringify(v);
}

export function RevisionHistory(props: { lang: Lang; revisions: readonly RevisionView[]; publications: readonly PublicationView[] }) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  return (
    <>
      <h2 id="history">{t('revisions')}</h2>
      <div class="revisions">
        {[...props.revisions].reverse().map((r) => (
          <section id={`rev-${r.revision}`}>
            <h3>
              {t('revision', { n: r.revision })} — <Time at={r.created_at} />, {t('by', { name: r.editor_name ?? t('unknownEditor') })}
              {r.published_at ? <span class="badge status-verified"> {t('published')}</span> : null}
            </h3>
            <p>
              {t('reason')}: {r.reason}
            </p>
            {r.revision === 1 ? (
              <p class="meta">{t('firstDraft')}</p>
            ) : r.changes.length === 0 ? (
              <p class="meta">{t('noChanges')}</p>
            ) : (
              <table class="diff">
                <thead>
                  <tr>
                    <th scope="col">{t('field')}</th>
                    <th scope="col">{t('before')}</th>
                    <th scope="col">{t('after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.changes.map((ch) => (
                    <tr>
                      <th scope="row">{ch.field}</th>
                      <td>
                        <del>
                          <Value value={ch.before} empty={t('empty')} />
                        </del>
                      </td>
                      <td>
                        <ins>
                          <Value value={ch.after} empty={t('empty')} />
                        </ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
      <h2>{t('publications')}</h2>
      {props.publications.length === 0 ? (
        <p>{t('neverPublished')}</p>
      ) : (
        <ol class="plain">
          {props.publications.map((p) => (
            <li>
              <Time at={p.at} />: {t(p.action === 'publish' ? 'act_publish' : 'act_unpublish', { n: p.revision })}
              {p.reason ? ` — ${p.reason}` : ''}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
