/**
 * Configuration from the environment: a pure function, so it is tested without touching
 * process.env, and every problem is reported at once.
 */
import { resolve } from 'node:path';
import { ValidationError, type FieldProblem } from '../core/errors.ts';

export interface Config {
  port: number;
  host: string;
  /** Folder for the embedded database, keys and media. */
  dataDir: string;
  /** PostgreSQL server; absent means embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Public URL of the chronicle, used in feeds and permalinks. */
  origin: string;
  /** Load the demo chronicle into an empty store. */
  demo: boolean;
  /** Secure cookies: on unless the origin is plain http. */
  secureCookies: boolean;
}

export function loadConfig(env: Record<string, string | undefined>, cwd = '.'): Config {
  const problems: FieldProblem[] = [];
  // Digits only: Number() would read " " as 0 (a random port) and "0x50" or "8e3" as numbers.
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : /^\d{1,5}$/.test(env.PORT) ? Number(env.PORT) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push({ field: 'PORT', message: 'must be a port number from 0 to 65535' });
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(cwd, env.CARAVAN_DATA || 'data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push({ field: 'DATABASE_URL', message: 'must be a postgres:// or postgresql:// URL' });
  }
  const defaultOrigin = `http://${host.includes(':') ? `[${host}]` : host}:${Number.isInteger(port) ? port : 8080}`;
  let origin = env.CARAVAN_ORIGIN || defaultOrigin;
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
    origin = u.origin + u.pathname.replace(/\/+$/, '');
  } catch {
    problems.push({ field: 'CARAVAN_ORIGIN', message: 'must be an http(s) URL such as https://chronicle.example.org' });
  }
  const demoEnv = env.CARAVAN_DEMO;
  if (demoEnv !== undefined && !['', '0', '1', 'true', 'false'].includes(demoEnv)) {
    problems.push({ field: 'CARAVAN_DEMO', message: 'must be true or false' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const config: Config = {
    port,
    host,
    dataDir,
    origin,
    demo: !(demoEnv === '0' || demoEnv === 'false'),
    secureCookies: origin.startsWith('https:'),
  };
  if (databaseUrl) config.databaseUrl = databaseUrl;
  return config;
}
