/**
 * The fields of an event the desk suggests from a report, and what an editor can do with a
 * suggestion: keep it, change it, or clear it. Counted per field, they are the desk's accuracy
 * on real work.
 */
export const SUGGESTED_FIELDS = ['place', 'time', 'type', 'fatalities'] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];

export const SUGGESTION_OUTCOMES = ['accepted', 'corrected', 'rejected'] as const;
export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

export interface OutcomeRow {
  field: SuggestedField;
  outcome: SuggestionOutcome;
  /** The field's value as suggested and as saved, as the form shows them. */
  suggested: string;
  chosen: string;
}

export type OutcomeCounts = Record<SuggestedField, Record<SuggestionOutcome, number>>;
