/**
 * What a mirror adds to the pages it serves: the label on every page of a mirrored chronicle
 * (whose copy it is, how much of it is verified, when it was last checked, who witnesses it, and
 * any alarm with its evidence) and the list of mirrored chronicles, in the reader's language.
 */
import { Page } from './layout.tsx';
import { type Lang, ruPlural, translator } from './i18n.ts';
import { type MirrorAlarm, alarmTitle, evidenceLabels } from './mirror-alarm.ts';

/** A followed chronicle as its pages describe it. */
export interface MirrorLabel {
  origin: string;
  /** The original chronicle's address. */
  url: string;
  /** The mirror's own path for it, without the final slash. */
  base: string;
  size: number;
  lastCheckAt: Date | string | null;
  lastSuccessAt: Date | string | null;
  lastError: string | null;
}

const text = translator({
  en: {
    label: 'Mirror',
    mirrorOf: '{label} of {origin}, served from a verified copy of its signed log:',
    state: '{entries} verified, last checked {checked}, last verified update {updated}.',
    witnessed: 'Its checkpoint is witnessed by {count} of the {listed} it lists as witnesses.',
    all: 'All mirrors',
    lastFailed: 'The last check did not succeed: {error}. This copy is what was verified before.',
    title: 'Mirrors',
    intro: 'Other chronicles copied here after verifying their signed logs. Each keeps being served when its origin is unreachable.',
    none: 'This site follows no other chronicle.',
    listed: '{entries} verified, last checked {checked}',
    never: 'never',
  },
  ru: {
    label: 'Зеркало',
    mirrorOf: '{label} хроники {origin}: проверенная копия её подписанного журнала.',
    state: 'Проверено: {entries}; последняя проверка {checked}, последнее проверенное обновление {updated}.',
    witnessed: 'Её контрольную точку заверили {count} из {listed}, названных ею свидетелями.',
    all: 'Все зеркала',
    lastFailed: 'Последняя проверка не удалась: {error}. Здесь показано то, что было проверено раньше.',
    title: 'Зеркала',
    intro:
      'Другие хроники, скопированные сюда после проверки их подписанных журналов. Каждая остаётся доступной, когда её источник недоступен.',
    none: 'Этот сайт не следит ни за одной другой хроникой.',
    listed: 'проверено: {entries}; последняя проверка {checked}',
    never: 'ещё не было',
  },
});

const entries = (n: number, lang: Lang) =>
  lang === 'ru' ? `${n} ${ruPlural(n, 'запись', 'записи', 'записей')}` : `${n} ${n === 1 ? 'entry' : 'entries'}`;
const mirrors = (n: number, lang: Lang) =>
  lang === 'ru' ? `${n} ${ruPlural(n, 'зеркала', 'зеркал', 'зеркал')}` : `${n} mirror${n === 1 ? '' : 's'}`;

/** A time to the minute, in UTC, the same in every language. */
const minute = (d: Date | string | null, lang: Lang) =>
  d
    ? new Date(d)
        .toISOString()
        .replace(/:\d{2}\.\d{3}Z$/, ' UTC')
        .replace('T', ' ')
    : text(lang, 'never');

/** A translated sentence with elements in place of its `{name}` placeholders. */
function withNodes(sentence: string, nodes: Record<string, unknown>) {
  return <>{sentence.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? (nodes[part] ?? `{${part}}`) : part))}</>;
}

export function MirrorBanner(props: {
  m: MirrorLabel;
  alarms: readonly MirrorAlarm[];
  witnessed?: { count: number; listed: number };
  lang: Lang;
}) {
  const { m, alarms, witnessed, lang } = props;
  const labels = evidenceLabels(lang);
  return (
    <>
      <aside class="notice mirror-banner" aria-label={text(lang, 'label')}>
        <p>
          {withNodes(text(lang, 'mirrorOf'), {
            label: <strong>{text(lang, 'label')}</strong>,
            origin: <a href={`${m.url}/`}>{m.origin}</a>,
          })}{' '}
          {text(lang, 'state', {
            entries: entries(m.size, lang),
            checked: minute(m.lastCheckAt, lang),
            updated: minute(m.lastSuccessAt, lang),
          })}
          {witnessed && witnessed.listed > 0 ? (
            <>
              {' '}
              <span class="witnessed">{text(lang, 'witnessed', { count: witnessed.count, listed: mirrors(witnessed.listed, lang) })}</span>
            </>
          ) : null}{' '}
          <a href="/mirrors">{text(lang, 'all')}</a>
        </p>
        {m.lastError ? <p>{text(lang, 'lastFailed', { error: m.lastError })}</p> : null}
      </aside>
      {alarms.map((a) => (
        <div class="notice error" role="alert">
          <p>
            <strong>{alarmTitle(a.kind, lang)}</strong> ({minute(a.detectedAt, lang)}). {a.message}
          </p>
          <p>{labels.evidence}</p>
          <p>{labels.verified}</p>
          <pre>{a.verifiedCheckpoint}</pre>
          <p>{labels.presented}</p>
          <pre>{a.presentedCheckpoint}</pre>
        </div>
      ))}
    </>
  );
}

export function MirrorsPage(props: {
  lang: Lang;
  path: string;
  mirrors: readonly MirrorLabel[];
  alarms: readonly (MirrorAlarm & { origin: string })[];
}) {
  const { lang } = props;
  return (
    <Page lang={lang} path={props.path} title={text(lang, 'title')}>
      <h1>{text(lang, 'title')}</h1>
      <p class="meta">{text(lang, 'intro')}</p>
      {props.mirrors.length === 0 ? <p class="notice">{text(lang, 'none')}</p> : null}
      <ul>
        {props.mirrors.map((m) => {
          const own = props.alarms.filter((a) => a.origin === m.origin);
          return (
            <li>
              <a href={`${m.base}/`}>{m.origin}</a> —{' '}
              {text(lang, 'listed', { entries: entries(m.size, lang), checked: minute(m.lastCheckAt, lang) })}
              {own.length > 0 ? (
                <strong class="notice error"> {alarmTitle(own.some((a) => a.kind === 'fork') ? 'fork' : 'rollback', lang)}</strong>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
