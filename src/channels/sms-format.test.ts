import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type KeypadReport, parseKeypadMessage } from './sms-format.ts';

const CASES: Array<[string, KeypadReport]> = [
  [
    'ALMATY 05.01 14:00 shooting near Republic Square',
    { where: 'ALMATY', when: '05.01 14:00', what: 'shooting near Republic Square', date: { day: 5, month: 1, hour: 14, minute: 0 } },
  ],
  [
    'АЛМАТЫ 05.01 14:00 стрельба у площади Республики',
    { where: 'АЛМАТЫ', when: '05.01 14:00', what: 'стрельба у площади Республики', date: { day: 5, month: 1, hour: 14, minute: 0 } },
  ],
  [
    'Алматы 5/1 14.00 горит акимат',
    { where: 'Алматы', when: '5/1 14.00', what: 'горит акимат', date: { day: 5, month: 1, hour: 14, minute: 0 } },
  ],
  ['zhanaozen 5.1 crowd at the square', { where: 'zhanaozen', when: '5.1', what: 'crowd at the square', date: { day: 5, month: 1 } }],
  [
    'UST-KAMENOGORSK 06.01.2022 9:05 troops on the bridge',
    {
      where: 'UST-KAMENOGORSK',
      when: '06.01.2022 9:05',
      what: 'troops on the bridge',
      date: { day: 6, month: 1, year: 2022, hour: 9, minute: 5 },
    },
  ],
  [
    'Нур-Султан 07/01/22 internet cut since morning',
    { where: 'Нур-Султан', when: '07/01/22', what: 'internet cut since morning', date: { day: 7, month: 1, year: 2022 } },
  ],
  [
    'TALDYKORGAN 05.01 14:00\nstatue pulled down\nmany people',
    { where: 'TALDYKORGAN', when: '05.01 14:00', what: 'statue pulled down\nmany people', date: { day: 5, month: 1, hour: 14, minute: 0 } },
  ],
  // A time that is not a time stays in the text.
  ['ALMATY 05.01 25:00 sirens', { where: 'ALMATY', when: '05.01', what: '25:00 sirens', date: { day: 5, month: 1 } }],
  ['  AKTOBE   05.01   shots  ', { where: 'AKTOBE', when: '05.01', what: 'shots', date: { day: 5, month: 1 } }],
];

const UNPARSED = [
  'shooting near Republic Square, 14:00',
  'ALMATY shooting near Republic Square',
  'ALMATY 32.01 shooting',
  'ALMATY 05.13 shooting',
  'ALMATY 05.01',
  'ALMATY 05.01 14:00',
  '05.01 14:00 ALMATY shooting',
  'one two three four 05.01 too many words for a place',
  '',
];

describe('parseKeypadMessage', () => {
  for (const [input, expected] of CASES) {
    it(`reads ${JSON.stringify(input)}`, () => assert.deepEqual(parseKeypadMessage(input), expected));
  }
  for (const input of UNPARSED) {
    it(`keeps ${JSON.stringify(input)} whole`, () => assert.deepEqual(parseKeypadMessage(input), { what: input.trim() }));
  }
});
