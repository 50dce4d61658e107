import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlight, isEmptySearch, parseSearch, toTsQuery } from './search.ts';

describe('parseSearch', () => {
  it('folds the words as report texts are folded, whatever the script', () => {
    assert.deepEqual(parseSearch('Жаңаөзен').words, parseSearch('Janaozen').words);
    assert.deepEqual(parseSearch('Жанаозен').words, parseSearch('ZHANAOZEN').words);
  });

  it('keeps quoted words together and never lets input become an operator', () => {
    const q = parseSearch('"Республика алаңы" атыс & | ! :*');
    assert.equal(q.phrases.length, 1);
    assert.equal(q.phrases[0]!.length, 2);
    assert.equal(toTsQuery(q), `${q.words.map((w) => `${w}:*`).join(' & ')} & (${q.phrases[0]!.join(' <-> ')})`);
    assert.match(toTsQuery(q), /^[a-z0-9:* &()<>-]+$/);
    assert.ok(isEmptySearch(parseSearch('!!! ... ""')));
  });
});

describe('highlight', () => {
  it('marks the words whose fold begins with a searched word, in the text as written', () => {
    const parts = highlight('Жаңаөзенде адамдар жиналды, Zhanaozen', parseSearch('janaozen жиналд'));
    assert.deepEqual(
      parts.filter((p) => p.match).map((p) => p.text),
      ['Жаңаөзенде', 'жиналды', 'Zhanaozen'],
    );
    assert.equal(parts.map((p) => p.text).join(''), 'Жаңаөзенде адамдар жиналды, Zhanaozen', 'nothing of the text is lost');
  });
});
