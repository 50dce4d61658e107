/**
 * The /log page: the log's origin, verifier key, size and root, and in plain words how a
 * reader checks that what this site or any mirror shows is what the chronicle published.
 */
import { type Lang, translator } from './i18n.ts';
import { Page } from './layout.tsx';

const t = translator({
  en: {
    title: 'Check this chronicle',
    intro:
      'Every publication on this site — a new event, a correction, a retraction, a withdrawal — is also written, in order, into a public log. The log only grows: an entry, once written, is never changed or removed. A correction is a new entry; the earlier version stays in the log and on the event’s page.',
    why: 'So you do not have to trust this server, or a mirror of it: anyone can download the whole log and check that what they are shown is exactly what the editors published, and that nothing was quietly rewritten since.',
    factsTitle: 'This log',
    origin: 'Name (origin)',
    key: 'Verifier key',
    size: 'Entries',
    root: 'Fingerprint of all entries (root hash)',
    checkpoint: 'Latest signed checkpoint',
    empty: 'Nothing has been published yet.',
    howTitle: 'How to check it',
    step1:
      'Fetch the checkpoint. It is a few lines of text: the log’s name, how many entries it has, and a fingerprint of all of them, signed with the chronicle’s key.',
    step2:
      'Check the signature with the verifier key above. Get that key from somewhere else too — a person you trust, a mirror, a printed copy — because whoever controls this server controls this page.',
    step3:
      'Download the entries (in bundles of 256) and the hashes the log publishes, and compute the fingerprint yourself. If it matches the checkpoint, you hold exactly what was published, in order.',
    step4:
      'Keep the checkpoint. Next time, check that the new one extends the one you kept: the same entries, with new ones only added at the end. A log that dropped or changed an entry cannot pass this check.',
    command: 'The caravan command does all of this in one step:',
    commandNote: 'It prints what it checked and stops at the first thing that does not match.',
    entriesTitle: 'What an entry says',
    entries:
      'Each entry is the public record of one event as it was published — the same facts as its page, with public sources and a count of private ones, never reports or the names of editors or witnesses — or a note that an event was withdrawn. Entries are written as canonical JSON (RFC 8785) so that anyone can recompute their bytes.',
    formatsTitle: 'Formats',
    formats:
      'The log is a Merkle tree (RFC 6962) served as static tiles (C2SP tlog-tiles); the checkpoint is a C2SP tlog-checkpoint signed as a C2SP signed note with Ed25519, so generic transparency-log tools can read and check it too.',
    paths:
      'Addresses: {checkpoint} (the checkpoint), {tiles} (hashes; level 0 holds one hash per entry), {bundles} (entries, each preceded by its length as two bytes).',
    witnessesTitle: 'Witnesses',
    witnessesIntro:
      'Witnesses are mirrors in other places that follow this log. Before a witness cosigns a checkpoint, it checks that the log only grew since the last checkpoint it cosigned: the same entries, with new ones added at the end. Its cosignature promises that, as far as it has seen, this chronicle has one history and never showed anyone a different one. The cosignatures are added below the chronicle’s own signature in the checkpoint; a reader can demand several of them before trusting it.',
    witnessedNone: 'The current checkpoint has no witness cosignature yet.',
    witnessedOne: 'The current checkpoint (size {size}) is witnessed by 1 mirror.',
    witnessedMany: 'The current checkpoint (size {size}) is witnessed by {count} mirrors.',
    noWitnesses: 'This chronicle asks no witnesses yet.',
    witnessName: 'Witness',
    witnessKey: 'Its verifier key',
    witnessSize: 'Last size it cosigned',
    witnessWhen: 'When',
    witnessesList: 'All their keys, one per line:',
    witnessesRequire: 'To require their cosignatures when you check the log:',
  },
  ru: {
    title: 'Как проверить хронику',
    intro:
      'Каждая публикация на этом сайте — новое событие, исправление, опровержение, снятие с сайта — записывается по порядку в открытый журнал. Журнал только растёт: записанное не меняется и не удаляется. Исправление — это новая запись; прежняя версия остаётся и в журнале, и на странице события.',
    why: 'Поэтому не нужно верить ни этому серверу, ни его зеркалу: любой может скачать весь журнал и убедиться, что ему показывают ровно то, что опубликовала редакция, и что с тех пор ничего тихо не переписали.',
    factsTitle: 'Этот журнал',
    origin: 'Имя (origin)',
    key: 'Ключ для проверки',
    size: 'Записей',
    root: 'Отпечаток всех записей (корневой хеш)',
    checkpoint: 'Последняя подписанная контрольная точка',
    empty: 'Пока ничего не опубликовано.',
    howTitle: 'Как проверить',
    step1:
      'Скачайте контрольную точку. Это несколько строк текста: имя журнала, число записей и отпечаток их всех, подписанные ключом хроники.',
    step2:
      'Проверьте подпись ключом, указанным выше. Возьмите этот ключ и из другого места — у человека, которому доверяете, с зеркала, из печатной копии: тот, кто управляет этим сервером, управляет и этой страницей.',
    step3:
      'Скачайте записи (пачками по 256) и хеши, которые публикует журнал, и сами вычислите отпечаток. Если он совпал с контрольной точкой, у вас ровно то, что было опубликовано, и в том же порядке.',
    step4:
      'Сохраните контрольную точку. В следующий раз проверьте, что новая продолжает сохранённую: те же записи, новые только добавлены в конец. Журнал, из которого убрали или в котором изменили запись, эту проверку не пройдёт.',
    command: 'Команда caravan делает всё это за один шаг:',
    commandNote: 'Она сообщает, что проверила, и останавливается на первом несовпадении.',
    entriesTitle: 'Что в записи',
    entries:
      'Каждая запись — это публичная карточка события в том виде, в каком её опубликовали (те же сведения, что на его странице: открытые источники и число закрытых, но никогда не сообщения и не имена редакторов или свидетелей), или отметка о том, что событие снято с сайта. Записи хранятся в каноническом JSON (RFC 8785), чтобы любой мог заново получить их байты.',
    formatsTitle: 'Форматы',
    formats:
      'Журнал — дерево Меркла (RFC 6962), которое отдаётся статическими плитками (C2SP tlog-tiles); контрольная точка — C2SP tlog-checkpoint, подписанная как C2SP signed note ключом Ed25519, так что её читают и проверяют и обычные инструменты для журналов прозрачности.',
    paths:
      'Адреса: {checkpoint} (контрольная точка), {tiles} (хеши; на уровне 0 — по хешу на запись), {bundles} (записи, каждая с длиной в двух байтах перед ней).',
    witnessesTitle: 'Свидетели',
    witnessesIntro:
      'Свидетели — это зеркала в других местах, которые следят за этим журналом. Прежде чем заверить контрольную точку, свидетель проверяет, что журнал с прошлой заверенной им точки только вырос: те же записи, новые лишь добавлены в конец. Его подпись означает, что, насколько он видел, у хроники одна история и никому не показывали другую. Подписи свидетелей стоят в контрольной точке под подписью самой хроники; читатель может потребовать несколько таких подписей, прежде чем доверять ей.',
    witnessedNone: 'Текущую контрольную точку пока не заверил ни один свидетель.',
    witnessedOne: 'Текущую контрольную точку (записей: {size}) заверило одно зеркало.',
    witnessedMany: 'Текущую контрольную точку (записей: {size}) заверили зеркала: {count}.',
    noWitnesses: 'Эта хроника пока не просит свидетелей.',
    witnessName: 'Свидетель',
    witnessKey: 'Его ключ для проверки',
    witnessSize: 'Последний заверенный размер',
    witnessWhen: 'Когда',
    witnessesList: 'Все их ключи, по одному в строке:',
    witnessesRequire: 'Чтобы потребовать их подписи при проверке журнала:',
  },
});

