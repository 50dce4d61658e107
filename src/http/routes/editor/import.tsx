/** /editor/import: pasted armored reports become the reports they carry (app/intake/armored.ts). */
import type { Hono } from 'hono';
import { ValidationError } from '../../../core/errors.ts';
import { ImportPage } from '../../../publish/editor/import.tsx';
import { acceptArmoredBlocks } from '../../../app/intake/armored.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Env, currentPath } from '../../common.ts';
import { formOf, userOf } from './guard.ts';

/** Dozens of blocks with encrypted contacts fit; the workspace's body limit caps it anyway. */
const PASTE_MAX = 200_000;

export function registerImportRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/import', (c) => c.html(<ImportPage lang={c.get('lang')} path={currentPath(c)} user={userOf(c)} />));

  app.post('/import', async (c) => {
    const pasted = (await formOf(c)).get('armored');
    const page = (props: Partial<Parameters<typeof ImportPage>[0]>, status: 200 | 422) =>
      c.html(<ImportPage lang={c.get('lang')} path="/editor/import" user={userOf(c)} {...props} />, status);
    if (pasted.length > PASTE_MAX) {
      return page({ problems: [{ field: 'armored', message: `paste at most ${PASTE_MAX} characters at once` }] }, 422);
    }
    try {
      const results = await acceptArmoredBlocks(ctx, pasted);
      const failed = results.some((r) => r.problem !== undefined);
      // What failed stays in the box to fix and send again; what worked is stored once anyway.
      return page({ results, ...(failed ? { value: pasted } : {}) }, failed ? 422 : 200);
    } catch (err) {
      if (err instanceof ValidationError) return page({ problems: err.problems, value: pasted }, 422);
      throw err;
    }
  });
}
