/**
 * How a mirror says it caught its origin contradicting itself (a fork) or going back to an
 * older signed state (a rollback), in words shared by its pages, feeds and data files, so a
 * reader of any of them learns it. The origin's own words (`message`, the checkpoints) stay as
 * the sync wrote them: they are the evidence.
 */
import { type Lang, translator } from './i18n.ts';

export interface MirrorAlarm {
  id: number;
  kind: 'fork' | 'rollback';
  /** ISO 8601 UTC. */
  detectedAt: string;
  message: string;
  verifiedCheckpoint: string;
  presentedCheckpoint: string;
}

const text = translator({
  en: {
    fork: 'the origin presented a history that contradicts the one verified here',
    rollback: 'the origin rolled back its history',
    title: 'ALARM: {headline}',
    refused: 'This mirror kept its verified copy and refused what the origin presented: {headline} ({at}). {message}',
    evidence: 'Both signed checkpoints are kept as evidence.',
    verified: 'Verified here:',
    presented: 'Presented by the origin:',
  },
  ru: {
    fork: 'источник показал историю, противоречащую проверенной здесь',
    rollback: 'источник откатил свою историю назад',
    title: 'ТРЕВОГА: {headline}',
    refused: 'Это зеркало сохранило проверенную копию и отвергло то, что показал источник: {headline} ({at}). {message}',
    evidence: 'Обе подписанные контрольные точки сохранены как доказательство.',
    verified: 'Проверено здесь:',
    presented: 'Показано источником:',
  },
});

export function alarmHeadline(kind: MirrorAlarm['kind'], lang: Lang = 'en'): string {
  return text(lang, kind);
}

/** A feed item's title for an alarm. */
export function alarmTitle(kind: MirrorAlarm['kind'], lang: Lang): string {
  return text(lang, 'title', { headline: alarmHeadline(kind, lang) });
}

/** One line: what a data file carries in every row. */
export function alarmLine(alarms: readonly MirrorAlarm[]): string {
  return alarms.map((a) => `ALARM (${a.kind}, ${a.detectedAt}): ${alarmHeadline(a.kind)}. ${a.message}`).join(' | ');
}

/** The words around the two checkpoints an alarm keeps. */
export function evidenceLabels(lang: Lang): { evidence: string; verified: string; presented: string } {
  return { evidence: text(lang, 'evidence'), verified: text(lang, 'verified'), presented: text(lang, 'presented') };
}

/** The whole notice with both checkpoints, as plain text: a feed entry's body. */
export function alarmText(a: MirrorAlarm, lang: Lang): string {
  return [
    text(lang, 'refused', { headline: alarmHeadline(a.kind, lang), at: a.detectedAt, message: a.message }),
    text(lang, 'evidence'),
    `${text(lang, 'verified')}\n${a.verifiedCheckpoint.trimEnd()}`,
    `${text(lang, 'presented')}\n${a.presentedCheckpoint.trimEnd()}`,
  ].join('\n\n');
}
