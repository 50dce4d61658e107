/**
 * What a file is, from its first bytes: the name and the declared Content-Type are the
 * sender's claims, and a file is what its bytes say. Pure, so it is tested on byte strings.
 */

export type AcceptedMedia =
  | { kind: 'image'; format: 'jpeg' | 'png' | 'webp' | 'gif'; mime: string; ext: string }
  | { kind: 'video'; container: 'mp4' | 'mov' | 'webm'; mime: string; ext: string };

export type SniffResult = { accepted: AcceptedMedia } | { refused: string };

/** Enough bytes for every signature below, including an EBML header's DocType. */
export const SNIFF_BYTES = 64;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** ISO BMFF major brands: HEIF stills and AVIF, then QuickTime, then the MP4 family. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'MSNV',
  '3gp4',
  '3gp5',
  '3gp6',
  '3g2a',
]);

/** Signatures of files people send by mistake, to say what the file looks like. */
const LOOKS_LIKE: ReadonlyArray<[readonly number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x50, 0x4b, 0x05, 0x06], 'a ZIP archive'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x49, 0x44, 0x33], 'an MP3 audio file'],
  [[0x4f, 0x67, 0x67, 0x53], 'an Ogg audio file'],
];

export function sniffMedia(b: Uint8Array): SniffResult {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { accepted: { kind: 'image', format: 'jpeg', mime: 'image/jpeg', ext: 'jpg' } };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { accepted: { kind: 'image', format: 'png', mime: 'image/png', ext: 'png' } };
  }
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') {
    return { accepted: { kind: 'image', format: 'webp', mime: 'image/webp', ext: 'webp' } };
  }
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    return { accepted: { kind: 'image', format: 'gif', mime: 'image/gif', ext: 'gif' } };
  }
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (HEIF_BRANDS.has(brand) || brand === 'avif' || brand === 'avis') {
      // The HEVC decoder HEIC needs is not in our image library's build, and AVIF is rare from
      // phones; saying so beats storing a file nobody can strip.
      return {
        refused:
          'it is a HEIC/HEIF or AVIF photo, which we cannot read yet; send it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible, or share it as JPEG)',
      };
    }
    if (brand === 'qt  ') return { accepted: { kind: 'video', container: 'mov', mime: 'video/quicktime', ext: 'mov' } };
    if (MP4_BRANDS.has(brand)) return { accepted: { kind: 'video', container: 'mp4', mime: 'video/mp4', ext: 'mp4' } };
    return { refused: `it is an ISO media file of a kind we do not accept (brand “${brand.replace(/[^\x20-\x7e]/g, '?')}”)` };
  }
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The EBML header names its DocType near the start: WebM, or general Matroska.
    const head = ascii(b, 0, Math.min(b.length, SNIFF_BYTES));
    if (head.includes('webm')) return { accepted: { kind: 'video', container: 'webm', mime: 'video/webm', ext: 'webm' } };
    return { refused: 'it looks like a Matroska (MKV) video; send MP4 or WebM' };
  }
  for (const [sig, what] of LOOKS_LIKE) if (startsWith(b, sig)) return { refused: `it looks like ${what}` };
  if (looksLikeText(b)) return { refused: 'it looks like a text file' };
  return { refused: 'its contents are not a format we know' };
}

function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  for (const x of b) if (x < 0x09 || (x > 0x0d && x < 0x20)) return false;
  return true;
}
