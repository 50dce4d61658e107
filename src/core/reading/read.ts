/**
 * What the desk reads in a report, on arrival and again on demand: one function, so every
 * channel, the demo and a re-read derive the same. Later readers (places, time, type,
 * fatalities, hedging) join here.
 */
import { foldText } from './fold.ts';
import { type LanguageGuess, type ReportLang, detectLanguage } from './language.ts';

export interface Reading {
  lang: ReportLang;
  /** The words folded (fold.ts): what duplicates and search compare. */
  textFold: string;
}

type ReportText = { what: string; where?: string | null | undefined };

/** The language of what the reporter wrote, the place they named included, with its evidence. */
export function languageOf(r: ReportText): LanguageGuess {
  return detectLanguage(r.where ? `${r.what}\n${r.where}` : r.what);
}

export function readReport(r: ReportText): Reading {
  return {
    lang: languageOf(r).lang,
    textFold: foldText(r.what),
  };
}
