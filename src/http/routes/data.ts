/**
 * This chronicle's data description: the OpenAPI document of its events API and the /data page
 * that explains the feeds and files. The feeds, files and API themselves are part of the reader
 * site (reader.tsx), served alike for this chronicle and for every mirror.
 */
import type { Hono } from 'hono';
import { type FieldProblem, ValidationError } from '../../core/errors.ts';
import { type EventFilter, parseEventFilter } from '../../core/filter.ts';
import { DataPage } from '../../publish/data-page.tsx';
import { openApiDocument } from '../../publish/openapi.ts';
import type { AppContext } from '../../app/context.ts';
import type { ChronicleToRead } from '../../app/reading/chronicle.ts';
import { type Env, currentPath } from '../common.ts';
import { notModified, openDataPaths } from './reader.tsx';

export function registerDataRoutes(app: Hono<Env>, ctx: AppContext, own: ChronicleToRead): void {
  const origin = ctx.config.origin;
  openDataPaths(app, ['/openapi.json']);
  const apiDoc = JSON.stringify(openApiDocument(origin));
  app.get('/openapi.json', async (c) => {
    if (await notModified(c, origin, await own.version(), apiDoc)) return c.body(null, 304);
    return c.body(apiDoc, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/data', (c) => {
    const lang = c.get('lang');
    let filter: EventFilter = {};
    let problems: readonly FieldProblem[] = [];
    try {
      filter = parseEventFilter(c.req.query());
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      problems = err.problems;
    }
    const values = c.req.query();
    return c.html(DataPage({ lang, path: currentPath(c), origin, filter, values, problems }), problems.length > 0 ? 422 : 200);
  });
}
