import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from './errors.ts';
import { validateEventData } from './event.ts';
import { toPublicEvent } from './public-event.ts';
import { sampleEventData } from './testing.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const photo = (sha256: string, extra: Record<string, unknown> = {}) => ({
  sha256,
  mime: 'image/jpeg',
  bytes: 1234,
  width: 64,
  height: 48,
  ...extra,
});

function problemsOf(media: unknown): Array<{ field: string; message: string }> {
  try {
    validateEventData({ ...sampleEventData(), media });
  } catch (err) {
    if (err instanceof ValidationError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('media of an event document', () => {
  it('keeps valid media with trimmed captions, and drops an empty list', () => {
    const data = validateEventData({
      ...sampleEventData(),
      media: [photo(A, { caption: '  Smoke over the akimat ' }), photo(B, { mime: 'video/mp4', durationMs: 4200 })],
    });
    assert.deepEqual(data.media, [
      { sha256: A, mime: 'image/jpeg', bytes: 1234, width: 64, height: 48, caption: 'Smoke over the akimat' },
      { sha256: B, mime: 'video/mp4', bytes: 1234, width: 64, height: 48, durationMs: 4200 },
    ]);
    assert.equal('media' in validateEventData({ ...sampleEventData(), media: [] }), false);
  });

  it('names every bad item: a duplicate, a hash that is not one, a type we never serve, a long caption', () => {
    assert.deepEqual(problemsOf([photo(A), photo(A)]), [
      { field: 'media[1].sha256', message: `media ${A.slice(0, 12)}… is attached twice` },
    ]);
    assert.deepEqual(
      problemsOf([photo(A.toUpperCase())]).map((p) => p.field),
      ['media[0].sha256'],
    );
    assert.deepEqual(
      problemsOf([photo(A, { mime: 'text/html' })]).map((p) => p.field),
      ['media[0].mime'],
    );
    assert.deepEqual(problemsOf([photo(A, { caption: 'x'.repeat(301) })]), [
      { field: 'media[0].caption', message: 'must be at most 300 characters' },
    ]);
    assert.deepEqual(
      problemsOf([photo(A, { bytes: -1, width: 0 })]).map((p) => p.field),
      ['media[0].bytes', 'media[0].width'],
    );
    assert.deepEqual(problemsOf('photo.jpg'), [{ field: 'media', message: 'must be a list' }]);
    assert.deepEqual(problemsOf(Array.from({ length: 21 }, (_, i) => photo(i.toString(16).padStart(64, '0')))), [
      { field: 'media', message: 'must have at most 20 files' },
    ]);
  });

  it('reaches the public record only when there is some, so records without media are unchanged', () => {
    const without = toPublicEvent(1, 1, sampleEventData(), '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
    assert.equal('media' in without, false);
    const withMedia = toPublicEvent(1, 1, sampleEventData({ media: [photo(A)] }), '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
    assert.deepEqual(withMedia.media, [photo(A)]);
  });
});
