import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SourceIdentity, independentSourceCount, isVerificationStatus, statusChangeProblems } from './verification.ts';

const link = (url: string, outlet?: string): SourceIdentity => (outlet ? { url, outlet } : { url });

describe('independentSourceCount', () => {
  it('counts two reports from the same source once', () => {
    assert.equal(
      independentSourceCount([
        { reportId: '1', sourceId: '7' },
        { reportId: '2', sourceId: '7' },
      ]),
      1,
    );
  });

  it('counts reports without a known source separately', () => {
    assert.equal(independentSourceCount([{ reportId: '1' }, { reportId: '2' }]), 2);
    assert.equal(independentSourceCount([{ reportId: '1' }, { reportId: '1' }]), 1);
  });

  it('counts two links from one outlet once, by name or by address', () => {
    assert.equal(independentSourceCount([link('https://a.example/1', 'Vlast'), link('https://a.example/2', ' vlast ')]), 1);
    assert.equal(independentSourceCount([link('https://www.a.example/1'), link('https://a.example/2')]), 1);
  });

  it('counts links from different outlets twice', () => {
    assert.equal(independentSourceCount([link('https://a.example/1', 'Vlast'), link('https://b.example/1', 'Orda')]), 2);
    assert.equal(independentSourceCount([link('https://a.example/1'), link('https://b.example/1')]), 2);
  });

  it('ignores entries that identify nothing', () => {
    assert.equal(independentSourceCount([{}, { outlet: '  ' }]), 0);
  });
});

describe('statusChangeProblems', () => {
  const two = [link('https://a.example/1', 'Vlast'), link('https://b.example/1', 'Orda')];

  it('lets anything start unverified', () => {
    assert.deepEqual(statusChangeProblems({ from: undefined, to: 'unverified', sources: [] }), []);
  });

  it('needs two independent sources to corroborate', () => {
    assert.deepEqual(statusChangeProblems({ from: 'unverified', to: 'corroborated', sources: two }), []);
    const sameOutlet = [link('https://a.example/1', 'Vlast'), link('https://a.example/2', 'Vlast')];
    const problems = statusChangeProblems({ from: 'unverified', to: 'corroborated', sources: sameOutlet });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /two independent sources \(has 1\)/);
    const sameWitness = [
      { reportId: '1', sourceId: '9' },
      { reportId: '2', sourceId: '9' },
    ];
    assert.equal(statusChangeProblems({ from: 'unverified', to: 'corroborated', sources: sameWitness }).length, 1);
  });

  it('needs a reason and a source to verify', () => {
    assert.deepEqual(
      statusChangeProblems({ from: 'unverified', to: 'verified', sources: two.slice(0, 1), reason: 'geolocated video' }),
      [],
    );
    assert.equal(statusChangeProblems({ from: 'unverified', to: 'verified', sources: two, reason: '  ' }).length, 1);
    assert.equal(statusChangeProblems({ from: 'unverified', to: 'verified', sources: [], reason: 'seen it' }).length, 1);
    assert.equal(statusChangeProblems({ from: 'unverified', to: 'verified', sources: [] }).length, 2);
  });

  it('needs a reason to dispute or retract', () => {
    assert.equal(statusChangeProblems({ from: 'unverified', to: 'disputed', sources: [] }).length, 1);
    assert.deepEqual(statusChangeProblems({ from: 'unverified', to: 'disputed', sources: [], reason: 'officials deny it' }), []);
    assert.equal(statusChangeProblems({ from: 'verified', to: 'retracted', sources: two }).length, 1);
    assert.deepEqual(statusChangeProblems({ from: 'verified', to: 'retracted', sources: two, reason: 'staged video' }), []);
  });

  it('needs a reason to bring back a retracted event', () => {
    const problems = statusChangeProblems({ from: 'retracted', to: 'unverified', sources: [] });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /reinstating/);
    assert.deepEqual(statusChangeProblems({ from: 'retracted', to: 'unverified', sources: [], reason: 'new footage' }), []);
  });

  it('knows the five statuses', () => {
    for (const s of ['unverified', 'corroborated', 'verified', 'disputed', 'retracted']) assert.ok(isVerificationStatus(s));
    assert.ok(!isVerificationStatus('confirmed'));
  });
});
