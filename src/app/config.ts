/**
 * Configuration from the environment: a pure function, so it is tested without touching
 * process.env, and every problem is reported at once.
 */
import { resolve } from 'node:path';
import { ValidationError, type FieldProblem } from '../core/errors.ts';
import type { IntakeBudget } from './limits/intake-limits.ts';
import { isLocalDate } from '../core/time.ts';

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
  /** Shared secret SMSSync sends with each SMS; absent means the SMSSync endpoint is off. */
  smssyncSecret?: string;
  /** Signing key of SMS Gateway for Android's webhooks; absent means that endpoint is off. */
  smsGatewaySecret?: string;
  /** Secure cookies: on unless the origin is plain http. */
  secureCookies: boolean;
  /** Origins of the chronicles this node accepts and forwards reports for; empty = relaying off. */
  relayFor: string[];
  /** Seconds between the relay forwarder's passes, and the first retry delay (which then doubles). */
  relayInterval: number;
  /** Longest wait between two attempts to reach an origin, in seconds (an hour unless tests shorten it). */
  relayMaxDelay: number;
  /** Seconds between checks of each followed chronicle (mirrors); failures back off from it. */
  mirrorInterval: number;
  /** Hours between the rolling backups `serve` writes into `<dataDir>/backups/`; 0 = none. */
  backupInterval: number;
  /** How many rolling backups to keep; older ones are removed. */
  backupKeep: number;
  /** Read the client's address from X-Forwarded-For (set only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Seconds of one limit period: intake budgets refill and the key naming clients rotates. */
  limitPeriod: number;
  /** Reports and bytes accepted per period, per client and overall. */
  intakeBudget: IntakeBudget;
  /** Free bytes the data folder's disk keeps: below this, reports are refused with 507. */
  diskReserve: number;
  /** Hours after which an editor's claim on a report lapses and another editor may take it; 0: never. */
  claimHours: number;
  /** The local dates the chronicle covers, inclusive: an event outside them is worth a second look. */
  period?: { from: string; to: string };
}

/** Secrets a gateway phone is set up with: long enough that guessing them over HTTP is hopeless. */
function smsSecretsOf(
  problems: FieldProblem[],
  env: Record<string, string | undefined>,
): Pick<Config, 'smssyncSecret' | 'smsGatewaySecret'> {
  const out: Pick<Config, 'smssyncSecret' | 'smsGatewaySecret'> = {};
  for (const [name, key] of [
    ['CARAVAN_SMSSYNC_SECRET', 'smssyncSecret'],
    ['CARAVAN_SMS_GATEWAY_SECRET', 'smsGatewaySecret'],
  ] as const) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (value.length < 12 || value.length > 256 || /\s/.test(value))
      problems.push({ field: name, message: 'must be 12 to 256 characters without spaces' });
    else out[key] = value;
  }
  return out;
}

export function loadConfig(env: Record<string, string | undefined>, cwd = '.'): Config {
  const problems: FieldProblem[] = [];
  // Digits only: Number() would read " " as 0 (a random port) and "0x50" or "8e3" as numbers.
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : /^\d{1,5}$/.test(env.PORT) ? Number(env.PORT) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push({ field: 'PORT', message: 'must be a port number from 0 to 65535' });
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
  const relayFor = relayOrigins(problems, env.CARAVAN_RELAY_FOR);
  const relayInterval = secondsOf(problems, 'CARAVAN_RELAY_INTERVAL', env.CARAVAN_RELAY_INTERVAL, 10);
  const relayMaxDelay = secondsOf(problems, 'CARAVAN_RELAY_MAX_DELAY', env.CARAVAN_RELAY_MAX_DELAY, 3600);
  const mirrorInterval = secondsOf(problems, 'CARAVAN_MIRROR_INTERVAL', env.CARAVAN_MIRROR_INTERVAL, 300);
  const smsSecrets = smsSecretsOf(problems, env);
  // On by default for the embedded store, the one a crash or a second process can damage; a
  // PostgreSQL server has its own backups, and every process beside it would write its own.
  const backupInterval = hoursOf(problems, 'CARAVAN_BACKUP_INTERVAL', env.CARAVAN_BACKUP_INTERVAL, databaseUrl ? 0 : 24);
  const backupKeep = countOf(problems, 'CARAVAN_BACKUP_KEEP', env.CARAVAN_BACKUP_KEEP, 3);
  const trustEnv = env.CARAVAN_TRUST_PROXY;
  if (trustEnv !== undefined && !['', '0', '1', 'true', 'false'].includes(trustEnv)) {
    problems.push({ field: 'CARAVAN_TRUST_PROXY', message: 'must be true or false' });
  }
  const limitPeriod = secondsOf(problems, 'CARAVAN_LIMIT_PERIOD', env.CARAVAN_LIMIT_PERIOD, 3600);
  const intakeBudget = intakeBudgetOf(problems, env);
  const diskReserve = wholeNumberOf(problems, env, 'CARAVAN_LIMIT_DISK_RESERVE_MB', 1024, 2 ** 20, 0);
  const claimHours = hoursOf(problems, 'CARAVAN_CLAIM_HOURS', env.CARAVAN_CLAIM_HOURS, 4);
  const period = periodOf(problems, env.CARAVAN_PERIOD);
  if (problems.length > 0) throw new ValidationError(problems);
  const config: Config = {
    port,
    host,
    dataDir,
    origin,
    demo: !(demoEnv === '0' || demoEnv === 'false'),
    secureCookies: origin.startsWith('https:'),
    relayFor,
    relayInterval,
    relayMaxDelay,
    mirrorInterval,
    backupInterval,
    backupKeep,
    trustProxy: trustEnv === '1' || trustEnv === 'true',
    limitPeriod,
    intakeBudget,
    diskReserve,
    claimHours,
  };
  if (databaseUrl) config.databaseUrl = databaseUrl;
  if (period) config.period = period;
  Object.assign(config, smsSecrets);
  return config;
}

