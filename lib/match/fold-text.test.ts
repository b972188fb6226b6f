import { describe, expect, it } from 'vitest';
import { foldPhrase, foldText, rawOffset } from './fold-text';

/** The raw text each folded character came from, for checking the offset map. */
function sources(raw: string): string[] {
  const f = foldText(raw);
  return [...f.text].map((_, i) => raw[rawOffset(f, i)] as string);
}

describe('foldText', () => {
  it('folds case, diacritics and special letters', () => {
    expect(foldText('ÉLECTION Téhéran Ñandú Straße Æsir Œuvre Łódź').text).toBe('election teheran nandu strasse aesir oeuvre lodz');
  });

  it('folds quotes, dashes and spaces to ASCII', () => {
    expect(foldText('‘a’ “b” «c» x–y—z−w a\u00A0b\u2009c\u202Fd').text).toBe(`'a' "b" "c" x-y-z-w a b c d`);
  });

  it('removes soft hyphens, zero-width characters and combining marks', () => {
    expect(foldText('Präsi\u00ADdent\u200Bschaft\uFEFF e\u0301').text).toBe('prasidentschaft e');
  });

  it('keeps line breaks and turns other punctuation into spaces', () => {
    expect(foldText('a\n\nb…c·d').text).toBe('a\n\nb c d');
  });

  it('maps every folded character back to the raw character that produced it', () => {
    const raw = 'Ma\u00ADße “Ñ”';
    const f = foldText(raw);
    expect(f.text).toBe('masse "n"');
    expect(sources(raw)).toEqual(['M', 'a', 'ß', 'ß', 'e', ' ', '“', 'Ñ', '”']);
  });

  it('maps offsets of a slice to offsets in the whole raw text (ASCII fast path too)', () => {
    const raw = 'xx Hello World yy';
    const f = foldText(raw, 3, 14);
    expect(f.text).toBe('hello world');
    expect(f.map).toBeNull();
    expect(rawOffset(f, 0)).toBe(3);
    expect(rawOffset(f, 10)).toBe(13);
    const g = foldText('é Hello', 0, 7);
    expect(g.text).toBe('e hello');
    expect(rawOffset(g, 2)).toBe(2);
  });

  it('keeps other scripts and surrogate pairs', () => {
    expect(foldText('Россия 😀').text).toBe('россия 😀');
  });

  it('folds a phrase like page text', () => {
    expect(foldPhrase('  Téhéran’s E‑mail ')).toBe(`  teheran's e-mail `);
  });
});

describe('foldText: words broken at line ends', () => {
  it('joins a word hyphenated at a line end (PDF, OCR) and maps it back around the break', () => {
    const raw = 'un correo electró- nico a demó-  cratas';
    const f = foldText(raw);
    expect(f.text).toBe('un correo electronico a democratas');
    const at = f.text.indexOf('democratas');
    expect(raw.slice(rawOffset(f, at), rawOffset(f, at + 'democratas'.length - 1) + 1)).toBe('demó-  cratas');
    expect(foldText('ASCII advier- te', 0, 16).text).toBe('ascii advierte');
    expect(foldText('don-\n   nées, direc- \nteur').text).toBe('donnees, directeur');
  });

  it('leaves suspended compounds, capitals, dashes and block breaks alone', () => {
    expect(foldText('Ein- und Ausgang, pre- and post-war, Wahl- oder Stimmzettel').text).toBe('ein- und ausgang, pre- and post-war, wahl- oder stimmzettel');
    expect(foldText('Trump- Wähler, 2020- later, word - word, Ende-\n\nneu').text).toBe('trump- wahler, 2020- later, word - word, ende-\n\nneu');
  });
});
