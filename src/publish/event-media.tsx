/**
 * Photos and videos published with an event, as readers see them: images at their own size
 * and loaded lazily, videos loaded only when played, each with the SHA-256 of the file so a
 * reader can check that a copy found elsewhere is the one the editors published.
 */
import type { EventMedia } from '../core/event-media.ts';
import { type Lang, translator } from './i18n.ts';

const t = translator({
  en: {
    media: 'Photos and videos',
    photo: 'Photo {n} of event {id}',
    video: 'Video {n} of event {id}',
    download: 'Download',
    checksum: 'SHA-256',
    hint: 'Location, device and time were removed from these files before publication. To check a copy, compare its SHA-256 with the one shown here.',
  },
  ru: {
    media: 'Фото и видео',
    photo: 'Фото {n} к событию {id}',
    video: 'Видео {n} к событию {id}',
    download: 'Скачать',
    checksum: 'SHA-256',
    hint: 'Перед публикацией из файлов удалены место, устройство и время съёмки. Чтобы проверить копию, сравните её SHA-256 с указанным здесь.',
  },
});

/** "1.2 MB": enough for a reader on a slow link to decide whether to fetch a file. */
function sizeLabel(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * The media section of an event page, or nothing when the event has none. `base` is where the
 * files are served: "/media/" on the chronicle, "/mirrors/<origin>/media/" on a mirror.
 */
export function EventMediaSection(props: { media: readonly EventMedia[] | undefined; eventId: number; base: string; lang: Lang }) {
  const { lang } = props;
  const media = props.media ?? [];
  if (media.length === 0) return null;
  return (
    <section class="event-media" id="media">
      <h2>{t(lang, 'media')}</h2>
      <p class="hint">{t(lang, 'hint')}</p>
      {media.map((m, i) => {
        const src = `${props.base}${m.sha256}`;
        const isVideo = m.mime.startsWith('video/');
        const fallback = t(lang, isVideo ? 'video' : 'photo', { n: i + 1, id: props.eventId });
        return (
          <figure>
            {isVideo ? (
              // biome-ignore lint/a11y/useMediaCaption: a reporter's video comes with no caption track; the editors' caption is shown beside it
              <video controls preload="none" src={src} width={m.width} height={m.height}>
                <a href={src}>{m.caption ?? fallback}</a>
              </video>
            ) : m.mime.startsWith('image/') ? (
              <img src={src} alt={m.caption ?? fallback} width={m.width} height={m.height} loading="lazy" decoding="async" />
            ) : null}
            <figcaption>
              {m.caption ? <span>{m.caption}</span> : null}
              <span class="meta">
                {' '}
                <a href={src} type={m.mime}>
                  {t(lang, 'download')}
                </a>{' '}
                ({m.mime}, {sizeLabel(m.bytes)}) · {t(lang, 'checksum')} <code class="sha256">{m.sha256}</code>
              </span>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
