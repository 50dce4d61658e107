import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TimePrecision, localClock, localDate } from '../time.ts';
import { type TimeReference, type TimeSuggestion, bestReference, forwardedTime, readTime } from './time.ts';

const ALMATY = 'Asia/Almaty';
const AQTAU = 'Asia/Aqtau';
/** Sent on Wednesday 5 January 2022 at 14:02 in Almaty. */
const SENT: TimeReference = { at: new Date('2022-01-05T14:02:00+06:00'), kind: 'sent' };
const sent = (iso: string): TimeReference => ({ at: new Date(iso), kind: 'sent' });
const local = (iso: string, tz = ALMATY) => `${localDate(iso, tz)} ${localClock(iso, tz)}`;

type Want = readonly [start: string, end: string, precision: TimePrecision];
const NOTHING: Want = ['2022-01-05 00:00', '2022-01-05 14:02', 'day'];
const FUTURE: Want = ['2022-01-05 00:00', '2022-01-05 14:02', 'day'];
const TODAY: Want = ['2022-01-05 00:00', '2022-01-05 14:02', 'day'];
const YESTERDAY: Want = ['2022-01-04 00:00', '2022-01-05 00:00', 'day'];
const DAY_BEFORE: Want = ['2022-01-03 00:00', '2022-01-04 00:00', 'day'];
const LAST_NIGHT: Want = ['2022-01-04 18:00', '2022-01-05 06:00', 'part_of_day'];
const MORNING: Want = ['2022-01-05 06:00', '2022-01-05 12:00', 'part_of_day'];
const SINCE_MORNING: Want = ['2022-01-05 06:00', '2022-01-05 14:02', 'part_of_day'];
const AFTERNOON: Want = ['2022-01-05 12:00', '2022-01-05 14:02', 'part_of_day'];
const EVENING_BEFORE: Want = ['2022-01-04 18:00', '2022-01-05 00:00', 'part_of_day'];
const NIGHT: Want = ['2022-01-05 00:00', '2022-01-05 06:00', 'part_of_day'];
const NOW: Want = ['2022-01-05 13:47', '2022-01-05 14:02', 'minute'];
const AT_1330: Want = ['2022-01-05 13:30', '2022-01-05 13:31', 'minute'];
const AT_23_BEFORE: Want = ['2022-01-04 23:00', '2022-01-04 23:01', 'minute'];
const ABOUT_23_BEFORE: Want = ['2022-01-04 23:00', '2022-01-05 00:00', 'hour'];
const ABOUT_14: Want = ['2022-01-05 14:00', '2022-01-05 14:02', 'hour'];
const AT_11: Want = ['2022-01-05 11:00', '2022-01-05 12:00', 'hour'];
const AT_15_BEFORE: Want = ['2022-01-04 15:00', '2022-01-04 16:00', 'hour'];
const TEN_TO_NOON: Want = ['2022-01-05 10:00', '2022-01-05 12:00', 'hour'];
const TEN_TO_NOON_MINUTES: Want = ['2022-01-05 10:00', '2022-01-05 12:00', 'minute'];
const CURFEW: Want = ['2022-01-04 23:00', '2022-01-05 07:00', 'minute'];
const JAN_4: Want = YESTERDAY;
const JAN_4_MORNING: Want = ['2022-01-04 06:00', '2022-01-04 12:00', 'part_of_day'];
const JAN_4_AT_14: Want = ['2022-01-04 14:00', '2022-01-04 14:01', 'minute'];
const SINCE_JAN_2: Want = ['2022-01-02 00:00', '2022-01-05 14:02', 'days'];
const JAN_2_TO_4: Want = ['2022-01-02 00:00', '2022-01-05 00:00', 'days'];