/**
 * CARAVAN_RELAY_FOR: comma-separated origins. A reporter names the chronicle by its host in the
 * relay's URL, so two origins on one host cannot both be relayed.
 */
function relayOrigins(problems: FieldProblem[], value: string | undefined): string[] {
  const origins: string[] = [];
  const hosts = new Set<string>();
  for (const part of (value ?? '').split(',')) {
    const text = part.trim();
    if (!text) continue;
    let url: URL;
    try {
      url = new URL(text);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    } catch {
      problems.push({
        field: 'CARAVAN_RELAY_FOR',
        message: `${text.slice(0, 100)} is not an http(s) URL such as https://chronicle.example.org`,
      });
      continue;
    }
    if (hosts.has(url.host)) {
      problems.push({ field: 'CARAVAN_RELAY_FOR', message: `names ${url.host} twice; relayed chronicles are told apart by host` });
      continue;
    }
    hosts.add(url.host);
    origins.push(url.origin + url.pathname.replace(/\/+$/, ''));
  }
  return origins;
}

/**
 * Intake budgets per limit period. The per-client ones are sized for a carrier's NAT, where
 * hundreds of phones share one address (README, "Limits on intake").
 */
export const INTAKE_BUDGET_DEFAULTS: IntakeBudget = {
  clientReports: 120,
  clientBytes: 500 * 2 ** 20,
  totalReports: 3000,
  totalBytes: 2048 * 2 ** 20,
};

/** A whole number (of `unit`s) from the environment, at least `min`. */
function wholeNumberOf(
  problems: FieldProblem[],
  env: Record<string, string | undefined>,
  field: string,
  fallback: number,
  unit: number,
  min = 1,
): number {
  const value = env[field];
  if (value === undefined || value === '') return fallback * unit;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) {
    problems.push({ field, message: `must be a whole number of at least ${min}` });
    return fallback * unit;
  }
  return Number(value) * unit;
}

function intakeBudgetOf(problems: FieldProblem[], env: Record<string, string | undefined>): IntakeBudget {
  const d = INTAKE_BUDGET_DEFAULTS;
  return {
    clientReports: wholeNumberOf(problems, env, 'CARAVAN_LIMIT_CLIENT_REPORTS', d.clientReports, 1),
    clientBytes: wholeNumberOf(problems, env, 'CARAVAN_LIMIT_CLIENT_MB', d.clientBytes / 2 ** 20, 2 ** 20),
    totalReports: wholeNumberOf(problems, env, 'CARAVAN_LIMIT_TOTAL_REPORTS', d.totalReports, 1),
    totalBytes: wholeNumberOf(problems, env, 'CARAVAN_LIMIT_TOTAL_MB', d.totalBytes / 2 ** 20, 2 ** 20),
  };
}

/** A number of seconds, fractions allowed (tests run the relay at a tenth of a second). */
function secondsOf(problems: FieldProblem[], field: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const seconds = /^\d{1,5}(\.\d{1,3})?$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= 0.05 && seconds <= 86400)) {
    problems.push({ field, message: 'must be a number of seconds from 0.05 to 86400' });
    return fallback;
  }
  return seconds;
}

/** "2022-01-01/2022-01-31": the first and last local dates the chronicle covers. */
function periodOf(problems: FieldProblem[], value: string | undefined): { from: string; to: string } | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  if (!m || !isLocalDate(m[1]) || !isLocalDate(m[2]) || m[1]! > m[2]!) {
    problems.push({ field: 'CARAVAN_PERIOD', message: 'must be two dates, first/last, such as 2022-01-01/2022-01-31' });
    return undefined;
  }
  return { from: m[1]!, to: m[2]! };
}

/** Hours, fractions allowed (tests run the schedule in seconds); 0 turns the thing off. */
function hoursOf(problems: FieldProblem[], field: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const hours = /^\d{1,4}(\.\d{1,4})?$/.test(value) ? Number(value) : NaN;
  if (!(hours === 0 || (hours >= 0.0001 && hours <= 8760))) {
    problems.push({ field, message: 'must be a number of hours from 0 (off) to 8760' });
    return fallback;
  }
  return hours;
}

function countOf(problems: FieldProblem[], field: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 1000)) {
    problems.push({ field, message: 'must be a whole number from 1 to 1000' });
    return fallback;
  }
  return n;
}
