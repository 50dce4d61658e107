import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventPlaceOf, readPlaces } from './places.ts';

const eventPlace = (what: string, where?: string) => eventPlaceOf(readPlaces({ what, where }))?.place.id;
const mentioned = (what: string) =>
  readPlaces({ what })
    .filter((p) => p.role === 'mentioned')
    .map((p) => p.place.id);

describe('readPlaces: where the event happened', () => {
  // Written by us: the ways reports name a place, declined, in both scripts and in Latin letters.
  const CASES: ReadonlyArray<[string, string]> = [
    ['В Алматы горит акимат', 'kz-almaty-akimat'],
    ['Алматыда адамдар жиналды', 'kz-almaty'],
    ['Almatyda adamdar jinaldy', 'kz-almaty'],
    ['Жаңаөзенде адамдар алаңға жиналды', 'kz-zhanaozen'],
    ['Жанаозенде халык алаңга шыкты', 'kz-zhanaozen'],
    ['Janaozende halyq alanga shyqty', 'kz-zhanaozen'],
    ['Говорят, в Жанаозене снова собрались люди', 'kz-zhanaozen'],
    ['Ақтауда митинг басталды', 'kz-aktau'],
    ['Шымкентте әкімдік алдында жиналды', 'kz-shymkent-akimat'],
    ['Crowd at Republic sq, Almaty', 'kz-almaty-republic-square'],
    ['пл. Республики, Алматы, стреляют', 'kz-almaty-republic-square'],
    ['Люди на площади Республики в Алматы', 'kz-almaty-republic-square'],
    ['Russian paratroopers landed at Almaty airport', 'kz-almaty-airport'],
    ['человек 200 на площади в Талдыкоргане', 'kz-taldykorgan'],
    ['Из Жанаозена приехали люди, в Актау митинг', 'kz-aktau'],
    ['Like Zhanaozen in 2011, they shoot at people in Aktau', 'kz-aktau'],
  ];
  for (const [text, id] of CASES) it(`${text} → ${id}`, () => assert.equal(eventPlace(text), id));

  it('the place field outweighs a place the text only passes through', () => {
    assert.equal(eventPlace('Люди из Жанаозена стоят у акимата', 'Актау'), 'kz-aktau');
  });

  it('a landmark word finds its city in the place field', () => {
    assert.equal(eventPlace('Protesters gathered at the akimat', 'Шымкент'), 'kz-shymkent-akimat');
  });

  it('the city comes after the square in it, both as where it happened', () => {
    const places = readPlaces({ what: 'Люди на площади Республики в Алматы' });
    assert.deepEqual(
      places.filter((p) => p.role === 'event').map((p) => p.place.id),
      ['kz-almaty-republic-square', 'kz-almaty'],
    );
  });

  it('each place comes with the words that named it', () => {
    const what = 'Алматыда әкімдік жанып жатыр';
    for (const p of readPlaces({ what })) {
      for (const e of p.evidence) assert.equal(what.slice(e.start, e.end), e.quote);
    }
    assert.deepEqual(
      readPlaces({ what }).map((p) => p.evidence[0]?.quote),
      ['әкімдік', 'Алматыда'],
    );
  });
});

describe('readPlaces: places only mentioned', () => {
  it('countries in a list of troops are not where anything happened', () => {
    const what = 'CSTO troops from Russia, Armenia, Belarus, Tajikistan and Kyrgyzstan arrive';
    assert.equal(eventPlace(what), undefined);
    assert.deepEqual(mentioned(what), ['country-ru', 'country-am', 'country-by', 'country-tj', 'country-kg']);
  });

  it('a nationwide cut and a zone named after a region have no event place', () => {
    const what = 'Internet cut across Kazakhstan since 5pm East Kazakhstan time';
    assert.equal(eventPlace(what), undefined);
    assert.deepEqual(mentioned(what), ['country-kz', 'kz-east-kazakhstan']);
  });

  it('a nationality is not its country, and the country is only mentioned', () => {
    assert.deepEqual(mentioned('Russian paratroopers landed at Almaty airport'), ['country-ru']);
  });

  it('another year makes a place a memory', () => {
    assert.deepEqual(mentioned('Like Zhanaozen in 2011, they shoot at people in Aktau'), ['kz-zhanaozen']);
  });

  it('where people came from is mentioned', () => {
    assert.deepEqual(mentioned('Из Жанаозена приехали люди, в Актау митинг'), ['kz-zhanaozen']);
  });
});

describe('readPlaces: ordinary words stay words', () => {
  // Each is one or two letters from a town: Khorgos, Shelek, Oral, Esik, Kapshagay.
  const WORDS = [
    'Полиция не может қорғау адамдарды',
    'человек 200 стоят, ждут',
    'Оралман ағайындар да келді',
    'есік жабық, шыға алмаймыз',
    'Everyone is here, people are angry',
    'Согласно сообщениям, все спокойно',
  ];
  for (const what of WORDS) it(what, () => assert.deepEqual(readPlaces({ what }), []));
});

describe('readPlaces: towns that are also words', () => {
  it('a slogan opening with "Алға" (forward; also a town) places nothing', () => {
    assert.equal(eventPlace('Алға, Қазақстан! Біз бірге'), undefined);
  });
  it('the same town named in its place is found', () => {
    assert.equal(eventPlace('Алғада адамдар жиналды'), 'kz-alga');
    assert.equal(eventPlace('Митинг в Есике у акимата'), 'kz-esik');
  });
});
