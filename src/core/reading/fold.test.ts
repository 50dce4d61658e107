import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText, withoutForwardHeaders } from './fold.ts';

describe('foldText', () => {
  it('makes one text of the ways the same words are typed', () => {
    const same = [
      'Жаңаөзенде адамдар алаңға жиналды!',
      'жанаозенде адамдар аланга жиналды',
      'ЖАНАОЗЕНДЕ АДАМДАР АЛАНГА ЖИНАЛДЫ 🔥🔥',
      'Zhanaozende adamdar alanga zhinaldy',
      'Janaozende adamdar alañğa jinaldy...',
      'Forwarded from Mangystau news\nЖаңаөзенде адамдар алаңға жиналды',
      'Пересланное сообщение\n---\nЖаңаөзенде, адамдар — алаңға жиналды.',
    ];
    const folded = same.map(foldText);
    assert.equal(new Set(folded).size, 1, folded.join(' | '));
  });

  it('keeps different words apart', () => {
    assert.notEqual(foldText('В Алматы горит акимат'), foldText('В Актау горит акимат'));
    assert.notEqual(foldText('5 погибших'), foldText('50 погибших'));
  });

  it('takes off forwarding headers only at the top', () => {
    assert.equal(withoutForwardHeaders('Forwarded from A\nFwd: B\nthe text'), 'the text');
    assert.equal(withoutForwardHeaders('the text\nForwarded from A\n'), 'the text\nForwarded from A\n');
  });
});
