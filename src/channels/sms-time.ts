/** Times as SMS gateways send them. */

export interface SmsTimestampProblem {
  problem: string;
}

/** Anything before this is a wrong clock or a wrong unit, not an SMS. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** Seconds since 1970 stay below this until the year 5138; milliseconds passed it in 1973. */
const MILLISECONDS_FROM = 1e11;

/**
 * Unix time in seconds or in milliseconds (SMSSync has sent both), told apart by size. A
 * fraction is allowed on seconds.
 */
export function parseSmsTimestamp(text: string): Date | SmsTimestampProblem {
  if (!/^\d{1,16}(\.\d{1,6})?$/.test(text)) return { problem: 'must be a Unix time in seconds or milliseconds' };
  const n = Number(text);
  const ms = n >= MILLISECONDS_FROM ? Math.trunc(n) : Math.round(n * 1000);
  if (ms < EARLIEST || ms >= LATEST) return { problem: 'is not a time between 2000 and 2100' };
  return new Date(ms);
}
