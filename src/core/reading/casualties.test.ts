import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CasualtySuggestion, type CountReading, readCasualties } from './casualties.ts';

/** A count as an editor would say it: "8", "8–10", "≥200", "≤50", "0", or "?" for "есть погибшие". */
function figure(r: CountReading | undefined): string | undefined {
  if (!r) return undefined;
  const { min, max } = r;
  if (min !== undefined && max !== undefined) return min === max ? String(min) : `${min}–${max}`;
  if (min !== undefined) return `≥${min}`;
  if (max !== undefined) return `≤${max}`;
  return '?';
}

function summary(s: CasualtySuggestion | undefined): string | undefined {
  if (!s) return undefined;
  const parts = [];
  if (s.killed) parts.push(`killed ${figure(s.killed)}`);
  if (s.injured) parts.push(`injured ${figure(s.injured)}`);
  return parts.join('; ');
}

/** Reports of the kind the desk got in January 2022, written by us, and how each reads. */
const CASES: ReadonlyArray<[string | undefined, string]> = [
  // English
  ['killed 8', '8 killed'],
  ['killed ≥8', 'at least 8 dead'],
  ['killed 8', '8 Kazakh soldiers were killed'],
  ['killed 2', 'two police officers were killed'],
  ['killed 25', 'twenty-five dead'],
  ['killed ≥12', 'dozens killed'],
  ['killed ≥12', 'a dozen killed'],
  ['killed ≥3', 'several killed'],
  ['killed ≥200', 'more than 200 people have died'],
  ['killed ≥10', '10+ killed'],
  ['killed 8–10', 'between 8 and 10 killed'],
  ['killed 8–10', '8 or 10 killed'],
  ['killed 164', 'the death toll rose to 164'],
  ['injured ≤50', 'up to 50 injured'],
  ['injured ≥4000', 'over 4,000 injured'],
  ['injured ≥100', 'hundreds injured'],
  ['killed 8; injured 20', '8 killed, 20 injured'],
  ['killed 0', 'no casualties'],
  ['killed 0', 'no one was killed'],
  ['killed 0; injured 3', 'no casualties, 3 injured'],
  ['injured 0', 'nobody was hurt'],
  ['killed 3', '200 people gathered, 3 killed'],
  ['killed 8', 'the 8 killed were buried'],
  [undefined, '200 people gathered'],
  [undefined, '3 arrested'],
  [undefined, 'killed on 5 January'],
  [undefined, 'killed 8-10 January'],
  [undefined, 'Call +7 701 123 45 67'],
  // Russian
  ['killed ≥200', 'более 200 человек погибли'],
  ['killed 2', 'убиты двое'],
  ['killed 3', 'трое полицейских погибли'],
  ['killed 8', 'погибли 8 человек'],
  ['killed 25', 'двадцать пять погибших'],
  ['killed ≥10', 'десятки погибших'],
  ['killed ≥3', 'несколько погибших'],
  ['killed ≥3', 'очень много погибших'],
  ['killed 8–10', '8-10 погибших'],
  ['killed 8–10', 'от 8 до 10 погибших'],
  ['killed 8–10', 'погибли от 8 до 10 человек'],
  ['killed 8–10', 'между 8 и 10 погибших'],
  ['killed 2–3', '2 или 3 погибших'],
  ['killed ≤10', 'до 10 погибших'],
  // "до" after a toll that grew is where it got to, not an upper bound
  ['killed 164', 'число погибших выросло до 164'],
  ['killed 227', 'число жертв возросло до 227'],
  ['killed 225', 'Число погибших достигло 225'],
  ['killed 8', 'погибших: 8'],
  ['killed 8', 'погибших — 8'],
  ['killed ?', 'есть погибшие'],
  ['injured 30', 'около 30 раненых'],
  ['injured 4500', '4 500 раненых'],
  ['injured 4500', '4.500 раненых'],
  ['injured ≥4500', 'более 4500 пострадавших'],
  ['killed 0', 'жертв нет'],
  ['killed 0', 'нет погибших'],
  ['killed 0', 'никто не погиб'],
  ['injured 0', 'никто не пострадал'],
  ['killed 0; injured 5', 'погибших нет, 5 раненых'],
  ['killed 3; injured 5', 'трое убитых и пятеро раненых'],
  ['killed 3; injured 20', 'погибших 3, раненых 20'],
  ['killed 18; injured 748', '18 сотрудников погибли, 748 ранены'],
  ['killed 164', '164 погибших, из них 103 в Алматы'],
  ['killed 3', '5 января погибли 3 человека'],
  ['killed 238', 'в 2022 году погибли 238 человек'],
  ['killed 3', 'В 14:30. 3 погибших'],
  ['killed 1', 'в 14:30 убит 1 человек'],
  ['killed 2', 'На Абая 150 убиты двое'],
  ['injured 3', 'Машина №12: 3 раненых'],
  ['injured 10', '2000 протестующих, 10 раненых'],
  ['injured 2', 'задержаны 10, ранены 2'],
  // the "67" of a phone number is not a count
  ['injured ≥3', 'звоните 8 701 123-45-67 раненых много'],
  [undefined, '2000 протестующих'],
  [undefined, '5 января'],
  [undefined, '14:30'],
  [undefined, '+7 701 123 45 67'],
  [undefined, 'дом 12'],
  [undefined, 'Дом 12 погиб человек'],
  [undefined, 'погибли 5-6 января'],
  [undefined, '10 человек задержаны'],
  // Russian "он погиб" is "he died"; Kazakh "он" is ten
  [undefined, 'он погиб'],
  // Kazakh, in Kazakh letters, in Russian letters and in Latin
  ['killed ≥10', 'ондаған адам қаза тапты'],
  ['killed ≥10', 'ондаган адам каза тапты'],
  ['killed 10', 'Он адам қаза тапты'],
  ['killed 3', 'Жаңаөзенде 3 адам қаза тапты'],
  ['killed 3', 'Жанаозенде 3 адам каза тапты'],
  ['killed 3', 'Janaozende 3 adam qaza tapty'],
  ['killed 3', 'үш адам қаза тапты'],
  ['killed 3', 'ush adam qaza tapty'],
  ['killed 2', 'екеуі қаза тапты'],
  ['killed 1', 'Бір адам қаза тапты'],
  ['killed 2', '2 адам оққа ұшты'],
  ['killed ≥5', 'кемінде 5 адам қаза болды'],
  ['killed ≥3', 'бірнеше адам қаза тапты'],
  ['injured ≥100', '100-ден астам адам жараланды'],
  ['injured ≥1000', '1000-нан астам адам жараланды'],
  ['injured ≤10', '10-ға жуық адам жараланды'],
  ['injured 20', 'шамамен 20 адам жараланды'],
  ['injured ≥100', 'жүздеген адам жараланды'],
  ['injured 2', 'Екі адам жараланды'],
  ['injured 2', 'eki adam jaralandy'],
  ['injured 2', 'Сағат 14:30, 2 адам жараланды'],
  ['injured 3', '1000 адам жиналды, 3 адам жараланды'],
  ['killed 3', '5 қаңтарда 3 адам қаза тапты'],
  ['killed 0', 'қаза тапқандар жоқ'],
  ['killed 0', 'Kaza tapkandar jok'],
  ['killed 0', 'ешкім қаза тапқан жоқ'],
  ['killed 0', 'Абай көшесі 12 үйде қаза тапқандар жоқ'],
  ['injured 0', 'жаралылар жоқ'],
  [undefined, '200 адам жиналды'],
  [undefined, '5 қаңтарда қаза тапты'],
  [undefined, '5-ші қабатта қаза тапты'],
  // Bodies seen are the dead
  ['killed 3', 'видел 3 тела у акимата'],
  ['killed ≥10', 'десятки тел на площади'],
  ['killed 3', 'үш мәйіт жатыр'],
  ['killed 3', 'ush mayit jatyr'],
  ['killed 4', 'I counted four bodies'],
  [undefined, 'тел. 8 701 555 11 22'],
  // Number words of every language
  ['killed 7', 'Жаңаөзенде жеті адам қаза тапты'],
  ['killed 7', 'zheti adam qaza tapty'],
  ['injured 4', 'tört adam jaralandy'],
  ['killed 40', 'қырық адам қаза тапты'],
  ['killed 1', 'бір жігіт қаза тапты'],
  ['killed 8', 'погибли восьмеро'],
  ['killed 16', 'шестнадцать погибших'],
  ['killed 12', 'twelve killed'],
  [undefined, 'он погиб, а она ранена была вчера'],
  [undefined, 'the phone battery died'],
  // One named victim with no count; plural people with no count are "several"
  ['killed 1', 'водитель погиб'],
  ['killed 1', 'Водитель такси погиб на Абая'],
  ['killed 1', 'погиб мой брат'],
  ['killed 1', 'Застрелили водителя такси'],
  ['killed 0; injured 1', 'погибших нет, но водитель ранен'],
  ['killed 1', 'a police officer was killed'],
  ['killed 1', 'Soldier killed in Almaty'],
  ['killed 1', 'Police shot dead a protester'],
  ['killed 1', 'his brother died'],
  ['killed 1', 'жүргізуші қаза тапты'],
  ['killed 1', 'Менің інім қаза тапты'],
  ['killed 1', 'жүргізушіні атып өлтірді'],
  ['killed 3; injured 1', '3 адам қаза тапты, жүргізуші жараланды'],
  ['killed ≥3', 'погибли люди'],
  ['killed ≥3', 'Погибли полицейские'],
  ['killed ≥3', 'people were killed'],
  ['killed ≥3', 'адамдар қаза тапты'],
  ['injured ≥3', 'балалар жараланды'],
  [undefined, 'погибли водитель и пассажир'],
  [undefined, 'brother and sister died'],
  [undefined, 'Інім, ағам қаза тапты'],
  [undefined, 'The man killed them'],
  [undefined, 'my phone is dead'],
  [undefined, 'водитель сказал, что погиб'],
  [undefined, 'чуть не погиб водитель'],
  [undefined, 'Погиб человек'],
  // The officials' words: "ликвидированы", "eliminated", "жойылды", counted only for people
  ['killed ≥12', 'dozens of "attackers" were killed'],
  ['killed ≥10', 'десятки нападавших ликвидированы'],
  ['killed 26', 'ликвидированы 26 террористов'],
  ['killed ≥12', 'eliminated dozens of terrorists'],
  ['killed 26', 'neutralised 26 armed criminals'],
  ['killed ≥10', 'ондаған адам жойылды'],
  ['killed 1', 'ликвидирован террорист'],
  [undefined, 'уничтожено 30 машин'],
  [undefined, 'уничтожены 3 единицы техники'],
  // People between the count and the word, and counts added up
  ['killed 8', '8 police and national guard servicemen killed'],
  ['killed 7', '2 полицейских и 5 протестующих погибли'],
  ['killed 5', '3 soldiers and 2 policemen were killed'],
  ['killed 3', '100 people gathered and 3 were killed'],
  [undefined, '100 people gathered and police killed'],
  // None were, one word or two
  ['killed 0; injured 0', 'Қаза тапқан да, жараланған да жоқ'],
  ['killed 0; injured 0', 'ни погибших, ни раненых нет'],
  ['killed 0; injured 0', 'погибших и раненых нет'],
  ['killed 0; injured 0', 'no deaths or injuries'],
  ['killed 0', 'Ешкім қаза таппады'],
  ['injured 0', 'Ни один человек не пострадал'],
  ['killed 3; injured 5', 'убитых трое и пятеро раненых'],
];

