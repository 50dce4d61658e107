/**
 * The private register of sources: who stands behind reports (a witness, a relay, an outlet),
 * how far the team trusts them, and when they were last heard from. Never public.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { Select, TextArea, TextInput } from './controls.tsx';
import { type EditorUser, Csrf, EditorPage, ProblemSummary, Time } from './shell.tsx';

const text = translator({
  en: {
    title: 'Sources',
    intro:
      'Private to the editorial team. An event cites a source record by its number; readers only see how many private sources an event has.',
    empty: 'No source records yet.',
    number: 'No.',
    kind: 'Kind',
    name: 'Name',
    reliability: 'Reliability',
    notes: 'Notes',
    lastHeard: 'Last heard from',
    addTitle: 'Add a source record',
    nameHint: 'A name the team recognises; avoid writing anything that would identify a witness if this database leaked.',
    add: 'Add source',
    kind_witness: 'witness',
    kind_relay: 'relay',
    kind_outlet: 'outlet',
    kind_official: 'official statement',
    kind_social: 'social media account',
    kind_other: 'other',
  },
  ru: {
    title: 'Источники',
    intro: 'Видны только редакции. Событие ссылается на запись по номеру; читатели видят лишь число закрытых источников.',
    empty: 'Записей об источниках пока нет.',
    number: '№',
    kind: 'Вид',
    name: 'Название',
    reliability: 'Надёжность',
    notes: 'Примечания',
    lastHeard: 'Последняя связь',
    addTitle: 'Добавить источник',
    nameHint: 'Имя, понятное редакции; не пишите ничего, что выдаст свидетеля при утечке базы.',
    add: 'Добавить источник',
    kind_witness: 'свидетель',
    kind_relay: 'посредник',
    kind_outlet: 'издание',
    kind_official: 'официальное заявление',
    kind_social: 'аккаунт в соцсетях',
    kind_other: 'другое',
  },
});

type Key = Parameters<typeof text>[1];

export interface SourceView {
  id: number;
  kind: string;
  name: string;
  reliability: string | null;
  notes: string | null;
  last_heard_at: Date | null;
}

export interface SourcesPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  kinds: readonly string[];
  sources: readonly SourceView[];
  problems?: readonly FieldProblem[];
  values?: { kind: string; name: string; reliability: string; notes: string };
}

export function SourcesPage(props: SourcesPageProps) {
  const { lang } = props;
  const t = (k: Key) => text(lang, k);
  const kindLabel = (k: string) => text(lang, `kind_${k}` as Key) ?? k;
  const problems = props.problems ?? [];
  const v = props.values ?? { kind: 'witness', name: '', reliability: '', notes: '' };
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="sources">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {props.sources.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('reliability')}</th>
              <th scope="col">{t('notes')}</th>
              <th scope="col">{t('lastHeard')}</th>
            </tr>
          </thead>
          <tbody>
            {props.sources.map((s) => (
              <tr id={`source-${s.id}`}>
                <td>#{s.id}</td>
                <td>{kindLabel(s.kind)}</td>
                <td>{s.name}</td>
                <td>{s.reliability ?? '—'}</td>
                <td>{s.notes ?? '—'}</td>
                <td>
                  <Time at={s.last_heard_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('addTitle')}</h2>
      <ProblemSummary lang={lang} problems={problems} />
      <form method="post" action="/editor/sources">
        <Csrf token={props.user.csrf} />
        <Select
          problems={problems}
          label={t('kind')}
          name="kind"
          fields={['kind']}
          value={v.kind}
          options={props.kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
        <TextInput
          problems={problems}
          label={t('name')}
          hint={t('nameHint')}
          name="name"
          fields={['name']}
          value={v.name}
          maxlength={200}
          required
        />
        <TextInput
          problems={problems}
          label={t('reliability')}
          name="reliability"
          fields={['reliability']}
          value={v.reliability}
          maxlength={200}
        />
        <TextArea problems={problems} label={t('notes')} name="notes" fields={['notes']} value={v.notes} maxlength={2000} />
        <button type="submit">{t('add')}</button>
      </form>
    </EditorPage>
  );
}