/** Reports as the desk got them, sent at SENT from Almaty, the same time told in each language side by side. */
const CASES: ReadonlyArray<readonly [string, Want]> = [
  // Days said relative to the message
  ['Shooting today near the akimat', TODAY],
  ['Сегодня стреляют у акимата', TODAY],
  ['Бүгін әкімдік жанында атыс', TODAY],
  ['Бугин акимдик жанында атыс', TODAY],
  ['Bugin akimdik janynda atys', TODAY],
  ['Yesterday the police dispersed the rally', YESTERDAY],
  ['Вчера разогнали митинг', YESTERDAY],
  ['Кеше шеруді таратты', YESTERDAY],
  ['Кеше шеруди таратты', YESTERDAY],
  ['Keshe sherudi taratty', YESTERDAY],
  ['kesh alanda jinaldy', YESTERDAY],
  ['The day before yesterday they gathered', DAY_BEFORE],
  ['Позавчера собрались у акимата', DAY_BEFORE],
  ['Алдыңғы күні жиналды', DAY_BEFORE],
  ['Алдынгуни жиналды', DAY_BEFORE],
  ['Aldyngy kuni jinaldy', DAY_BEFORE],
  // Parts of the day
  ['Heavy gunfire last night', LAST_NIGHT],
  ['Этой ночью стреляли', LAST_NIGHT],
  ['Прошлой ночью стреляли', LAST_NIGHT],
  ['Вчера ночью стреляли', LAST_NIGHT],
  ['Кеше түнде атыс болды', LAST_NIGHT],
  ['Кеше тунде атыс болды', LAST_NIGHT],
  ['Keshe tunde atys boldy', LAST_NIGHT],
  ['Shots at night', NIGHT],
  ['Ночью стреляли', NIGHT],
  ['Түнде атыс болды', NIGHT],
  ['Tunde atys boldy', NIGHT],
  ['This morning people gathered', MORNING],
  ['Сегодня утром собрались люди', MORNING],
  ['Утром собрались люди', MORNING],
  ['Бүгін таңертең адамдар жиналды', MORNING],
  ['Бугин танертен адамдар жиналды', MORNING],
  ['Tanerten adamdar jinaldy', MORNING],
  ['No internet since morning', SINCE_MORNING],
  ['С утра нет интернета', SINCE_MORNING],
  ['Таңертеңнен бері интернет жоқ', SINCE_MORNING],
  ['Tañerteñnen beri internet joq', SINCE_MORNING],
  ['In the afternoon the crowd grew', AFTERNOON],
  ['Днём толпа выросла', AFTERNOON],
  ['Днем толпа выросла', AFTERNOON],
  ['Түсте адамдар көбейді', AFTERNOON],
  ['Түстен кейін адамдар көбейді', AFTERNOON],
  ['Tusten keiin adamdar kobeidi', AFTERNOON],
  // An evening not yet come today is yesterday's
  ['In the evening cars were burning', EVENING_BEFORE],
  ['Вечером горели машины', EVENING_BEFORE],
  ['Вчера вечером горели машины', EVENING_BEFORE],
  ['Кешке көліктер жанды', EVENING_BEFORE],
  ['Кеше кешке көліктер жанды', EVENING_BEFORE],
  ['Keshe keshke kolikter jandy', EVENING_BEFORE],
  // Now
  ['Shooting right now', NOW],
  ['Сейчас стреляют', NOW],
  ['Қазір атып жатыр', NOW],
  ['Казир атып жатыр', NOW],
  ['Qazir atyp jatyr', NOW],
  // Clocks
  ['At 13:30 the police arrived', AT_1330],
  ['В 13.30 приехала полиция', AT_1330],
  ['Сағат 13:30-да полиция келді', AT_1330],
  ['Сагат 13:30да полиция келди', AT_1330],
  ['Saghat 13:30-da policia keldi', AT_1330],
  ['At 23:00 shots were heard', AT_23_BEFORE],
  ['В 23:00 были слышны выстрелы', AT_23_BEFORE],
  ['Around 11 pm shots were heard', ABOUT_23_BEFORE],
  ['Около 23:00 были слышны выстрелы', ABOUT_23_BEFORE],
  ['В 11 вечера были слышны выстрелы', ABOUT_23_BEFORE],
  ['Кешкі сағат 11-де атыс естілді', ABOUT_23_BEFORE],
  ['Keshki sagat 11-de atys estildi', ABOUT_23_BEFORE],
  ['Jan 4 around 11 pm shots were heard', ABOUT_23_BEFORE],
  ['2 pm: people are gathering', ABOUT_14],
  ['Около 14:00 собираются люди', ABOUT_14],
  ['14ч собираются люди', ABOUT_14],
  ['Сағат 14 шамасында жиналып жатыр', ABOUT_14],
  ['Сағат 11-де жиналды', AT_11],
  ['Sagat 11de jinaldy', AT_11],
  ['В 11 утра собрались', AT_11],
  ['At 11 am they gathered', AT_11],
  ['At 3 pm the square was cleared', AT_15_BEFORE],
  ['В 3 часа дня площадь зачистили', AT_15_BEFORE],
  ['Түстен кейін сағат 3-те алаңды тазалады', AT_15_BEFORE],
  ['From 10 to 12 the road was closed', TEN_TO_NOON],
  ['С 10 до 12 дорога была перекрыта', TEN_TO_NOON],
  ['Сағат 10-нан 12-ге дейін жол жабық болды', TEN_TO_NOON],
  ['10:00–12:00 the road was closed', TEN_TO_NOON_MINUTES],
  ['С 10:00 до 12:00 дорога перекрыта', TEN_TO_NOON_MINUTES],
  ['10:00-ден 12:00-ге дейін жол жабық', TEN_TO_NOON_MINUTES],
  ['В 8 часов собрались', ['2022-01-05 08:00', '2022-01-05 09:00', 'hour']],
  ['В 2 часа собрались', ABOUT_14],
  ['Часов в 11 собрались', AT_11],
  ['В 14:00 мск стреляли', ['2022-01-04 17:00', '2022-01-04 17:01', 'minute']],
  ['Last night at 2 am', ['2022-01-05 02:00', '2022-01-05 03:00', 'hour']],
  ['Вчера ночью в 2 часа', ['2022-01-05 02:00', '2022-01-05 03:00', 'hour']],
  ['Кеше түнде сағат 2-де', ['2022-01-05 02:00', '2022-01-05 03:00', 'hour']],
  ['В ночь на 5 января стреляли', LAST_NIGHT],
  ['An hour ago', ['2022-01-05 13:02', '2022-01-05 14:02', 'hour']],
  ['Час назад', ['2022-01-05 13:02', '2022-01-05 14:02', 'hour']],
  ['Бір сағат бұрын', ['2022-01-05 13:02', '2022-01-05 14:02', 'hour']],
  ['Полчаса назад', ['2022-01-05 13:32', '2022-01-05 13:37', 'minute']],
  ['В 13-30 приехала полиция', AT_1330],
  ['После 13:30 стреляли', ['2022-01-05 13:30', '2022-01-05 14:02', 'minute']],
  ['Tuesday night, gunfire', LAST_NIGHT],
  ['4 января ночью стреляли', LAST_NIGHT],
  ['4 қаңтар түні атыс болды', LAST_NIGHT],
  ['5 января ночью стреляли', LAST_NIGHT],
  ['Комендантский час с 23:00 до 7:00', CURFEW],
  ['Curfew from 23:00 to 07:00', CURFEW],
  // Dates
  ['January 4th, protest in Aktau', JAN_4],
  ['Jan 4: protest in Aktau', JAN_4],
  ['4 Jan protest in Aktau', JAN_4],
  ['2022-01-04 protest in Aktau', JAN_4],
  ['4 января митинг в Актау', JAN_4],
  ['4-го января митинг в Актау', JAN_4],
  ['4го митинг в Актау', JAN_4],
  ['04.01 митинг в Актау', JAN_4],
  ['4.01.2022 митинг в Актау', JAN_4],
  ['04/01 митинг в Актау', JAN_4],
  ['4/1 митинг в Актау', JAN_4],
  ['4 қаңтар Ақтауда шеру', JAN_4],
  ['4-қаңтар Ақтауда шеру', JAN_4],
  ['4 қаңтарда Ақтауда шеру болды', JAN_4],
  ['Қаңтардың 4-і Ақтауда шеру', JAN_4],
  ['4 кантарда Актауда шеру болды', JAN_4],
  ['Кантардын 4-и Актауда шеру', JAN_4],
  ['4 qantarda Aqtauda sheru boldy', JAN_4],
  ['On Tuesday, protest in Aktau', JAN_4],
  ['Во вторник митинг в Актау', JAN_4],
  ['Сейсенбі күні Ақтауда шеру', JAN_4],
  ['5 января днём собрались', AFTERNOON],
  ['Утро 4го, площадь', JAN_4_MORNING],
  ['4-го утром на площади', JAN_4_MORNING],
  ['4 қаңтар таңертең алаңда', JAN_4_MORNING],
  ['Jan 4 in the morning on the square', JAN_4_MORNING],
  ['4 января вечером горели машины', EVENING_BEFORE],
  ['4 қаңтар кешке көліктер жанды', EVENING_BEFORE],
  ['Вчера в 14:00 стреляли', JAN_4_AT_14],
  ['Кеше сағат 14:00-де атыс болды', JAN_4_AT_14],
  ['Yesterday at 14:00 shots', JAN_4_AT_14],
  ['Strike since January 2', SINCE_JAN_2],
  ['Забастовка со 2 января', SINCE_JAN_2],
  ['2 қаңтардан бері ереуіл', SINCE_JAN_2],
  ['Protests January 2-4', JAN_2_TO_4],
  ['Протесты 2-4 января', JAN_2_TO_4],
  ['Протесты со 2 по 4 января', JAN_2_TO_4],
  ['Протесты с 2 января по 4 января', JAN_2_TO_4],
  ['2-4 қаңтар аралығында наразылық', JAN_2_TO_4],
  // Numbers that are not times
  ['8 killed, 200 people injured', NOTHING],
  ['Погибли 8 человек', NOTHING],
  ['Call +7 701 123 45 67 for help', NOTHING],
  ['Звоните 8 (701) 123-45-67', NOTHING],
  ['Стоим в 200 метрах от акимата', NOTHING],
  ['Жители 5-го микрорайона вышли', NOTHING],
  ['Около 20 человек задержаны', NOTHING],
  ['Стреляли 3 часа подряд', NOTHING],
  ['Как Жанаозен-2011', NOTHING],
  ['2011 жылы Жаңаөзенде де солай болған', NOTHING],
  ['Как 16 декабря 2011 года в Жанаозене', NOTHING],
  ['Mangystau time is an hour behind', NOTHING],
  ['Добрый вечер, пишу из Алматы', NOTHING],
  ['Офис на Абая 10/1 закрыт', NOTHING],
  ['С 10 до 12 человек задержаны', NOTHING],
  ['С днём рождения, мама', NOTHING],
  ['Пересланное видео, снято вчера вечером', EVENING_BEFORE],
  // Told, but not yet come: no reading
  ['Tomorrow at 14:00 a rally', FUTURE],
  ['Завтра в 14:00 митинг', FUTURE],
  ['Сегодня вечером будет митинг', FUTURE],
  ['Ертең сағат 14:00-де шеру', FUTURE],
  ['Rally tonight', FUTURE],
  ['6 января митинг', FUTURE],
];

