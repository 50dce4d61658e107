import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHearsay } from './hearsay.ts';

const HEDGED = 'hedged';
const FIRST = 'first-hand';
const BOTH = 'hedged, first-hand';
const NEITHER = 'neither';

const label = (text: string) => {
  const { hedged, firstHand } = readHearsay(text);
  return hedged && firstHand ? BOTH : hedged ? HEDGED : firstHand ? FIRST : NEITHER;
};

/** Reports of the kind the desk got in January 2022, written by us, and how each reads. */
const CASES: ReadonlyArray<[string, string]> = [
  // English: hearsay
  [HEDGED, 'Unconfirmed: shooting at the airport'],
  [HEDGED, 'This is not confirmed yet'],
  [HEDGED, 'Rumours of troops in Almaty'],
  [HEDGED, 'rumor: the akimat is on fire'],
  [HEDGED, 'Reportedly 8 killed'],
  [HEDGED, 'allegedly the akimat is burning'],
  [HEDGED, 'They say the police left the city'],
  [HEDGED, 'People say there is shooting near the square'],
  [HEDGED, 'I heard that the airport was taken'],
  [HEDGED, 'I was told by a friend that tanks are coming'],
  [HEDGED, 'According to a friend, 3 died'],
  [HEDGED, "I can't confirm this, but shops are being looted"],
  [HEDGED, 'unverified info: internet is down everywhere'],
  [HEDGED, 'I did not see it myself'],
  [HEDGED, 'I never saw it, my brother did'],
  [HEDGED, 'I was not there'],
  [HEDGED, 'I saw it on Telegram'],
  [HEDGED, 'My friend saw the tanks'],
  [HEDGED, 'He said he saw it himself'],
  [HEDGED, 'Eyewitnesses say 5 dead'],
  [HEDGED, 'forwarding from a group chat'],
  [HEDGED, 'Fwd: stay home tonight'],
  // English: first-hand
  [FIRST, 'I saw soldiers at the airport'],
  [FIRST, 'I see smoke over the akimat'],
  [FIRST, 'I am here on the square'],
  [FIRST, 'we are on the square, thousands of us'],
  [FIRST, "I'm at the akimat right now"],
  [FIRST, 'I was there when they opened fire'],
  [FIRST, 'I heard gunshots all night'],
  [FIRST, 'No, I saw it myself'],
  [FIRST, 'not a rumour, I saw it myself'],
  [FIRST, 'I saw it with my own eyes'],
  // English: neither
  [NEITHER, "I'm at home"],
  [NEITHER, "I'm on my way to the square"],
  [NEITHER, 'I have never seen anything like this'],
  [NEITHER, 'I seem to be fine'],
  [NEITHER, 'no rumours here: the city is calm'],
  [NEITHER, 'Confirmed: 8 dead'],
  [NEITHER, 'Shooting on Abai avenue'],
  // Russian: hearsay
  [HEDGED, 'Не подтверждено, но говорят о погибших'],
  [HEDGED, 'непроверенная информация: горит акимат'],
  [HEDGED, 'неподтверждённая информация'],
  [HEDGED, 'не подтверждённая инфа, не проверенная'],
  [HEDGED, 'Говорят, стреляют на площади'],
  [HEDGED, 'по слухам, войска уже в городе'],
  [HEDGED, 'слухи о погибших в Талдыкоргане'],
  [HEDGED, 'ходят разговоры, что аэропорт захвачен'],
  [HEDGED, 'якобы захватили аэропорт'],
  [HEDGED, 'по словам очевидцев, стреляли с крыш'],
  [HEDGED, 'по данным МВД, 8 погибших'],
  [HEDGED, 'сообщают о стрельбе в центре'],
  [HEDGED, 'пишут, что горит акимат'],
  [HEDGED, 'сам не видел, но знакомые пишут'],
  [HEDGED, 'Сам этого не видел, но говорят'],
  [HEDGED, 'не видел сам, передаю как есть'],
  [HEDGED, 'не видел своими глазами'],
  [HEDGED, 'Меня там не было'],
  [HEDGED, 'передаю от друга'],
  [HEDGED, 'пересылаю из чата'],
  [HEDGED, 'я видел в телеграме, что аэропорт захвачен'],
  [HEDGED, 'вижу в новостях, что объявили ЧП'],
  [HEDGED, 'Друг видел сам'],
  [HEDGED, 'слышал, что стреляли'],
  [HEDGED, 'Это правда? Стреляют?'],
  // Russian: first-hand
  [FIRST, 'Видел сам, стреляли по толпе'],
  [FIRST, 'Я сам видел, как горел акимат'],
  [FIRST, 'своими глазами видел БТР'],
  [FIRST, 'я на площади, людей много'],
  [FIRST, 'мы стоим у акимата'],
  [FIRST, 'Мы на площади, нас много'],
  [FIRST, 'я здесь, всё спокойно'],
  [FIRST, 'вижу дым над акиматом'],
  [FIRST, 'не вижу полиции, только военные'],
  [FIRST, 'слышу выстрелы со стороны площади'],
  [FIRST, 'не слухи, видел сам'],
  // Russian: neither
  [NEITHER, 'это не слухи'],
  [NEITHER, 'Не верьте слухам, в городе спокойно'],
  [NEITHER, 'это не фейк'],
  [NEITHER, 'разговаривают на площади с акимом'],
  [NEITHER, 'уговорят разойтись'],
  [NEITHER, 'слуховой аппарат потерял'],
  [NEITHER, 'Стреляют на площади'],
  // Kazakh, in Kazakh letters, in Russian letters and in Latin: hearsay
  [HEDGED, 'Полиция айтуынша, 3 адам ұсталды'],
  [HEDGED, 'Алматыда атыс болды деп айтады'],
  [HEDGED, 'Әскер келді дейді'],
  [HEDGED, 'Полиция кетті дейт'],
  [HEDGED, 'Жаңаөзенде атыс болды деседі'],
  [HEDGED, 'Әуежайды басып алды деп естідім'],
  [HEDGED, 'естидим, аэропортты басып алыпты'],
  [HEDGED, 'Менің естуімше, интернет жоқ'],
  [HEDGED, 'расталмаған ақпарат'],
  [HEDGED, 'расталмаган акпарат'],
  [HEDGED, 'расталған жоқ'],
  [HEDGED, 'тексерілмеген ақпарат: әкімдік жанып жатыр'],
  [HEDGED, 'сыбыс бар, әскер келеді'],
  [HEDGED, 'өзім көрмедім, досым айтты'],
  [HEDGED, 'озим кормедим'],
  [HEDGED, 'Досым көріпті'],
  [HEDGED, 'aituynsha'],
  [HEDGED, 'Policia aıtýynsha, 3 adam ustaldy'],
  [HEDGED, 'estidim, atys boldy'],
  [HEDGED, 'rastalmagan aqparat'],
  [HEDGED, 'ozim kormedim'],
  [HEDGED, 'Бұл рас па?'],
  // Kazakh: first-hand
  [FIRST, 'Өзім көрдім, алаңда атыс болды'],
  [FIRST, 'көрдім, әскер келді'],
  [FIRST, 'кордим, аскер келди'],
  [FIRST, 'Өз көзіммен көрдім'],
  [FIRST, 'көзіммен көрдім'],
  [FIRST, 'әскерді көріп тұрмын'],
  [FIRST, 'Мен алаңдамын, адам көп'],
  [FIRST, 'мен аландамын'],
  [FIRST, 'Біз тұрмыз, кетпейміз'],
  [FIRST, 'Атыс дыбысын естідім'],
  [FIRST, 'Өзім көрдім, сыбыс емес'],
  [FIRST, 'kordim'],
  [FIRST, 'ozim kordim'],
  [FIRST, 'Ózim kórdim'],
  [FIRST, 'men alandamyn'],
  [FIRST, 'Alanda turmyz, atys jur'],
  // Kazakh: neither
  [NEITHER, 'бұл сыбыс емес'],
  [NEITHER, 'sybys emes'],
  [NEITHER, 'Бұл рас, атыс болды'],
  [NEITHER, 'ақ үй дейтін жерде жиналдық'],
  [NEITHER, 'Екенов Азамат хабарласты'],
  [NEITHER, 'Алматыда атыс'],
  // Both: hedged, and first-hand words in it
  [BOTH, 'говорят, но я сам видел'],
  [BOTH, 'Reportedly, I saw it myself'],
  [BOTH, 'People say it was the army. I heard maybe ten bangs'],
  [BOTH, 'Говорят, снайперы на крышах. Мы прячемся во дворах'],
  // Where the writer is, and what they do there, in Russian
  [FIRST, 'Я тут.'],
  [FIRST, 'Я рядом, людей всё больше'],
  [FIRST, 'Я снаружи, у входа'],
  [FIRST, 'был там до 17:00'],
  [FIRST, 'я была там'],
  [FIRST, 'стою у сцены'],
  [FIRST, 'Мы прячемся во дворах'],
  [FIRST, 'Пишу офлайн, отправлю когда будет связь'],
  [FIRST, 'Пишу смс, передайте дальше'],
  [FIRST, 'Пишу из Алматы'],
  [FIRST, 'Я в Алматы, на площади тысячи'],
  [FIRST, 'У нас во дворе стреляют'],
  [FIRST, 'слышны выстрелы'],
  [FIRST, 'Под окнами БТР'],
  [HEDGED, 'брат был там, говорит страшно'],
  [HEDGED, 'Я там не был'],
  [NEITHER, 'он был там вчера'],
  [NEITHER, 'Я в шоке от новостей'],
  [NEITHER, 'Пишу из дома'],
  [NEITHER, 'Пишу с телефона'],
  // in English
  [FIRST, 'Our street lights are off'],
  [FIRST, 'Writing this with no signal'],
  [FIRST, 'I watched it from the roof'],
  [FIRST, 'I counted 12 army trucks'],
  [FIRST, "I'm outside the akimat"],
  [FIRST, "I'm in Aktau, people on the square"],
  [FIRST, 'I heard explosions'],
  [HEDGED, 'I heard that there were shots'],
  [HEDGED, 'I watched it on TV'],
  [HEDGED, 'I watched the news'],
  [NEITHER, "I'm in shock"],
  [NEITHER, 'It turned out fine'],
  // in Kazakh: "тұрмын", "отырмыз", "-мын" on a place
  [FIRST, 'Біз алаңда тұрмыз'],
  [FIRST, 'мен осында тұрмын'],
  [FIRST, 'Есікті құлыптап отырмыз'],
  [FIRST, 'Men Abai-Jeltoqsan qiylysyndamyn'],
  [FIRST, 'Алматыдамын, атыс естіліп тұр'],
  [FIRST, 'Біз әкімдік алдындамыз'],
  [FIRST, 'Біздің ауданда атыс'],
  [FIRST, 'Әскерді көріп тұрмын'],
  [HEDGED, 'Мен көрген жоқпын, інім әскерді көріпті'],
  [HEDGED, 'Аэропортты басып алыпты'],
  [NEITHER, 'Мен үйдемін'],
  [NEITHER, 'Біз үйде отырмыз'],
  [NEITHER, 'Жолдамын'],
  [NEITHER, 'витамин ішіңіздер'],
  [NEITHER, 'Рецепты и скрипты'],
  // A named source is a half-weight hedge, as an unnamed one is
  [HEDGED, 'According to the interior ministry, 8 killed'],
  [HEDGED, 'сообщает полиция'],
];

