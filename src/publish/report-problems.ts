/**
 * Validation problems in the reporter's language. Core names the field and says what is wrong
 * in English; the pages show it next to the field, so the wording here leaves the field's name
 * to the label and only says what to do.
 */
import type { FieldProblem } from '../core/errors.ts';
import { type Lang, translator } from './i18n.ts';

const t = translator({
  en: {
    required: 'Say what happened.',
    tooLong: 'Too long: at most {max} characters (now {n}).',
    control: 'Contains invisible control characters; please remove them.',
    notText: 'Must be text.',
    choose: 'Choose one of the options.',
    unknownField: 'The form sent a field it should not have ({name}). Please open a fresh form.',
    badKey: 'The form is damaged. Please open a fresh form.',
    code: 'This is not a receipt code: it has 12 letters and digits, like 7K3M-9QX2-AB4D.',
    other: '{message}',
  },
  ru: {
    required: 'Опишите, что произошло.',
    tooLong: 'Слишком длинно: не больше {max} знаков (сейчас {n}).',
    control: 'Содержит невидимые управляющие символы; удалите их.',
    notText: 'Должно быть текстом.',
    choose: 'Выберите один из вариантов.',
    unknownField: 'Форма прислала лишнее поле ({name}). Откройте новую форму.',
    badKey: 'Форма повреждена. Откройте новую форму.',
    code: 'Это не код: в нём 12 букв и цифр, например 7K3M-9QX2-AB4D.',
    other: '{message}',
  },
});

export function problemText(lang: Lang, p: FieldProblem): string {
  if (p.field === 'code') return t(lang, 'code');
  if (p.field === 'idempotencyKey') return t(lang, 'badKey');
  const m = p.message;
  const long = /at most (\d+) characters \(has (\d+)\)/.exec(m);
  if (long) return t(lang, 'tooLong', { max: long[1]!, n: long[2]! });
  if (m.startsWith('is required')) return t(lang, 'required');
  if (m.includes('control characters')) return t(lang, 'control');
  if (m === 'must be text') return t(lang, 'notText');
  if (m.startsWith('must be one of')) return t(lang, 'choose');
  if (m === 'is not a report field') return t(lang, 'unknownField', { name: p.field.slice(0, 40) });
  return t(lang, 'other', { message: `${p.field.slice(0, 40)}: ${m}` });
}