const check = (got: TimeSuggestion, ref: TimeReference, want: Want, tz = ALMATY) => {
  assert.deepEqual([local(got.start, tz), local(got.end, tz), got.precision], want);
  assert.ok(got.start <= got.end, `${got.start} ≤ ${got.end}`);
  assert.ok(got.end <= ref.at.toISOString(), `${got.end} ≤ reference ${ref.at.toISOString()}`);
};

describe('readTime', () => {
  for (const [text, want] of CASES) {
    it(`${text} → ${want.join(' … ')}`, () => {
      const got = readTime(text, { reference: SENT, timeZone: ALMATY });
      check(got, SENT, want);
      assert.equal(got.timeZone, ALMATY);
      if (want === NOTHING || want === FUTURE) {
        assert.deepEqual(got.evidence, [{ from: 'channel', quote: 'sent 2022-01-05 14:02 +06:00' }]);
        assert.equal(got.confidence, want === NOTHING ? 0.3 : 0.2);
      } else {
        assert.ok(got.evidence.length > 0);
        for (const e of got.evidence) assert.equal(text.slice(e.start, e.end), e.quote);
        assert.ok(got.confidence > 0.3, String(got.confidence));
      }
    });
  }

  const AROUND_MIDNIGHT: ReadonlyArray<readonly [string, string, Want]> = [
    // Just after midnight, yesterday evening is the evening that has just passed, and so is "tonight's".
    ['Вчера вечером горели машины', '2022-01-06T00:10:00+06:00', ['2022-01-05 18:00', '2022-01-06 00:00', 'part_of_day']],
    ['Кеше кешке көліктер жанды', '2022-01-06T00:10:00+06:00', ['2022-01-05 18:00', '2022-01-06 00:00', 'part_of_day']],
    ['Yesterday evening cars burned', '2022-01-06T00:10:00+06:00', ['2022-01-05 18:00', '2022-01-06 00:00', 'part_of_day']],
    ['Сегодня вечером горели машины', '2022-01-06T00:10:00+06:00', ['2022-01-05 18:00', '2022-01-06 00:00', 'part_of_day']],
    // At 1 am, last night is the night going on.
    ['Gunfire last night', '2022-01-06T01:00:00+06:00', ['2022-01-05 18:00', '2022-01-06 01:00', 'part_of_day']],
    ['Этой ночью стреляли', '2022-01-06T01:00:00+06:00', ['2022-01-05 18:00', '2022-01-06 01:00', 'part_of_day']],
    ['Түнде атыс болды', '2022-01-06T01:00:00+06:00', ['2022-01-06 00:00', '2022-01-06 01:00', 'part_of_day']],
    // Before dawn, "this morning" is yesterday's.
    ['Утром собрались люди', '2022-01-05T05:00:00+06:00', ['2022-01-04 06:00', '2022-01-04 12:00', 'part_of_day']],
    // New Year's Eve read in January is last year's.
    ['31 декабря в Алматы было тихо', '2022-01-02T10:00:00+06:00', ['2021-12-31 00:00', '2022-01-01 00:00', 'day']],
    ['31 желтоқсан Алматыда тыныш болды', '2022-01-02T10:00:00+06:00', ['2021-12-31 00:00', '2022-01-01 00:00', 'day']],
    ['December 31 was calm in Almaty', '2022-01-02T10:00:00+06:00', ['2021-12-31 00:00', '2022-01-01 00:00', 'day']],
    ['31.12 в Алматы было тихо', '2022-01-02T10:00:00+06:00', ['2021-12-31 00:00', '2022-01-01 00:00', 'day']],
    ['Протесты с 30 декабря по 2 января', '2022-01-05T10:00:00+06:00', ['2021-12-30 00:00', '2022-01-03 00:00', 'days']],
  ];
  for (const [text, iso, want] of AROUND_MIDNIGHT) {
    it(`${text} at ${iso} → ${want.join(' … ')}`, () => check(readTime(text, { reference: sent(iso), timeZone: ALMATY }), sent(iso), want));
  }

  it('reads the same local words in Zhanaozen (UTC+5) and Almaty (UTC+6) as different instants', () => {
    for (const text of ['Сегодня в 11:00 собрались', 'Бүгін сағат 11:00-де жиналды', 'Today at 11:00 they gathered']) {
      const almaty = readTime(text, { reference: SENT, timeZone: ALMATY });
      const zhanaozen = readTime(text, { reference: SENT, timeZone: AQTAU });
      assert.equal(almaty.start, '2022-01-05T05:00:00.000Z', text);
      assert.equal(zhanaozen.start, '2022-01-05T06:00:00.000Z', text);
      assert.equal(zhanaozen.timeZone, AQTAU);
    }
    const evening = readTime('Вчера вечером', { reference: SENT, timeZone: AQTAU });
    assert.equal(evening.start, '2022-01-04T13:00:00.000Z');
  });

  it('reads a clock in the zone it is given in', () => {
    const astana = readTime('В 13:00 по времени Астаны', { reference: SENT, timeZone: AQTAU });
    assert.equal(local(astana.start, AQTAU), '2022-01-05 12:00');
    const almaty = readTime('13:00 Almaty time, shots', { reference: SENT, timeZone: AQTAU });
    assert.equal(almaty.start, '2022-01-05T07:00:00.000Z');
    const kazakh = readTime('Алматы уақытымен сағат 13:00-де', { reference: SENT, timeZone: AQTAU });
    assert.equal(kazakh.start, '2022-01-05T07:00:00.000Z');
    const named = readTime('В 13:00 по местному времени', { reference: SENT, timeZone: AQTAU });
    assert.equal(local(named.start, AQTAU), '2022-01-05 13:00');
  });

  it('says which readings are approximate', () => {
    const approx = (text: string) => readTime(text, { reference: SENT, timeZone: ALMATY }).approximate;
    for (const text of ['Около 14:00', 'around 11 pm', 'в 11 вечера', 'шамамен сағат 11-де', 'сағат 11-лерде', 'часов в 11 утра']) {
      assert.equal(approx(text), true, text);
    }
    for (const text of ['В 13:30', 'at 13:30', 'сағат 13:30-да', 'вчера', 'утром']) assert.equal(approx(text), false, text);
  });

  it('is surer of a date and clock than of a clock, of a clock than a part of the day, and least of nothing', () => {
    const c = (text: string, reference = SENT) => readTime(text, { reference, timeZone: ALMATY }).confidence;
    assert.ok(c('4 января в 14:00') > c('в 13:30'));
    assert.ok(c('в 13:30') > c('утром'));
    assert.ok(c('утром') > c('Стреляют'));
    assert.ok(c('4 января в 14:00') >= 0.9);
    assert.ok(c('вчера', { ...SENT, kind: 'received' }) < c('вчера'));
  });

  it('lets the "when" field outweigh the text and fill in what it lacks', () => {
    const filled = readTime('В 14:00 стреляли', { reference: SENT, timeZone: ALMATY, when: 'вчера' });
    check(filled, SENT, JAN_4_AT_14);
    assert.deepEqual(
      filled.evidence.map((e) => [e.from, e.quote]),
      [
        ['when', 'вчера'],
        ['text', '14:00'],
      ],
    );
    const outweighs = readTime('Сегодня утром собрались', { reference: SENT, timeZone: ALMATY, when: '4 января вечером' });
    check(outweighs, SENT, EVENING_BEFORE);
    assert.deepEqual(
      outweighs.evidence.map((e) => e.from),
      ['when'],
    );
    const only = readTime('Стреляют', { reference: SENT, timeZone: ALMATY, when: 'кеше' });
    check(only, SENT, YESTERDAY);
    assert.deepEqual(only.evidence, [{ from: 'when', quote: 'кеше', start: 0, end: 4 }]);
  });

  it('takes the day for a later clock from earlier in the text', () => {
    check(readTime('Вчера собрались на площади. В 14:00 начали стрелять', { reference: SENT, timeZone: ALMATY }), SENT, JAN_4_AT_14);
  });
});

