/**
 * The sources part of the event form: the cited sources as editable rows with a remove box,
 * and fields to add a public link, a report or a private source record. "Add source" redraws
 * the form with the new row without saving, so several can be added without JavaScript.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { Select, TextInput } from './controls.tsx';
import type { EventFormState, SourceRowState } from './event-form-state.ts';
import { FieldProblems } from './shell.tsx';

const text = translator({
  en: {
    sources: 'Sources',
    sourcesHint: 'Links are public; reports and source records stay private and are only counted on the public page.',
    none: 'No sources yet.',
    kind_link: 'Link',
    kind_report: 'Report',
    kind_source: 'Source record',
    url: 'Address (URL)',
    outlet: 'Outlet or account',
    title: 'Title',
    scale: 'Scale (National, International, Local partner…)',
    reportId: 'Report number',
    openReport: 'open report #{id}',
    sourceId: 'Source record number',
    remove: 'Remove this source',
    addTitle: 'Add a source',
    addLink: 'A public link',
    addReport: 'A report, by number',
    addSource: 'A private source record',
    choose: '— choose —',
    add: 'Add source',
    manage: 'Manage source records',
  },
  ru: {
    sources: 'Источники',
    sourcesHint: 'Ссылки публичны; сообщения и записи об источниках остаются закрытыми, на сайте показывается только их число.',
    none: 'Источников пока нет.',
    kind_link: 'Ссылка',
    kind_report: 'Сообщение',
    kind_source: 'Запись об источнике',
    url: 'Адрес (URL)',
    outlet: 'Издание или аккаунт',
    title: 'Заголовок',
    scale: 'Уровень (National, International, Local partner…)',
    reportId: 'Номер сообщения',
    openReport: 'открыть сообщение №{id}',
    sourceId: 'Номер записи об источнике',
    remove: 'Убрать этот источник',
    addTitle: 'Добавить источник',
    addLink: 'Публичная ссылка',
    addReport: 'Сообщение, по номеру',
    addSource: 'Закрытая запись об источнике',
    choose: '— выберите —',
    add: 'Добавить источник',
    manage: 'Записи об источниках',
  },
});

type Key = Parameters<typeof text>[1];

const ROW_FIELDS = ['url', 'outlet', 'title', 'scale', 'reportId', 'sourceId'] as const;
const VISIBLE: Record<string, readonly (typeof ROW_FIELDS)[number][]> = {
  link: ['url', 'outlet', 'title', 'scale'],
  report: ['reportId'],
  source: ['sourceId'],
};

export function SourcesFieldset(props: {
  lang: Lang;
  state: EventFormState;
  problems: readonly FieldProblem[];
  sourceOptions: ReadonlyArray<{ id: number; label: string }>;
}) {
  const { lang, state: s, problems } = props;
  const t = (k: Key, vars?: Record<string, string | number>) => text(lang, k, vars);
  const p = { problems };
  return (
    <fieldset id="sources">
      <legend>{t('sources')}</legend>
      <p class="hint">{t('sourcesHint')}</p>
      <FieldProblems problems={problems} fields={['sources']} />
      <input type="hidden" name="src_count" value={String(s.sources.length)} />
      {s.sources.length === 0 ? <p>{t('none')}</p> : null}
      <ol class="sources">
        {s.sources.map((row, i) => (
          <li>
            <SourceRow lang={lang} row={row} index={i} problems={problems} sourceOptions={props.sourceOptions} />
          </li>
        ))}
      </ol>
      <fieldset>
        <legend>{t('addTitle')}</legend>
        <fieldset>
          <legend>{t('addLink')}</legend>
          <TextInput {...p} type="url" label={t('url')} name="add_link_url" fields={['add.url']} value={s.addLinkUrl} maxlength={2000} />
          <TextInput {...p} label={t('outlet')} name="add_link_outlet" fields={['add.outlet']} value={s.addLinkOutlet} maxlength={300} />
          <TextInput {...p} label={t('title')} name="add_link_title" fields={['add.title']} value={s.addLinkTitle} maxlength={300} />
        </fieldset>
        <TextInput {...p} label={t('addReport')} name="add_report_id" fields={['add.reportId']} value={s.addReportId} inputmode="numeric" />
        {props.sourceOptions.length > 0 ? (
          <Select
            {...p}
            label={t('addSource')}
            name="add_source_id"
            fields={['add.sourceId']}
            value={s.addSourceId}
            options={[
              { value: '', label: t('choose') },
              ...props.sourceOptions.map((o) => ({ value: String(o.id), label: `#${o.id} ${o.label}` })),
            ]}
          />
        ) : (
          <TextInput
            {...p}
            label={t('addSource')}
            name="add_source_id"
            fields={['add.sourceId']}
            value={s.addSourceId}
            inputmode="numeric"
          />
        )}
        <p>
          <button type="submit" name="intent" value="add_source" class="secondary" formnovalidate>
            {t('add')}
          </button>{' '}
          <a href="/editor/sources">{t('manage')}</a>
        </p>
      </fieldset>
    </fieldset>
  );
}

function SourceRow(props: {
  lang: Lang;
  row: SourceRowState;
  index: number;
  problems: readonly FieldProblem[];
  sourceOptions: ReadonlyArray<{ id: number; label: string }>;
}) {
  const { lang, row, index: i, problems } = props;
  const t = (k: Key, vars?: Record<string, string | number>) => text(lang, k, vars);
  const visible = VISIBLE[row.kind] ?? ROW_FIELDS;
  const f = (k: string) => `sources[${i}].${k}`;
  const kindLabel = row.kind === 'link' || row.kind === 'report' || row.kind === 'source' ? t(`kind_${row.kind}`) : row.kind;
  const sourceName = row.kind === 'source' ? props.sourceOptions.find((o) => String(o.id) === row.sourceId)?.label : undefined;
  const labels: Record<(typeof ROW_FIELDS)[number], string> = {
    url: t('url'),
    outlet: t('outlet'),
    title: t('title'),
    scale: t('scale'),
    reportId: t('reportId'),
    sourceId: t('sourceId'),
  };
  return (
    <fieldset>
      <legend>
        {i + 1}. {kindLabel}
        {sourceName ? `: ${sourceName}` : ''}
      </legend>
      <input type="hidden" name={`src_kind_${i}`} value={row.kind} />
      <FieldProblems problems={problems} fields={[f('kind'), `sources[${i}]`]} />
      {ROW_FIELDS.map((k) =>
        visible.includes(k) ? (
          <TextInput
            problems={problems}
            label={labels[k]}
            name={`src_${k}_${i}`}
            fields={[f(k)]}
            value={row[k]}
            type={k === 'url' ? 'url' : 'text'}
            maxlength={k === 'url' ? 2000 : 300}
          />
        ) : row[k] ? (
          // Fields this kind does not show are kept as they were, so a save changes only what the editor changed.
          <input type="hidden" name={`src_${k}_${i}`} value={row[k]} />
        ) : null,
      )}
      {row.kind === 'report' && /^\d+$/.test(row.reportId) ? (
        <p>
          <a href={`/editor/reports/${row.reportId}`}>{t('openReport', { id: row.reportId })}</a>
        </p>
      ) : null}
      <p>
        <input type="checkbox" id={`src-remove-${i}`} name={`src_remove_${i}`} value="1" />{' '}
        <label for={`src-remove-${i}`}>{t('remove')}</label>
      </p>
    </fieldset>
  );
}
