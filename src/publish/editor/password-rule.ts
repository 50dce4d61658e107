/** The rule every form that sets a password and `caravan user add` state; `app/accounts/password.ts` enforces it. */
import { type Lang, translator } from '../i18n.ts';

const text = translator({
  en: {
    rule: 'At least 10 characters; not a common password, a repetition or a keyboard sequence; not containing the username. A few unrelated words make a strong one.',
  },
  ru: {
    rule: 'Не короче 10 символов; не распространённый пароль, не повтор и не ряд клавиш; без имени пользователя. Надёжно — несколько не связанных слов.',
  },
});

export function passwordRule(lang: Lang): string {
  return text(lang, 'rule');
}