export interface LogPageProps {
  lang: Lang;
  path: string;
  /** The chronicle's public URL, e.g. https://chronicle.example.org. */
  publicUrl: string;
  origin: string;
  verifierKey: string;
  size: number;
  /** Base64 root hash, as in the checkpoint. */
  root: string;
  /** The witnesses this log asks, and how many cosigned its current checkpoint (of `checkpointSize`). */
  witnesses?: Array<{ name: string; key: string; size: number; lastCosignedAt: string | null }>;
  witnessedBy?: number;
  checkpointSize?: number;
}

export function LogPage(props: LogPageProps) {
  const { lang } = props;
  const paths = t(lang, 'paths', { checkpoint: '/log/checkpoint', tiles: '/log/tile/<L>/<N>', bundles: '/log/tile/entries/<N>' });
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'title')} nav="data">
      <h1>{t(lang, 'title')}</h1>
      <p>{t(lang, 'intro')}</p>
      <p>{t(lang, 'why')}</p>
      <h2>{t(lang, 'factsTitle')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'origin')}</dt>
        <dd>
          <code>{props.origin}</code>
        </dd>
        <dt>{t(lang, 'key')}</dt>
        <dd>
          <code id="verifier-key">{props.verifierKey}</code>
        </dd>
        <dt>{t(lang, 'size')}</dt>
        <dd id="log-size">{props.size === 0 ? t(lang, 'empty') : props.size.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US')}</dd>
        <dt>{t(lang, 'root')}</dt>
        <dd>
          <code id="log-root">{props.root}</code>
        </dd>
        <dt>{t(lang, 'checkpoint')}</dt>
        <dd>
          <a href="/log/checkpoint">/log/checkpoint</a>
        </dd>
      </dl>
      <h2>{t(lang, 'howTitle')}</h2>
      <ol>
        <li>{t(lang, 'step1')}</li>
        <li>{t(lang, 'step2')}</li>
        <li>{t(lang, 'step3')}</li>
        <li>{t(lang, 'step4')}</li>
      </ol>
      <p>{t(lang, 'command')}</p>
      <pre>
        <code>caravan verify {props.publicUrl}</code>
      </pre>
      <p>{t(lang, 'commandNote')}</p>
      {props.witnesses ? <WitnessesSection {...props} witnesses={props.witnesses} /> : null}
      <h2>{t(lang, 'entriesTitle')}</h2>
      <p>{t(lang, 'entries')}</p>
      <h2>{t(lang, 'formatsTitle')}</h2>
      <p>{t(lang, 'formats')}</p>
      <p>{paths}</p>
    </Page>
  );
}

