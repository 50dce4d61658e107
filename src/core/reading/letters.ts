/**
 * Letters folded for the readers' word lists, one UTF-16 unit for one, so an offset found in the
 * folded text is the offset in the text as written (the evidence spans rely on it). Kazakh
 * Cyrillic letters become the Russian ones people type instead (Жаңаөзен, Жанаозен); Latin
 * letters lose their marks (kördim, kórdim, kordim), with the 2018 alphabet's ı and ý; a Latin
 * "i" between Cyrillic letters is the Kazakh і typed on the wrong layout. Lower case throughout.
 * The gazetteer's name key (`normalizeName`) goes further, across scripts; this keeps the script.
 */
const KAZAKH_FOLD: Readonly<Record<string, string>> = { ә: 'а', қ: 'к', ң: 'н', ғ: 'г', ө: 'о', ұ: 'у', ү: 'у', і: 'и', һ: 'х', ё: 'е' };
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const MARKED_LATIN = /[\u00c0-\u024f]/u;

export function foldLetters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const lower = text[i]!.toLowerCase();
    const one = lower.length === 1 ? lower : text[i]!;
    if (KAZAKH_FOLD[one]) out += KAZAKH_FOLD[one];
    else if (one === 'ý') out += 'u';
    else if (one === 'ı') out += 'i';
    else if (MARKED_LATIN.test(one)) out += one.normalize('NFD')[0]!.toLowerCase();
    else if (one === 'i' && (CYRILLIC_LETTER.test(text[i - 1] ?? '') || CYRILLIC_LETTER.test(text[i + 1] ?? ''))) out += 'и';
    else out += one;
  }
  return out;
}
