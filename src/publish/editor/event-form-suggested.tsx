/**
 * The mark beside each field of the event form the desk filled in: where the suggestion came
 * from, and a box the editor ticks once they have checked it against the report. A field the
 * editor changed says so, with what was suggested.
 */
import type { SuggestedField } from '../../core/reading/fields.ts';
import { type Lang, translator } from '../i18n.ts';
import { type EventFormState, suggestedValue, suggestionState } from './event-form-state.ts';

const text = translator({
  en: {
    suggested: 'Suggested by the desk',
    from: 'from the report’s words:',
    check: 'I checked this against the report',
    confirmed: 'Checked by you',
    changed: 'Changed by you; the desk suggested {was}',
  },
  ru: {
    suggested: 'Предложено машиной',
    from: 'по словам сообщения:',
    check: 'Я сверил(а) это с сообщением',
    confirmed: 'Проверено вами',
    changed: 'Изменено вами; машина предлагала {was}',
  },
});

export function SuggestedMark(props: { lang: Lang; state: EventFormState; field: SuggestedField }) {
  const { lang, state, field } = props;
  const mark = suggestionState(state, field);
  if (!mark) return null;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string>) => text(lang, k, vars);
  const quote = state.suggested[field]?.quote;
  if (mark === 'changed') {
    return <p class="suggested changed">{t('changed', { was: suggestedValue(field, state.suggested) || '—' })}</p>;
  }
  return (
    <div class={`suggested ${mark}`} data-suggested={field}>
      <p>
        <strong>{mark === 'confirmed' ? t('confirmed') : t('suggested')}</strong>
        {quote ? (
          <>
            {' '}
            {t('from')} <q>{quote}</q>
          </>
        ) : null}
      </p>
      <label>
        <input type="checkbox" name={`confirm_${field}`} value="1" checked={mark === 'confirmed'} /> {t('check')}
      </label>
    </div>
  );
}
