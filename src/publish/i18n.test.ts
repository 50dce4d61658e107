import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLang, langFromAcceptLanguage, ruPlural, translator } from './i18n.ts';

describe('langFromAcceptLanguage', () => {
  it('picks Russian for a Russian browser', () => {
    assert.equal(langFromAcceptLanguage('ru-RU,ru;q=0.9,en;q=0.8'), 'ru');
  });

  it('gives Kazakh readers Russian', () => {
    assert.equal(langFromAcceptLanguage('kk'), 'ru');
    assert.equal(langFromAcceptLanguage('kk-KZ,en;q=0.5'), 'ru');
  });

  it('falls back to English', () => {
    assert.equal(langFromAcceptLanguage('de'), 'en');
    assert.equal(langFromAcceptLanguage(''), 'en');
    assert.equal(langFromAcceptLanguage(undefined), 'en');
    assert.equal(langFromAcceptLanguage('*'), 'en');
  });

  it('follows the weights, not the order', () => {
    assert.equal(langFromAcceptLanguage('en;q=0.3,ru;q=0.9'), 'ru');
    assert.equal(langFromAcceptLanguage('de,en;q=0.9,ru;q=0.8'), 'en');
  });

  it('never picks a language weighted 0', () => {
    assert.equal(langFromAcceptLanguage('ru;q=0,de'), 'en');
    assert.equal(langFromAcceptLanguage('ru;q=0.0, en;q=0.1'), 'en');
  });

  it('survives malformed headers', () => {
    assert.equal(langFromAcceptLanguage(';;;,,ru;q=abc'), 'en');
    assert.equal(langFromAcceptLanguage('RU'), 'ru');
  });
});

describe('ruPlural', () => {
  it('chooses the Russian form for the count', () => {
    const form = (n: number) => ruPlural(n, 'событие', 'события', 'событий');
    assert.deepEqual([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 0].map(form), [
      'событие',
      'события',
      'события',
      'событий',
      'событий',
      'событий',
      'событий',
      'событие',
      'события',
      'событий',
      'событие',
      'событий',
      'событий',
      'событий',
    ]);
  });
});

describe('translator', () => {
  const t = translator({ en: { hello: 'Hello, {name}', n: '{count} events' }, ru: { hello: 'Привет, {name}', n: '{count} событий' } });

  it('looks up the key in the language and fills placeholders', () => {
    assert.equal(t('ru', 'hello', { name: 'Айгуль' }), 'Привет, Айгуль');
    assert.equal(t('en', 'n', { count: 3 }), '3 events');
    assert.equal(t('en', 'hello'), 'Hello, {name}');
  });

  it('knows its languages', () => {
    assert.ok(isLang('ru') && isLang('en'));
    assert.ok(!isLang('kk'));
  });
});