describe('forwarded messages', () => {
  const text = 'Forwarded from Almaty Live [04.01.2022 22:15]\nВчера вечером стреляли на площади';
  const sentLater = new Date('2022-01-07T10:00:00+06:00');

  it('reads relative words against the forwarded message, not the forward', () => {
    const fwd = forwardedTime(text, ALMATY)!;
    assert.equal(local(fwd.at.toISOString()), '2022-01-04 22:15');
    assert.deepEqual(fwd.evidence, { from: 'text', quote: 'Forwarded from Almaty Live [04.01.2022 22:15]', start: 0, end: 45 });
    const reference = bestReference({ sentAt: sentLater, forwardedAt: fwd.at })!;
    assert.equal(reference.kind, 'forwarded');
    const got = readTime(text, { reference, timeZone: ALMATY });
    check(got, reference, ['2022-01-03 18:00', '2022-01-04 00:00', 'part_of_day']);
    assert.equal(got.reference, 'forwarded');
    const fromSent = readTime(text, { reference: { at: sentLater, kind: 'sent' }, timeZone: ALMATY });
    assert.deepEqual([fromSent.start, fromSent.end, fromSent.reference], [got.start, got.end, 'forwarded']);
  });

  it('does not take the header stamp for the time of the event', () => {
    const got = readTime('Forwarded from Almaty Live [04.01.2022 22:15]\nСтреляют', {
      reference: { at: sentLater, kind: 'sent' },
      timeZone: ALMATY,
    });
    check(got, { at: sentLater, kind: 'sent' }, ['2022-01-04 00:00', '2022-01-04 22:15', 'day']);
    assert.equal(got.evidence[0]?.quote, 'forwarded 2022-01-04 22:15 +06:00');
    assert.equal(got.confidence, 0.3);
  });

  const HEADERS: ReadonlyArray<readonly [string, string | undefined]> = [
    ['Forwarded from Orda.kz [05.01.2022 14:32]\nтекст', '2022-01-05 14:32'],
    ['[1/5/22 2:32 PM] Azattyq: police on the square', '2022-01-05 14:32'],
    ['Azattyq, [05.01.2022 14:32]\nПолиция на площади', '2022-01-05 14:32'],
    ['Пересланное сообщение\nОт: Азаттык\n05.01.2022, 14:32\nСтреляют', '2022-01-05 14:32'],
    ['Переслано от Orda.kz 05.01.2022 14:32\nСтреляют', '2022-01-05 14:32'],
    ['Forwarded message\nFrom: KazTAG\nDate: 05.01.22 14:32\nShots', '2022-01-05 14:32'],
    ['Қайта жіберілген хабарлама 05.01.2022 14:32', '2022-01-05 14:32'],
    ['Стреляют у акимата, 05.01 в 14:32', undefined],
    ['Forwarded from Orda.kz\nСтреляют', undefined],
  ];
  for (const [header, want] of HEADERS) {
    it(`finds the stamp in ${JSON.stringify(header.split('\n')[0])}`, () => {
      const got = forwardedTime(header, ALMATY);
      assert.equal(got && local(got.at.toISOString()), want);
      if (got) assert.equal(header.slice(got.evidence.start, got.evidence.end), got.evidence.quote);
    });
  }
});

describe('bestReference', () => {
  const t = (iso: string) => new Date(iso);
  it('prefers forwarded, then written, then sent, then received, skipping what is not a date', () => {
    const all = {
      forwardedAt: t('2022-01-04T10:00Z'),
      writtenAt: t('2022-01-05T10:00Z'),
      sentAt: t('2022-01-06T10:00Z'),
      receivedAt: t('2022-01-07T10:00Z'),
    };
    assert.equal(bestReference(all)?.kind, 'forwarded');
    assert.equal(bestReference({ ...all, forwardedAt: null })?.kind, 'written');
    assert.equal(bestReference({ ...all, forwardedAt: 'nonsense', writtenAt: new Date('x') })?.kind, 'sent');
    assert.deepEqual(bestReference({ receivedAt: '2022-01-07T10:00:00Z' }), { at: t('2022-01-07T10:00:00Z'), kind: 'received' });
    assert.equal(bestReference({ sentAt: '05.01.2022' }), undefined);
    assert.equal(bestReference({}), undefined);
  });
});