describe('readHearsay', () => {
  it('reads whether a report is hearsay or first-hand, in three languages', () => {
    const wrong = CASES.map(([want, text]) => ({ want, text, got: label(text) })).filter((c) => c.got !== c.want);
    assert.deepEqual(
      wrong.map((c) => `${c.want} ← ${c.got}: ${c.text}`),
      [],
    );
  });

  it('quotes the phrase that decided it, the negation with it', () => {
    const quotes: ReadonlyArray<[string[], string]> = [
      [['сам не видел'], 'сам не видел'],
      [['не видел сам'], 'не видел сам'],
      [['I did not see it'], 'I did not see it myself'],
      [['not confirmed'], 'This is not confirmed yet'],
      [['не слухи', 'видел сам'], 'не слухи, видел сам'],
      [['сыбыс емес'], 'бұл сыбыс емес'],
      [['расталған жоқ'], 'расталған жоқ'],
      [['Өзім көрдім'], 'Өзім көрдім, алаңда атыс болды'],
      [['aıtýynsha'], 'Policia aıtýynsha, 3 adam ustaldy'],
      [['Говорят', 'по слухам', 'не подтверждено'], 'Говорят, по слухам, не подтверждено'],
      [['People say', 'I heard maybe ten bangs'], 'People say it was the army. I heard maybe ten bangs'],
      [['не был там'], 'Сам не был там'],
      [['qiylysyndamyn'], 'Men Abai-Jeltoqsan qiylysyndamyn'],
    ];
    assert.deepEqual(
      quotes.map(([, text]) => [readHearsay(text).evidence.map((e) => e.quote), text]),
      quotes,
    );
  });

  it('points every piece of evidence at the words of the report', () => {
    for (const [want, text] of CASES) {
      const { evidence } = readHearsay(text);
      if (want !== NEITHER) assert.ok(evidence.length > 0, text);
      for (const e of evidence) assert.equal(text.slice(e.start, e.end), e.quote, text);
    }
  });

  it('reads a forwarded message as hedged, and first-hand when its author says they saw it', () => {
    const telegram = 'Forwarded from Orda.kz\nForwarded from Almaty News\nСам видел, стреляют у акимата';
    const got = readHearsay(telegram);
    assert.equal(got.hedged, true, 'we did not get it from its author');
    assert.equal(got.firstHand, true, 'its author saw it');
    assert.deepEqual(
      got.evidence.map((e) => e.quote),
      ['Forwarded from Orda.kz', 'Forwarded from Almaty News', 'Сам видел'],
    );
    for (const header of ['[Forwarded from Orda.kz]', 'Переслано от Азамат', 'Пересланное сообщение', 'Қайта жіберілген хабарлама']) {
      const forwarded = readHearsay(`${header}\nАлаңда атыс болды`);
      assert.equal(forwarded.hedged, true, header);
      assert.deepEqual(
        forwarded.evidence.map((e) => e.quote),
        [header],
      );
    }
    assert.equal(readHearsay('Forwarded from Orda.kz\nЭто не слухи').hedged, true, 'the message cannot argue its header away');
  });

  it('is surer with more and clearer cues, less when they disagree, and guesses at 0.3 with none', () => {
    const c = (text: string) => readHearsay(text).confidence;
    assert.equal(c('Стреляют на площади'), 0.3);
    assert.equal(c(''), 0.3);
    assert.ok(c('по данным МВД') > 0.3, 'a source named');
    assert.ok(c('по слухам') > c('по данным МВД'), 'a rumour is clearer than a source');
    assert.ok(c('Говорят, по слухам, не подтверждено') > c('говорят'));
    assert.ok(c('не слухи, видел сам') > c('видел сам'));
    assert.ok(c('говорят, но я сам видел') < c('сам видел'));
    assert.ok(c('говорят, но я сам видел') < c('говорят'));
    assert.ok(c('Говорят, по слухам, не подтверждено') <= 0.95);
    assert.ok(c('По слухам, МВД') > c('according to the interior ministry'), 'a source is a weaker hedge than a rumour');
    assert.ok(c('Я рядом') > 0.3, 'where the writer is counts as a cue');
  });
});
