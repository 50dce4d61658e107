import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldedWords } from './fold.ts';
import { type Comparable, Linker, linkBetween, linkEarlier } from './incidents.ts';

const HOUR = 3600_000;
const at = (iso: string, hours = 1) => ({ start: Date.parse(iso), end: Date.parse(iso) + hours * HOUR });
const report = (text: string, more: Partial<Comparable> = {}): Comparable => ({ words: foldedWords(text), media: [], ...more });

describe('linkBetween', () => {
  it('finds the same text however it was typed, and the same photo whatever was written', () => {
    const a = report('Жаңаөзенде адамдар алаңға жиналды, газ бағасы');
    assert.equal(linkBetween(a, report('ЖАНАОЗЕНДЕ адамдар аланга жиналды!!! газ багасы 😡'))?.reason, 'same text');
    assert.equal(linkBetween(a, report('Forwarded from Kanal\nЖаңаөзенде адамдар алаңға жиналды, газ бағасы'))?.reason, 'same text');
    const photo = 'ab'.repeat(32);
    assert.equal(linkBetween(report('Смотрите', { media: [photo] }), report('Almaty', { media: [photo] }))?.reason, 'same media');
  });

  it('finds a forward with a line added, but not a text that only shares its opening', () => {
    const a = report('Police used tear gas on Republic Square in Almaty, people are running towards Abai avenue');
    const forwarded = report('Police used tear gas on Republic Square in Almaty, people are running towards Abai avenue. Share this');
    const other = report('Police used tear gas on Republic Square in Almaty yesterday; today the square is empty and quiet');
    assert.equal(linkBetween(a, forwarded)?.reason, 'nearly the same text');
    assert.equal(linkBetween(a, other), undefined);
  });

  it('groups the same place and time across languages, not another day, place or kind of event', () => {
    const ru = report('У акимата Алматы собрались около тысячи человек', {
      settlement: 'kz-almaty',
      landmark: 'kz-almaty-akimat',
      window: at('2022-01-05T04:00:00Z'),
      eventType: 'Protests',
    });
    const kk = report('Алматы әкімдігінің алдында мыңға жуық адам жиналды', {
      settlement: 'kz-almaty',
      landmark: 'kz-almaty-akimat',
      window: at('2022-01-05T05:30:00Z'),
      eventType: 'Protests',
    });
    assert.equal(linkBetween(ru, kk)?.reason, 'same place and time');
    assert.equal(linkBetween(ru, { ...kk, window: at('2022-01-06T05:30:00Z') }), undefined, 'the next day');
    assert.equal(linkBetween(ru, { ...kk, landmark: 'kz-almaty-republic-square' }), undefined, 'another square in the city');
    assert.equal(linkBetween(ru, { ...kk, settlement: 'kz-aktau', landmark: undefined }), undefined, 'another city');
    assert.equal(linkBetween(ru, { ...kk, eventType: 'Battles' }), undefined, 'another kind of event');
  });

  it('never links short texts or texts with no place on their words alone', () => {
    const where = { settlement: 'kz-almaty', window: at('2022-01-05T10:00:00Z') };
    assert.equal(linkBetween(report('Стреляют!', where), report('Стреляют!', where)), undefined);
    assert.equal(linkBetween(report('Алматы', where), report('Алматы', where)), undefined);
    const statement = 'Президент объявил чрезвычайное положение по всей стране';
    assert.equal(linkBetween(report(statement), report('Правительство ушло в отставку сегодня утром')), undefined);
    assert.equal(linkBetween(report(statement), report(statement))?.reason, 'same text', 'a resent statement is still a duplicate');
  });
});

describe('Linker', () => {
  it('links each report to the earlier ones only, by their line numbers', () => {
    const texts = [
      'Полиция разогнала митинг на площади Республики',
      'В Актау люди стоят на площади уже третий день',
      'ПОЛИЦИЯ разогнала митинг на площади республики!',
      'Стреляют!',
      'Полиция разогнала митинг на площади Республики',
    ];
    const links = linkEarlier(texts.map((t) => report(t)));
    assert.deepEqual(
      links.map((l) => l.duplicateOf.map((d) => d.to)),
      [[], [], [0], [], [0, 2]],
    );
  });

  it('finds the same links as comparing every pair, in a crowd of reports', () => {
    const cities = ['kz-almaty', 'kz-aktau', 'kz-zhanaozen', 'kz-shymkent'];
    const items: Comparable[] = [];
    for (let i = 0; i < 400; i++) {
      const city = cities[i % 4]!;
      items.push(
        report(`Report ${i % 37} from the square: people gathered near the fountain, everyone is waiting for news ${i % 3}`, {
          settlement: city,
          window: at(new Date(Date.UTC(2022, 0, 4, i % 48)).toISOString()),
          eventType: i % 3 === 0 ? 'Protests' : undefined,
          media: i % 50 === 0 ? ['cd'.repeat(32)] : [],
        }),
      );
    }
    const linker = new Linker();
    const reasons = new Set<string>();
    for (const [i, item] of items.entries()) {
      const got = linker.add(item);
      const want = { duplicateOf: [] as number[], sameIncidentAs: [] as number[] };
      for (let j = 0; j < i; j++) {
        const link = linkBetween(items[j]!, item);
        if (link) reasons.add(link.reason);
        if (link) (link.reason === 'same place and time' ? want.sameIncidentAs : want.duplicateOf).push(j);
      }
      assert.deepEqual(
        got.duplicateOf.map((l) => l.to),
        want.duplicateOf,
        `duplicates of ${i}`,
      );
      assert.deepEqual(
        got.sameIncidentAs.map((l) => l.to),
        want.sameIncidentAs,
        `incident of ${i}`,
      );
    }
    assert.deepEqual([...reasons].sort(), ['nearly the same text', 'same media', 'same place and time', 'same text']);
  });
});
