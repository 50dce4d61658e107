/** The private source register: list and add. Open to every editor, since coding needs it. */
import type { Hono } from 'hono';
import { Problems, ValidationError } from '../../../core/errors.ts';
import { SourcesPage } from '../../../publish/editor/sources.tsx';
import { SOURCE_KINDS, type SourceKind, insertSource, listSources } from '../../../store/sources.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Ctx, type Env, currentPath } from '../../common.ts';
import { formOf, userOf } from './guard.ts';

interface SourceForm {
  kind: string;
  name: string;
  reliability: string;
  notes: string;
}

function checkSource(v: SourceForm): { kind: SourceKind; name: string; reliability: string | null; notes: string | null } {
  const p = new Problems();
  if (!(SOURCE_KINDS as readonly string[]).includes(v.kind)) p.add('kind', `must be one of ${SOURCE_KINDS.join(', ')}`);
  const name = v.name.trim();
  if (!name) p.add('name', 'is required');
  else if (name.length > 200) p.add('name', 'must be at most 200 characters');
  if (v.reliability.trim().length > 200) p.add('reliability', 'must be at most 200 characters');
  if (v.notes.trim().length > 2000) p.add('notes', 'must be at most 2000 characters');
  p.throwIfAny();
  return { kind: v.kind as SourceKind, name, reliability: v.reliability.trim() || null, notes: v.notes.trim() || null };
}

export function registerSourceRoutes(app: Hono<Env>, ctx: AppContext): void {
  async function render(c: Ctx, extra: { problems?: ValidationError['problems']; values?: SourceForm } = {}, status: 200 | 422 = 200) {
    const sources = await listSources(ctx.db);
    return c.html(
      <SourcesPage lang={c.get('lang')} path={currentPath(c)} user={userOf(c)} kinds={SOURCE_KINDS} sources={sources} {...extra} />,
      status,
    );
  }

  app.get('/sources', (c) => render(c));

  app.post('/sources', async (c) => {
    const form = await formOf(c);
    const values: SourceForm = {
      kind: form.get('kind'),
      name: form.get('name'),
      reliability: form.get('reliability'),
      notes: form.get('notes'),
    };
    try {
      await insertSource(ctx.db, checkSource(values));
    } catch (err) {
      if (err instanceof ValidationError) return render(c, { problems: err.problems, values }, 422);
      throw err;
    }
    return c.redirect('/editor/sources', 303);
  });
}
