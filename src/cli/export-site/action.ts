/**
 * `caravan export-site <dir>`: writes the public site and the log as static files. The copy
 * is built in a hidden sibling folder and renamed into place at the end, so a reader of `<dir>`
 * sees the old copy or the new one, never half of one; an older copy is replaced only when its
 * marker file says this command wrote it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConflictError } from '../../core/errors.ts';
import type { Config } from '../../app/config.ts';
import { type AppContext, createContext } from '../../app/context.ts';
import { type StaticSiteSummary, exportStaticSite } from '../../static-site/site.ts';

/** Written at the root of every copy: what may be replaced by the next export. */
export const EXPORT_MARKER = '.caravan-export';

type TargetState = 'absent' | 'empty' | 'previous-export';

async function targetState(target: string): Promise<TargetState> {
  const info = await stat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!info) return 'absent';
  if (!info.isDirectory()) throw new ConflictError(`${target} exists and is not a folder`);
  const names = await readdir(target);
  if (names.length === 0) return 'empty';
  const marker = await readFile(join(target, EXPORT_MARKER), 'utf8').catch(() => undefined);
  if (marker?.startsWith('caravan export-site')) return 'previous-export';
  throw new ConflictError(
    `${target} is not empty and holds no copy made by caravan export-site (no ${EXPORT_MARKER} file); choose an empty or new folder`,
  );
}

/** Exports the site of `ctx` into `dir`; the summary says what was written. */
export async function exportSiteTo(ctx: AppContext, dir: string, madeAt: Date): Promise<StaticSiteSummary> {
  const target = resolve(dir);
  await targetState(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const building = join(parent, `.${basename(target)}.export-${suffix}`);
  await mkdir(building);
  try {
    const summary = await exportStaticSite(
      ctx,
      async (file, bytes) => {
        const path = join(building, ...file.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bytes, { flag: 'wx' });
      },
      madeAt,
    );
    await writeFile(
      join(building, EXPORT_MARKER),
      `caravan export-site\norigin ${ctx.config.origin}\nmade ${madeAt.toISOString()}\nfiles ${summary.files}\n`,
    );
    // Checked again: the folder may have been filled while the copy was being made.
    const state = await targetState(target);
    if (state === 'absent') await rename(building, target);
    else {
      const old = join(parent, `.${basename(target)}.old-${suffix}`);
      await rename(target, old);
      await rename(building, target);
      await rm(old, { recursive: true, force: true });
    }
    return summary;
  } catch (err) {
    await rm(building, { recursive: true, force: true });
    throw err;
  }
}

const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

export async function exportSiteAction(config: Config, dir: string, out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  // Before opening the store: a wrong folder should not cost a database start.
  await targetState(resolve(dir));
  const ctx = await createContext(config, 'caravan export-site');
  try {
    const started = performance.now();
    const s = await exportSiteTo(ctx, dir, ctx.now());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out(
      `exported ${config.origin} to ${resolve(dir)} in ${seconds} s: ${s.files} files, ${megabytes(s.bytes)}; ${s.events} events in ${s.pages} pages, ${s.logEntries} log entries`,
    );
    if (s.liveOnly.length > 0) out(`links to the live site (a static copy cannot serve them): ${s.liveOnly.join(', ')}`);
    out(`anyone can check the copy with: caravan verify ${dir} --key ${ctx.logSigner.verifierKey}`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}
