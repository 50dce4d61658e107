import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { suggestStream } from './command.ts';
import type { SuggestLine } from './line.ts';

const BIN = fileURLToPath(new URL('../../../bin/caravan.js', import.meta.url));

/** What `caravan suggest` writes for these input lines, and what it says on standard error. */
async function run(lines: string[]): Promise<{ out: Array<SuggestLine & { error?: string }>; errors: string; bad: number }> {
  const output = new PassThrough();
  const errors = new PassThrough();
  const chunks: string[] = [];
  const errChunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  errors.on('data', (c: Buffer) => errChunks.push(c.toString()));
  const bad = await suggestStream(Readable.from([`${lines.join('\n')}\n`]), output, errors);
  return {
    out: chunks
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)),
    errors: errChunks.join(''),
    bad,
  };
}

const REPORTS = [
  { text: 'В Жанаозене вчера вечером стреляли по людям, говорят 8 погибших', channel: 'sms', sentAt: '2022-01-06T10:00:00+05:00' },
  { text: 'Russian paratroopers landed at Almaty airport this morning, I saw them myself', sentAt: '2022-01-06T13:20:00+06:00' },
  {
    text: 'в ЖАНАОЗЕНЕ вчера вечером стреляли по людям!!! говорят 8 погибших 😢',
    channel: 'telegram',
    sentAt: '2022-01-06T11:30:00+05:00',
  },
];

describe('caravan suggest', () => {
  it('writes, for each report, where and when it happened, its type, its dead, and how it was known', async () => {
    const { out, bad } = await run(REPORTS.map((r) => JSON.stringify(r)));
    assert.equal(bad, 0);
    assert.equal(out.length, 3);
    const [shooting, troops, again] = out as [SuggestLine, SuggestLine, SuggestLine];

    assert.equal(shooting.lang, 'ru');
    assert.equal(shooting.places[0]?.name, 'Zhanaozen');
    assert.equal(shooting.places[0]?.role, 'event');
    assert.equal(shooting.places[0]?.nameKk, 'Жаңаөзен');
    assert.deepEqual(shooting.places[0]?.span, [2, 11], 'the span of "Жанаозене"');
    assert.equal(shooting.time?.timeZone, 'Asia/Aqtau');
    assert.match(shooting.time?.start ?? '', /^2022-01-05T\d\d:\d\d:\d\d\+05:00$/, 'yesterday evening, in Zhanaozen time');
    assert.equal(shooting.time?.precision, 'part_of_day');
    assert.equal(shooting.fatalities?.acled, 8);
    assert.equal(shooting.hedged, true, '"говорят"');
    assert.equal(shooting.firstHand, false);

    assert.equal(troops.lang, 'en');
    const event = troops.places.find((p) => p.role === 'event');
    assert.ok(event && ['kz-almaty', 'kz-almaty-airport'].includes(event.id), JSON.stringify(troops.places));
    assert.ok(
      troops.places.some((p) => p.id === 'country-ru' && p.role === 'mentioned'),
      'Russia is only mentioned',
    );
    assert.equal(troops.time?.timeZone, 'Asia/Almaty');
    assert.match(troops.time?.start ?? '', /^2022-01-06T0\d:\d\d:\d\d\+06:00$/, 'this morning');
    assert.ok(Date.parse(troops.time?.end ?? '') <= Date.parse(REPORTS[1]!.sentAt), 'never after it was sent');
    assert.equal(troops.firstHand, true);
    assert.equal(troops.hedged, false);

    assert.deepEqual(again.duplicateOf, [0], 'the same words, typed louder, on another channel');
    assert.deepEqual(shooting.duplicateOf, [], 'links go to earlier lines only');
  });

  it('answers a line it cannot read in its place, names the problem, and reads the rest', async () => {
    const { out, errors, bad } = await run([
      'not json',
      JSON.stringify({ where: 'Almaty' }),
      JSON.stringify({ text: 'Алматыда адамдар жиналды', sentAt: '5 January' }),
      JSON.stringify(REPORTS[0]),
      JSON.stringify(REPORTS[0]),
    ]);
    assert.equal(bad, 3);
    assert.deepEqual(
      out.slice(0, 3).map((l) => l.error),
      ['not JSON', '"text" must be a non-empty string', '"sentAt" must be ISO 8601 with an offset, such as 2022-01-05T14:02:00+06:00'],
    );
    assert.match(errors, /line 1: not JSON/);
    assert.deepEqual(out[4]?.duplicateOf, [3], 'line numbers count the bad lines too');
  });

  it('runs as a command, reading standard input to its end', async () => {
    const child = spawn(process.execPath, [BIN, 'suggest'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stdin.end(`${REPORTS.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as SuggestLine);
    assert.deepEqual(
      lines.map((l) => l.places[0]?.id),
      ['kz-zhanaozen', lines[1]!.places[0]?.id, 'kz-zhanaozen'],
    );
    assert.deepEqual(lines[2]?.duplicateOf, [0]);
  });
});
