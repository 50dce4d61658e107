/**
 * The log over HTTP, exactly as C2SP tlog-tiles lays it out under the prefix `/log`:
 * `/log/checkpoint`, `/log/tile/<L>/<N>[.p/<W>]` and `/log/tile/entries/<N>[.p/<W>]`, so a
 * generic tlog client can follow and verify the chronicle; and `/log`, the page telling
 * readers how.
 */
import type { Hono } from 'hono';
import { gzipSync } from 'node:zlib';
import { toBase64 } from '../../log/hash.ts';
import { parseTilePath } from '../../log/tiles.ts';
import { LogPage } from '../../publish/log-page.tsx';
import { getLogTreeHead, latestCheckpoint } from '../../store/log.ts';
import { addSignatures } from '../../log/note.ts';
import { listCosignatures, listLogWitnesses } from '../../store/witness.ts';
import type { AppContext } from '../../app/context.ts';
import { logOriginOf } from '../../app/keys/log-key.ts';
import { readEntryBundle, readTile, signCheckpoint } from '../../app/log/service.ts';
import { type Ctx, type Env, currentPath } from '../common.ts';

/**
 * Every tile and bundle the log serves is immutable, partial ones too: `.p/<W>` names the first W
 * hashes or entries, which never change as the log grows (tlog-tiles asks for long-lived caching).
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function plain(c: Ctx, status: 400 | 404, message: string) {
  // Not cached: a tile missing now exists once the log grows.
  return c.body(`${message}\n`, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
}

function octets(c: Ctx, bytes: Uint8Array, compress: boolean) {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Cache-Control': IMMUTABLE };
  let body = bytes;
  if (compress) {
    // The spec asks for entry bundles compressed at the HTTP layer; hash tiles do not compress.
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      body = gzipSync(bytes);
      headers['Content-Encoding'] = 'gzip';
    }
  }
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}

export function registerLogRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/log', async (c) => {
    const head = await getLogTreeHead(ctx.db);
    const [witnesses, checkpoint] = await Promise.all([listLogWitnesses(ctx.db), latestCheckpoint(ctx.db)]);
    const cosigned = checkpoint ? await listCosignatures(ctx.db, checkpoint.size) : [];
    return c.html(
      <LogPage
        lang={c.get('lang')}
        path={currentPath(c)}
        publicUrl={ctx.config.origin}
        origin={logOriginOf(ctx.logSigner, checkpoint?.note)}
        verifierKey={ctx.logSigner.verifierKey}
        size={head.size}
        root={toBase64(head.root)}
        witnesses={witnesses.map((w) => ({
          name: w.name,
          key: w.verifier_key,
          size: w.size,
          lastCosignedAt: w.last_success_at ? new Date(w.last_success_at).toISOString() : null,
        }))}
        witnessedBy={cosigned.length}
        checkpointSize={checkpoint?.size ?? 0}
      />,
    );
  });

  app.get('/log/checkpoint', async (c) => {
    const checkpoint = await signCheckpoint(ctx);
    // Witnesses' cosignatures of exactly this checkpoint follow the log's own signature line.
    const cosignatures = await listCosignatures(ctx.db, checkpoint.size);
    const note =
      cosignatures.length > 0
        ? addSignatures(
            checkpoint.note,
            cosignatures.map((s) => s.line),
          )
        : checkpoint.note;
    return c.body(note, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.get('/log/tile/*', async (c) => {
    const path = c.req.path.slice('/log/'.length);
    let coords: ReturnType<typeof parseTilePath>;
    try {
      coords = parseTilePath(path);
    } catch {
      return plain(
        c,
        400,
        `${path} is not a tile path in the one spelling tlog-tiles allows (e.g. tile/0/x001/234, tile/1/000.p/7, tile/entries/000)`,
      );
    }
    const { kind, level, index, width } = coords;
    if (kind === 'entries') {
      const bundle = await readEntryBundle(ctx, index, width);
      if (!bundle) return plain(c, 404, `the log does not hold ${path} yet`);
      return octets(c, bundle, true);
    }
    const tile = await readTile(ctx, level, index, width);
    if (!tile) return plain(c, 404, `the log does not hold ${path} yet`);
    return octets(c, tile, false);
  });
}
