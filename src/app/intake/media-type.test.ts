import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffMedia } from './media-type.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const ftyp = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'isommp41');

describe('sniffMedia', () => {
  it('knows photos and videos by their first bytes', () => {
    const cases: Array<[Buffer, string]> = [
      [bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
      [bytes([0x89], 'PNG\r\n', [0x1a, 0x0a]), 'image/png'],
      [bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
      [bytes('GIF89a'), 'image/gif'],
      [ftyp('isom'), 'video/mp4'],
      [ftyp('mp42'), 'video/mp4'],
      [ftyp('qt  '), 'video/quicktime'],
      [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
    ];
    for (const [head, mime] of cases) {
      const r = sniffMedia(head);
      assert.ok('accepted' in r, `${mime} should be accepted`);
      assert.equal(r.accepted.mime, mime);
    }
  });

  it('says what a refused file looks like', () => {
    const refused = (head: Buffer) => {
      const r = sniffMedia(head);
      assert.ok('refused' in r);
      return r.refused;
    };
    assert.match(refused(bytes('PK', [3, 4, 20, 0])), /ZIP archive/);
    assert.match(refused(bytes('%PDF-1.7')), /PDF/);
    assert.match(refused(bytes('<svg xmlns="http://www.w3.org/2000/svg">')), /text file/);
    assert.match(refused(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska')), /Matroska/);
    assert.match(refused(ftyp('heic')), /HEIC/);
    assert.match(refused(bytes([0, 1, 2, 3, 0xfe])), /not a format we know/);
    assert.match(refused(Buffer.alloc(0)), /not a format we know/);
  });

  it('does not take a JPEG signature that is cut short', () => {
    assert.ok('refused' in sniffMedia(bytes([0xff, 0xd8])));
  });
});
