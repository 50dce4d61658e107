import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conservativeFatalities, describeFatalities, fatalitiesProblems } from './fatalities.ts';

describe('conservativeFatalities', () => {
  it('takes the minimum when a source gives one, whatever the wording says', () => {
    assert.equal(conservativeFatalities({ min: 3, max: 20, wording: 'dozens' }), 3);
    assert.equal(conservativeFatalities({ min: 0, max: 5 }), 0);
  });

  it('reads vague words as ACLED does', () => {
    const cases: Array<[string, number]> = [
      ['dozens', 12],
      ['Dozens killed', 12],
      ['tens of people', 10],
      ['десятки погибших', 10],
      ['hundreds', 100],
      ['сотни', 100],
      ['thousands', 1000],
      ['a dozen', 12],
      ['several', 3],
      ['несколько человек', 3],
    ];
    for (const [wording, n] of cases) assert.equal(conservativeFatalities({ wording }), n, wording);
  });

  it('takes the first number in the wording', () => {
    assert.equal(conservativeFatalities({ wording: 'at least 8' }), 8);
    assert.equal(conservativeFatalities({ wording: 'more than 1,000' }), 1000);
    assert.equal(conservativeFatalities({ wording: '8 to 10' }), 8);
    assert.equal(conservativeFatalities({ wording: 'не менее 225 человек' }), 225);
  });

  it('never exceeds the maximum', () => {
    assert.equal(conservativeFatalities({ wording: 'dozens', max: 5 }), 5);
    assert.equal(conservativeFatalities({ wording: 'at least 8', max: 6 }), 6);
    assert.equal(conservativeFatalities({ max: 4 }), 4);
  });

  it('counts unknown as 0', () => {
    assert.equal(conservativeFatalities({}), 0);
    assert.equal(conservativeFatalities({ wording: '   ' }), 0);
    assert.equal(conservativeFatalities({ wording: 'unclear' }), 0);
    assert.equal(conservativeFatalities({ min: null, max: null, wording: null }), 0);
  });
});

describe('fatalitiesProblems', () => {
  it('accepts a sound record', () => {
    assert.deepEqual(fatalitiesProblems({ min: 2, max: 10, wording: 'several' }), []);
    assert.deepEqual(fatalitiesProblems({}), []);
  });

  it('names negative and fractional figures', () => {
    assert.deepEqual(
      fatalitiesProblems({ min: -1, max: 2.5 }).map(([k]) => k),
      ['min', 'max'],
    );
    assert.deepEqual(
      fatalitiesProblems({ min: '3' as unknown as number }).map(([k]) => k),
      ['min'],
    );
  });

  it('refuses a minimum above the maximum', () => {
    const problems = fatalitiesProblems({ min: 10, max: 2 });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]![0], 'max');
  });

  it('refuses overlong wording', () => {
    assert.deepEqual(
      fatalitiesProblems({ wording: 'x'.repeat(201) }).map(([k]) => k),
      ['wording'],
    );
  });
});

describe('describeFatalities', () => {
  it('reads the range and keeps the source’s words', () => {
    assert.equal(describeFatalities({ min: 12, max: 20, wording: 'dozens' }), '12–20 (dozens)');
    assert.equal(describeFatalities({ min: 5, max: 5 }), '5');
    assert.equal(describeFatalities({ min: 3 }), '≥3');
    assert.equal(describeFatalities({ max: 7 }), '≤7');
    assert.equal(describeFatalities({ wording: 'at least 8' }), 'at least 8');
    assert.equal(describeFatalities({}), undefined);
  });
});
