/**
 * Other spellings a pack phrase is matched in, besides its own.
 *
 * Contract: `spellingVariants(phrase)` returns the phrase followed by the spellings of it that
 * readers type when their keyboard lacks a letter and that folding (fold-text.ts) cannot equate:
 * German umlauts written as "ae", "oe", "ue" ("Wählerdaten" → "Waehlerdaten", "Präsident*" →
 * "Praesident*"). Umlauts typed as plain vowels ("Wahlerdaten") and "ß" as "ss" need no variant:
 * folding already maps "ä" to "a" and "ß" to "ss". Casing follows the letter replaced ("Ä" →
 * "Ae"). The phrase itself comes first; no duplicates. Never throws.
 */

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const UMLAUT = /[äöüÄÖÜ]/g;

export function spellingVariants(phrase: string): string[] {
  const nfc = phrase.normalize('NFC');
  const transliterated = nfc.replace(UMLAUT, (u) => UMLAUTS[u] as string);
  return transliterated === nfc ? [phrase] : [phrase, transliterated];
}
