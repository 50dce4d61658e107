import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/errors.ts';
import { flattenText, parseTelegramExport } from './telegram.ts';

const FIXTURES = new URL('./fixtures/telegram/', import.meta.url);
const load = (path: string) => JSON.parse(readFileSync(new URL(`${path}/result.json`, FIXTURES), 'utf8')) as unknown;

describe('flattenText', () => {
  it('keeps a string as it is and joins entities, keeping hidden link targets', () => {
    assert.equal(flattenText('plain'), 'plain');
    assert.equal(
      flattenText([
        { type: 'bold', text: 'URGENT:' },
        ' see ',
        { type: 'text_link', text: 'video', href: 'https://x.org/v' },
        { type: 'link', text: ' https://x.org' },
      ]),
      'URGENT: see video (https://x.org/v) https://x.org',
    );
    assert.equal(flattenText(42), undefined);
    assert.equal(flattenText([{ type: 'bold' }]), undefined);
  });
});

describe('a new-format channel export', () => {
  const hashes = new Map([['photos/photo_1@05-01-2022_14-00-00.jpg', { sha256: 'a'.repeat(64), bytes: 47 }]]);
  const parsed = parseTelegramExport(load('valid/new-format-channel'), { mediaHashes: hashes });

  it('turns messages into reports and skips service and empty ones', () => {
    assert.deepEqual(parsed.chats, [{ id: '1234567890', name: 'Almaty Witness Feed', type: 'public_channel' }]);
    assert.deepEqual(
      parsed.messages.map((m) => m.messageId),
      [2, 3, 4, 5, 6, 7],
    );
    assert.equal(parsed.skipped, 2);
  });

  it('uses date_unixtime, flattens entities and names the source', () => {
    const [photo, entities, forwarded] = parsed.messages;
    assert.equal(photo!.sentAt.toISOString(), '2022-01-05T08:00:00.000Z');
    assert.equal(photo!.text, 'Smoke over the akimat, Republic Square');
    assert.deepEqual(photo!.source, { ref: 'telegram:chat:1234567890', name: 'Almaty Witness Feed' });
    assert.deepEqual(photo!.media, [{ name: 'photos/photo_1@05-01-2022_14-00-00.jpg', kind: 'photo', sha256: 'a'.repeat(64), bytes: 47 }]);
    assert.equal(photo!.author, undefined, 'a channel post has no personal author');
    assert.equal(
      entities!.text,
      'URGENT: shooting near the square, see this video (https://example.org/v/123), reported by @almaty_eyes and https://example.org/thread',
    );
    assert.equal(forwarded!.forwardedFrom, 'Orda.kz');
    assert.deepEqual(forwarded!.source, { ref: 'telegram:forwarded:Orda.kz', name: 'Orda.kz' });
  });

  it('records media that were not exported, and files without a hash yet', () => {
    const [, , , video, pdf, location] = parsed.messages;
    assert.deepEqual(video!.media, [{ name: 'video_file (not included in the export)', kind: 'video_file' }]);
    assert.equal(video!.text, '[video_file]');
    assert.deepEqual(pdf!.media, [{ name: 'files/statement.pdf', kind: 'file' }]);
    assert.equal(location!.text, 'Troops gathering here\n[location 43.238, 76.945]');
  });
});

describe('an old-format group export', () => {
  it('needs the exporting computer’s UTC offset, then reads local dates with it', () => {
    assert.throws(
      () => parseTelegramExport(load('valid/old-format-group')),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.match(err.message, /date_unixtime/);
        assert.match(err.problems[0]!.field, /^chat\.messages\[1\]\.date$/);
        return true;
      },
    );
    const parsed = parseTelegramExport(load('valid/old-format-group'), { utcOffset: '+06:00' });
    assert.deepEqual(
      parsed.messages.map((m) => [m.messageId, m.sentAt.toISOString(), m.text, m.author, m.source.name]),
      [
        [11, '2022-01-02T04:15:00.000Z', 'Люди собираются на площади, цены на газ удвоились', 'Aigerim', 'Zhanaozen neighbours'],
        [12, '2022-01-02T04:20:00.000Z', 'Видео здесь: https://example.org/zh/1 не проверено', 'Daulet', 'Zhanaozen neighbours'],
        [13, '2022-01-02T05:00:00.000Z', 'Акимат обещает ответ к вечеру', 'Daulet', 'Zhanaozen City Chat'],
      ],
    );
  });
});

describe('invalid exports', () => {
  const EXPECTED: Record<string, RegExp> = {
    'no-messages': /^result\.json: has no "messages"/,
    'old-date-without-offset': /^chat\.messages\[0\]\.date: .*UTC offset/,
    'path-outside-export': /^chat\.messages\[0\]\.photo: must be a path inside the export folder$/,
    'text-not-text': /^chat\.messages\[0\]\.text: /,
  };
  it('has a test for every fixture', () => {
    assert.deepEqual(readdirSync(new URL('invalid/', FIXTURES)).sort(), ['not-json', ...Object.keys(EXPECTED)].sort());
  });
  for (const [name, message] of Object.entries(EXPECTED)) {
    it(`refuses ${name}, naming the problem`, () => {
      assert.throws(
        () => parseTelegramExport(load(`invalid/${name}`), {}),
        (err: unknown) => {
          assert.ok(err instanceof ValidationError);
          assert.match(err.message, message);
          return true;
        },
      );
    });
  }
  it('refuses a date_unixtime that is not text or a number, naming it, instead of throwing a TypeError', () => {
    // The route fuzz found this: an object here made String() throw and the import answer 500.
    const parsed = load('valid/new-format-channel') as { messages: Array<Record<string, unknown>> };
    parsed.messages[1]!.date_unixtime = { toString: 'x' };
    assert.throws(
      () => parseTelegramExport(parsed, {}),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.match(err.message, /messages\[1\]\.date_unixtime: must be a Unix time/);
        return true;
      },
    );
  });

  it('refuses a bad UTC offset', () => {
    assert.throws(() => parseTelegramExport(load('valid/old-format-group'), { utcOffset: '6' }), /utcOffset/);
  });
});
