import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReportLang, detectLanguage } from './language.ts';

/** Short reports of the kind a desk gets, written by us; the language each is in. */
const CASES: ReadonlyArray<[ReportLang, string]> = [
  // Kazakh with its own letters
  ['kk', 'Жаңаөзенде адамдар алаңға жиналды'],
  ['kk', 'Алматыда әкімдік жанып жатыр'],
  ['kk', 'Бүгін таңертең Ақтауда митинг басталды'],
  ['kk', 'Интернет жоқ, байланыс үзілді'],
  ['kk', 'Кеше кешке Республика алаңында атыс болды'],
  ['kk', 'Полиция адамдарды ұстап жатыр, көп адам жараланды'],
  ['kk', 'Айтуынша, әскер қалаға кірді'],
  // Kazakh typed with Russian letters only
  ['kk', 'Алматыда адамдар жиналды'],
  ['kk', 'Жанаозенде халык алаңга шыкты'],
  ['kk', 'бугин кешке аланда коп адам болды'],
  ['kk', 'Казир калада интернет жок'],
  ['kk', 'Биз уйде отырмыз, сыртка шыгу кауипти деп айтты'],
  ['kk', 'Актобеде де адамдар жиналып жатыр'],
  // Kazakh in Latin letters
  ['kk', 'Almatyda adamdar jinaldy'],
  ['kk', 'Janaozende halyq alañǵa shyqty'],
  ['kk', 'bugin keshke alanda kop adam boldy'],
  // Russian
  ['ru', 'В Алматы горит акимат'],
  ['ru', 'На площади Республики стреляют'],
  ['ru', 'Говорят, в Жанаозене снова собрались люди'],
  ['ru', 'Интернета нет с утра'],
  ['ru', 'Вчера вечером возле акимата было много полиции'],
  ['ru', 'Видел сам: военные на улице Абая'],
  ['ru', 'По слухам, есть погибшие'],
  ['ru', 'Цены на газ выросли вдвое, люди вышли'],
  ['ru', 'Жанаозен. Митинг продолжается'],
  ['ru', 'Пересланное сообщение: в Таразе задержали активистов'],
  ['ru', 'Около 11 вечера слышны взрывы'],
  // Russian in Latin letters
  ['ru', 'v Almaty gorit akimat'],
  // English
  ['en', 'Protesters gathered in the main square of Zhanaozen'],
  ['en', 'Shots fired near the akimat in Almaty'],
  ['en', 'Internet is down across the country'],
  ['en', 'I saw soldiers on Abay Avenue'],
  ['en', 'Unconfirmed: dozens killed in Almaty'],
  ['en', 'Police detained people at Republic Square today'],
  ['en', 'Fuel prices doubled, people are angry'],
  ['en', 'Forwarded from a friend in Aktau'],
  ['en', 'Armed men near the bar on Tole Bi street'],
  // Neither
  ['other', '全国都断网了'],
  ['other', '🔥🔥🔥'],
  ['other', '12:30 !!!'],
];

describe('detectLanguage', () => {
  it('tells Kazakh, Russian and English apart in short reports', () => {
    const wrong = CASES.map(([lang, text]) => ({ lang, text, got: detectLanguage(text) })).filter((c) => c.got.lang !== c.lang);
    assert.deepEqual(
      wrong.map((c) => `${c.lang} ← ${c.got.lang} (${c.got.evidence.join(', ')}): ${c.text}`),
      [],
    );
  });

  it('says what decided it', () => {
    const kk = detectLanguage('Жаңаөзенде адамдар алаңға жиналды');
    assert.ok(
      kk.evidence.some((e) => e.startsWith('letter ')),
      kk.evidence.join(', '),
    );
    assert.ok(kk.confidence > 0.5, String(kk.confidence));
    const ru = detectLanguage('Вчера вечером возле акимата было много полиции');
    assert.ok(ru.evidence.includes('вчера'), ru.evidence.join(', '));
  });

  it('is not sure of a name alone', () => {
    const name = detectLanguage('Алматы');
    assert.ok(name.confidence < 0.5, `${name.lang} ${name.confidence}`);
  });
});
