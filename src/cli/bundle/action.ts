/**
 * `caravan bundle`: carry a chronicle by hand. "export" writes this chronicle's log (exactly what
 * /log serves, cosignatures included) or a verified mirror's copy, with the public media, into
 * one tar file; "import" verifies such a file and serves it as a mirror.
 */
import { Readable } from 'node:stream';
import { BundleError, type BundleMediaFile, type ReadBundleMedia, type WrittenBundle, writeBundle } from '../../app/mirror/bundle.ts';
import { type ImportOutcome, importBundle } from '../../app/mirror/bundle-import.ts';
import type { LogSource } from '../../app/mirror/sources.ts';
import { createApp } from '../../http/app.tsx';
import type { AppContext } from '../../app/context.ts';
import { readPublishedMedia } from '../../app/reading/public-media.ts';
import { getMirrorMedia } from '../../store/mirror-media.ts';
import { getMirror, getMirrorTile } from '../../store/mirrors.ts';
import type { Env } from '../command.ts';

type Print = (line: string) => void;

const inMemory = (data: Uint8Array): BundleMediaFile => ({
  bytes: data.length,
  open: () => Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]),
});

/** The chronicle's own log, read through the app so the bundle holds exactly what /log serves. */
function ownLog(ctx: AppContext): LogSource {
  const app = createApp(ctx);
  return {
    description: `${ctx.config.origin}/log/`,
    async read(path) {
      const res = await app.request(`http://localhost/log/${path}`);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`/log/${path} answered HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** A followed chronicle's verified copy, as the mirror tables hold it. */
async function mirroredLog(
  ctx: AppContext,
  origin: string,
): Promise<{ source: LogSource; key: string; url: string; media: ReadBundleMedia }> {
  const m = await getMirror(ctx.db, origin);
  if (!m) throw new BundleError(`${origin} is not a followed chronicle; see "caravan mirror status"`);
  if (!m.checkpoint) throw new BundleError(`nothing of ${origin} has been verified yet; run "caravan mirror sync ${origin}" first`);
  const checkpoint = new TextEncoder().encode(m.checkpoint);
  return {
    source: {
      description: `the mirror of ${origin}`,
      read: async (path) => (path === 'checkpoint' ? checkpoint : getMirrorTile(ctx.db, origin, path)),
    },
    key: m.verifier_key,
    url: m.log_url.replace(/\/log\/$/, '/'),
    media: async (sha256) => {
      const file = await getMirrorMedia(ctx.db, origin, sha256);
      return file ? inMemory(file.data) : undefined;
    },
  };
}

export function describeWritten(w: WrittenBundle): string {
  let line = `wrote ${w.file}: ${w.origin}, ${w.size} entries (root ${w.root}), ${w.media} media files, ${w.bytes} bytes`;
  if (w.missingMedia.length > 0)
    line += `; ${w.missingMedia.length} referenced media files are not here and were left out: ${w.missingMedia.join(', ')}`;
  return line;
}

/** Writes the bundle; `mirror` names a followed chronicle to carry further instead of this one. */
export async function bundleExport(
  ctx: AppContext,
  file: string,
  mirror: string | undefined,
  out: Print = console.log,
): Promise<WrittenBundle> {
  const what = mirror
    ? await mirroredLog(ctx, mirror)
    : {
        source: ownLog(ctx),
        key: ctx.logSigner.verifierKey,
        url: `${ctx.config.origin}/`,
        media: async (sha256: string) => {
          const found = await readPublishedMedia(ctx, sha256);
          return found ? inMemory(found.data) : undefined;
        },
      };
  const written = await writeBundle(file, { source: what.source, verifierKey: what.key, url: what.url, media: what.media, now: ctx.now() });
  out(describeWritten(written));
  return written;
}

export function describeImport(file: string, o: ImportOutcome): string {
  const media = (r: { mediaAdded: number; missingMedia: string[] }) =>
    `${r.mediaAdded} media files stored${r.missingMedia.length > 0 ? `; ${r.missingMedia.length} referenced media files are in neither the bundle nor the mirror: ${r.missingMedia.join(', ')}` : ''}`;
  switch (o.status) {
    case 'loaded':
      return `${file}: verified and loaded ${o.origin}: entries ${o.from} to ${o.size - 1}, size ${o.size}, root ${o.root}; ${media(o)}; served at /mirrors/${encodeURIComponent(o.origin)}/${o.created ? ' (newly followed)' : ''}`;
    case 'nothing-new':
      return `${file}: nothing new for ${o.origin}: the bundle's ${o.bundleSize} entries are already verified (size ${o.size}); ${media(o)}`;
    case 'refused':
      return `${file}: REFUSED (${o.reason}): ${o.message}`;
  }
}

/** Exit status 0 when loaded or already there, 1 when the bundle contradicts verified history. */
export async function bundleImport(
  ctx: AppContext,
  file: string,
  key: string | undefined,
  env: Env,
  out: Print = console.log,
): Promise<number> {
  const outcome = await importBundle({ db: ctx.db, now: ctx.now }, { file, env, ...(key ? { key } : {}) });
  out(describeImport(file, outcome));
  return outcome.status === 'refused' ? 1 : 0;
}
