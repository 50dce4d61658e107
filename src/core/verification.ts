/**
 * Verification status and the rules for moving between statuses, in one place. The event form,
 * the API and the demo loader all go through `statusChangeProblems`.
 */

export const VERIFICATION_STATUSES = ['unverified', 'corroborated', 'verified', 'disputed', 'retracted'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export function isVerificationStatus(value: unknown): value is VerificationStatus {
  return typeof value === 'string' && (VERIFICATION_STATUSES as readonly string[]).includes(value);
}

/** What a status rule needs to know about the event's sources. */
export interface SourceIdentity {
  /** Source record id, if the editors keep one for whoever stands behind it. */
  sourceId?: string | null;
  /** Outlet or account name for public material. */
  outlet?: string | null;
  url?: string | null;
  reportId?: string | null;
}

/**
 * Sources are independent when they do not go back to the same person or outlet: two reports
 * from one witness, or two articles by one outlet, count once.
 */
export function independentSourceCount(sources: readonly SourceIdentity[]): number {
  const keys = new Set<string>();
  for (const s of sources) {
    if (s.sourceId) keys.add(`source:${s.sourceId}`);
    else if (s.outlet?.trim()) keys.add(`outlet:${s.outlet.trim().toLowerCase()}`);
    else if (s.url) keys.add(`host:${hostOf(s.url)}`);
    else if (s.reportId) keys.add(`report:${s.reportId}`);
  }
  return keys.size;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export interface StatusChange {
  from: VerificationStatus | undefined;
  to: VerificationStatus;
  sources: readonly SourceIdentity[];
  /** Why the editor sets this status: how it was verified, what is disputed, why retracted. */
  reason?: string | null;
}

/** Every rule the change breaks, as messages; empty when the change is allowed. */
export function statusChangeProblems(change: StatusChange): string[] {
  const problems: string[] = [];
  const reason = change.reason?.trim() ?? '';
  const independent = independentSourceCount(change.sources);
  switch (change.to) {
    case 'corroborated':
      if (independent < 2) problems.push(`corroborated needs at least two independent sources (has ${independent})`);
      break;
    case 'verified':
      if (independent < 1) problems.push('verified needs at least one source');
      if (!reason) problems.push('verified needs a note on how it was verified');
      break;
    case 'disputed':
      if (!reason) problems.push('disputed needs a note on what is disputed');
      break;
    case 'retracted':
      if (!reason) problems.push('retracted needs a reason, shown to readers');
      break;
    case 'unverified':
      break;
  }
  if (change.from === 'retracted' && change.to !== 'retracted' && !reason) {
    problems.push('reinstating a retracted event needs a reason');
  }
  return problems;
}
