/**
 * Read-only copies of the chronicles this one follows, at /mirrors/<origin>/: the reader site
 * itself (reader.tsx) over the mirror's verified copy (app/reading/chronicle.ts), so the
 * chronology, permalinks, map, feeds, data files, API and media behave as the original's. Every
 * page says it is a mirror, of what, how much was verified and when, and carries any alarm.
 * Nothing here contacts the origin, so the copy keeps serving when the origin is gone.
 */
import type { Hono } from 'hono';
import { unstorableReason } from '../../core/storable-text.ts';
import type { Lang } from '../../publish/i18n.ts';
import type { MirrorAlarm } from '../../publish/mirror-alarm.ts';
import { type MirrorLabel, MirrorBanner, MirrorsPage } from '../../publish/mirror-pages.tsx';
import { type MirrorAlarmRow, type MirrorRow, getMirror, listMirrorAlarms, listMirrors } from '../../store/mirrors.ts';
import { countCosignatures } from '../../log/witness.ts';
import { getMirrorWitnessKeys } from '../../store/witness.ts';
import type { AppContext } from '../../app/context.ts';
import { mirroredChronicle } from '../../app/reading/chronicle.ts';
import { type Ctx, type Env, currentPath } from '../common.ts';
import { type ReaderSite, registerReaderRoutes } from './reader.tsx';

/** The page's path prefix for a mirror: origins hold ":" and "/", so they are one encoded segment. */
export function mirrorBase(origin: string): string {
  return `/mirrors/${encodeURIComponent(origin)}`;
}

/** The original chronicle's address, from its log's address. */
export function chronicleUrl(m: Pick<MirrorRow, 'log_url'>): string {
  return m.log_url.replace(/\/?log\/?$/, '');
}

/** Reader paths the mirror serves itself; every other link (assets, the host's own pages) is left alone. */
const MIRRORED = /^\/(?:$|\?|events\/|map(?:$|\?)|feed\.(?:atom|json)|events\.(?:csv|geojson)|api\/v1\/events(?:$|[/?])|media\/)/;

/**
 * Points the shared renderers' links into the mirror. They write root-relative addresses
 * (href="/events/3", action="/"), so the rewrite is exact on attribute values that start with
 * one of the paths the mirror serves.
 */
export function rebaseLinks(html: string, base: string): string {
  return html.replace(/\b(href|action)="(\/[^"]*)"/g, (whole, attr: string, value: string) =>
    MIRRORED.test(value) ? `${attr}="${base}${value}"` : whole,
  );
}

/** A followed chronicle as its pages describe it. */
function labelOf(m: MirrorRow): MirrorLabel {
  return {
    origin: m.origin,
    url: chronicleUrl(m),
    base: mirrorBase(m.origin),
    size: m.size,
    lastCheckAt: m.last_check_at,
    lastSuccessAt: m.last_success_at,
    lastError: m.last_error,
  };
}

/** An alarm as the feeds and data files carry it. */
function alarmOf(a: MirrorAlarmRow): MirrorAlarm {
  return {
    id: a.id,
    kind: a.kind,
    detectedAt: new Date(a.detected_at).toISOString(),
    message: a.message,
    verifiedCheckpoint: a.verified_checkpoint,
    presentedCheckpoint: a.presented_checkpoint,
  };
}

export function registerMirrorRoutes(app: Hono<Env>, ctx: AppContext): void {
  /** The reader site over a followed chronicle's verified copy, or undefined when this one follows no such origin. */
  async function siteOf(c: Ctx): Promise<ReaderSite | undefined> {
    const origin = c.req.param('origin') ?? '';
    // Origins are checkpoint lines, which hold no NUL: such a path names no mirror.
    if (unstorableReason(origin) !== undefined) return undefined;
    const m = await getMirror(ctx.db, origin);
    if (!m) return undefined;
    const alarms = (await listMirrorAlarms(ctx.db, m.origin)).map(alarmOf);
    const base = mirrorBase(m.origin);
    return {
      read: mirroredChronicle(ctx, m),
      base,
      url: chronicleUrl(m),
      mirror: {
        origin: m.origin,
        size: m.size,
        alarms,
        async decorate(html, lang) {
          // Counted against the keys the origin lists: a line from any other key vouches for nothing.
          const witnessKeys = await getMirrorWitnessKeys(ctx.db, m.origin);
          const witnessed = { count: countCosignatures(m.checkpoint ?? '', witnessKeys), listed: witnessKeys.length };
          const banner = String(await (<MirrorBanner m={labelOf(m)} alarms={alarms} witnessed={witnessed} lang={lang} />).toString());
          return rebaseLinks(html, base).replace('<main id="main">', `<main id="main">${banner}`);
        },
      },
    };
  }

  app.get('/mirrors', async (c) => {
    const lang: Lang = c.get('lang');
    const [mirrors, alarms] = await Promise.all([listMirrors(ctx.db), listMirrorAlarms(ctx.db)]);
    return c.html(
      <MirrorsPage
        lang={lang}
        path={currentPath(c)}
        mirrors={mirrors.map(labelOf)}
        alarms={alarms.map((a) => ({ ...alarmOf(a), origin: a.origin }))}
      />,
    );
  });

  app.get('/mirrors/:origin', (c) => c.redirect(`${mirrorBase(c.req.param('origin'))}/`, 301));

  registerReaderRoutes(app, ctx, '/mirrors/:origin', siteOf);
}