describe('readCasualties', () => {
  it('reads who was killed and injured, and how many, in three languages', () => {
    const wrong = CASES.map(([want, text]) => ({ want, text, got: summary(readCasualties(text)) })).filter((c) => c.got !== c.want);
    assert.deepEqual(
      wrong.map((c) => `${c.want} ← ${c.got}: ${c.text}`),
      [],
    );
  });

  it('gives ACLED the most conservative figure, zero when none were killed', () => {
    const acled: ReadonlyArray<[number, string]> = [
      [8, '8 killed'],
      [8, '8-10 погибших'],
      [10, 'десятки погибших'],
      [12, 'dozens killed'],
      [10, 'ондаған адам қаза тапты'],
      [200, 'более 200 человек погибли'],
      [10, 'до 10 погибших'],
      [0, 'жертв нет'],
      [0, 'no casualties'],
      [0, 'қаза тапқандар жоқ'],
      [0, 'есть погибшие'],
      [1, 'водитель погиб'],
      [3, 'погибли люди'],
      [7, '2 полицейских и 5 протестующих погибли'],
      [0, 'Қаза тапқан да, жараланған да жоқ'],
    ];
    assert.deepEqual(
      acled.map(([, text]) => [readCasualties(text)?.killed?.acled, text]),
      acled,
    );
  });

  it('keeps the words as written, the qualifier with them', () => {
    const wording: ReadonlyArray<[string, string]> = [
      ['at least 8 dead', 'Reportedly at least 8 dead in Almaty'],
      ['более 200 человек погибли', 'В Алматы более 200 человек погибли'],
      ['100-ден астам адам жараланды', 'Алматыда 100-ден астам адам жараланды.'],
      ['от 8 до 10 погибших', 'Говорят, от 8 до 10 погибших'],
      ['over 4,000 injured', 'Officials say over 4,000 injured'],
    ];
    for (const [want, text] of wording) {
      const got = readCasualties(text);
      assert.equal((got?.killed ?? got?.injured)?.wording, want, text);
    }
  });

  it('points every piece of evidence at the words of the report', () => {
    for (const [want, text] of CASES) {
      if (!want) continue;
      const got = readCasualties(text)!;
      for (const side of [got.killed, got.injured]) {
        if (!side) continue;
        assert.ok(side.evidence.length > 0, text);
        assert.equal(side.evidence[0]!.quote, side.wording, text);
        for (const e of side.evidence) assert.equal(text.slice(e.start, e.end), e.quote, text);
      }
    }
  });

  it('lists a second figure for the same side as evidence and trusts the reading less', () => {
    const one = readCasualties('164 погибших')!;
    const two = readCasualties('164 погибших. По другим данным, погибли 225 человек')!;
    assert.equal(figure(two.killed), '164');
    assert.deepEqual(
      two.killed!.evidence.map((e) => e.quote),
      ['164 погибших', 'погибли 225'],
    );
    assert.ok(two.confidence < one.confidence);
    // A figure outweighs a victim read from the words, wherever it stands.
    const named = readCasualties('Водитель погиб. Всего 8 погибших')!;
    assert.equal(figure(named.killed), '8');
    assert.deepEqual(
      named.killed!.evidence.map((e) => e.quote),
      ['8 погибших', 'Водитель погиб'],
    );
  });

  it('is surer of an exact count than of a range, a vague word or a bare "есть погибшие"', () => {
    const c = (text: string) => readCasualties(text)!.confidence;
    assert.ok(c('8 погибших') > c('8-10 погибших'));
    assert.ok(c('8-10 погибших') > c('десятки погибших'));
    assert.ok(c('десятки погибших') > c('есть погибшие'));
    assert.ok(c('есть погибшие') > 0);
    assert.ok(c('8 погибших') > c('водитель погиб'), 'a figure over one read from the words');
    assert.ok(c('водитель погиб') > c('погибли люди'), 'one named victim over "several"');
  });
});