function WitnessesSection(props: LogPageProps & { witnesses: NonNullable<LogPageProps['witnesses']> }) {
  const { lang, witnesses } = props;
  const count = props.witnessedBy ?? 0;
  const vars = { count, size: props.checkpointSize ?? props.size };
  return (
    <section id="witnesses">
      <h2>{t(lang, 'witnessesTitle')}</h2>
      <p>{t(lang, 'witnessesIntro')}</p>
      <p id="witnessed-by">
        <strong>{t(lang, count === 0 ? 'witnessedNone' : count === 1 ? 'witnessedOne' : 'witnessedMany', vars)}</strong>
      </p>
      {witnesses.length === 0 ? (
        <p>{t(lang, 'noWitnesses')}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'witnessName')}</th>
                <th scope="col">{t(lang, 'witnessKey')}</th>
                <th scope="col">{t(lang, 'witnessSize')}</th>
                <th scope="col">{t(lang, 'witnessWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {witnesses.map((w) => (
                <tr>
                  <td>{w.name}</td>
                  <td>
                    <code class="witness-key">{w.key}</code>
                  </td>
                  <td>{w.size}</td>
                  <td>
                    {w.lastCosignedAt ? (
                      <time datetime={w.lastCosignedAt}>{w.lastCosignedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t(lang, 'witnessesList')} <a href="/log/witnesses">/log/witnesses</a>
          </p>
          <p>{t(lang, 'witnessesRequire')}</p>
          <pre>
            <code>
              caravan verify {props.publicUrl}{' '}
              {witnesses
                .slice(0, 2)
                .map((w) => `--witness ${w.key} `)
                .join('')}
              --min-witnesses {Math.min(2, witnesses.length)}
            </code>
          </pre>
        </>
      )}
    </section>
  );
}
