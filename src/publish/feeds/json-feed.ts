/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The `_caravan` extension carries what a map
 * or a bot needs without parsing the text: coordinates, status, coding and revision.
 */
import type { PublicEvent } from '../../core/public-event.ts';
import type { Lang } from '../i18n.ts';
import { type MirrorAlarm, alarmText, alarmTitle } from '../mirror-alarm.ts';
import { type FeedInfo, alarmItemId } from './atom.ts';
import {
  type FeedItem,
  type Withdrawal,
  entryText,
  entryTitle,
  isWithdrawal,
  pageUrl,
  permalink,
  withdrawalText,
  withdrawalTitle,
} from './describe.ts';

/** What every item of the feed has: JSON Feed's own fields. */
interface JsonFeedItemBase {
  id: string;
  url: string;
  title: string;
  content_text: string;
  date_published: string;
  date_modified: string;
}

export interface JsonFeedItem extends JsonFeedItemBase {
  tags: string[];
  language: string;
  external_url?: string;
  /** Published photos and videos, by the address that serves them by hash. */
  attachments?: Array<{ url: string; mime_type: string; size_in_bytes: number; title?: string }>;
  _caravan: {
    about: string;
    lat: number;
    lon: number;
    status: PublicEvent['status'];
    eventType: PublicEvent['eventType'];
    subEventType: PublicEvent['subEventType'];
    localDate: string;
    fatalities: number;
    revision: number;
  };
}

/** The notice that replaces a withdrawn event's item, under the same id. */
export interface JsonFeedWithdrawnItem extends JsonFeedItemBase {
  tags: ['withdrawn'];
  language: string;
  _caravan: { about: string; withdrawn: true; withdrawnAt: string };
}

/** A mirror's alarm, first in the feed: the origin contradicted or rolled back its history. */
export interface JsonFeedAlarmItem extends JsonFeedItemBase {
  tags: ['alarm', MirrorAlarm['kind']];
  language: Lang;
  _caravan: { alarm: MirrorAlarm };
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  description?: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  authors: Array<{ name: string; url: string }>;
  items: Array<JsonFeedAlarmItem | JsonFeedItem | JsonFeedWithdrawnItem>;
}

function withdrawnItem(w: Withdrawal, info: FeedInfo, about: string): JsonFeedWithdrawnItem {
  return {
    id: permalink(info.origin, w.id),
    url: pageUrl(info.origin, w.id, info.lang),
    title: withdrawalTitle(w, info.lang),
    content_text: withdrawalText(w, info.lang),
    date_published: w.firstPublishedAt,
    date_modified: w.withdrawnAt,
    tags: ['withdrawn'],
    language: info.lang,
    _caravan: { about, withdrawn: true, withdrawnAt: w.withdrawnAt },
  };
}

function alarmItem(a: MirrorAlarm, info: FeedInfo): JsonFeedAlarmItem {
  return {
    id: alarmItemId(info, a),
    url: info.htmlUrl,
    title: alarmTitle(a.kind, info.lang),
    content_text: alarmText(a, info.lang),
    date_published: a.detectedAt,
    date_modified: a.detectedAt,
    tags: ['alarm', a.kind],
    language: info.lang,
    _caravan: { alarm: a },
  };
}

export function renderJsonFeed(info: FeedInfo, items: readonly FeedItem[]): JsonFeed {
  const about = `${info.origin}/data#json-feed`;
  const alarms = (info.alarms ?? []).map((a) => alarmItem(a, info));
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: info.title,
    home_page_url: info.htmlUrl,
    feed_url: info.selfUrl,
    language: info.lang,
    authors: [{ name: info.title, url: `${info.origin}/` }],
    items: [
      ...alarms,
      ...items.map((ev) => {
        if (isWithdrawal(ev)) return withdrawnItem(ev, info, about);
        const item: JsonFeedItem = {
          id: permalink(info.origin, ev.id),
          url: pageUrl(info.origin, ev.id, info.lang),
          title: entryTitle(ev, info.lang),
          content_text: entryText(ev, info.lang),
          date_published: ev.firstPublishedAt,
          date_modified: ev.publishedAt,
          tags: [ev.eventType, ev.subEventType, ev.status, ...ev.tags],
          language: info.lang === 'ru' && !ev.summary.ru ? 'en' : info.lang,
          _caravan: {
            about,
            lat: ev.location.lat,
            lon: ev.location.lon,
            status: ev.status,
            eventType: ev.eventType,
            subEventType: ev.subEventType,
            localDate: ev.localDate,
            fatalities: ev.fatalities.acled,
            revision: ev.revision,
          },
        };
        const first = ev.sources[0];
        if (first) item.external_url = first.url;
        if (ev.media && ev.media.length > 0) {
          item.attachments = ev.media.map((m) => ({
            url: `${info.origin}/media/${m.sha256}`,
            mime_type: m.mime,
            size_in_bytes: m.bytes,
            ...(m.caption ? { title: m.caption } : {}),
          }));
        }
        return item;
      }),
    ],
  };
  if (info.subtitle) feed.description = info.subtitle;
  return feed;
}
