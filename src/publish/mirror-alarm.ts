/**
 * How a mirror says it caught its origin contradicting itself (a fork) or going back to an
 * older signed state (a rollback), in words shared by its pages, feeds and data files, so a
 * reader of any of them learns it.
 */

export interface MirrorAlarm {
  id: number;
  kind: 'fork' | 'rollback';
  /** ISO 8601 UTC. */
  detectedAt: string;
  message: string;
  verifiedCheckpoint: string;
  presentedCheckpoint: string;
}

export function alarmHeadline(kind: MirrorAlarm['kind']): string {
  return kind === 'fork' ? 'the origin presented a history that contradicts the one verified here' : 'the origin rolled back its history';
}

/** One line: what a data file carries in every row. */
export function alarmLine(alarms: readonly MirrorAlarm[]): string {
  return alarms.map((a) => `ALARM (${a.kind}, ${a.detectedAt}): ${alarmHeadline(a.kind)}. ${a.message}`).join(' | ');
}

/** The whole notice with both checkpoints, as plain text: a feed entry's body. */
export function alarmText(a: MirrorAlarm): string {
  return [
    `This mirror kept its verified copy and refused what the origin presented: ${alarmHeadline(a.kind)} (${a.detectedAt}). ${a.message}`,
    'Both signed checkpoints are kept as evidence.',
    `Verified here:\n${a.verifiedCheckpoint.trimEnd()}`,
    `Presented by the origin:\n${a.presentedCheckpoint.trimEnd()}`,
  ].join('\n\n');
}
