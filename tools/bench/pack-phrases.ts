/**
 * The phrases mark.js is asked to highlight: every English and
 * language-neutral phrase of every term of the bundled pack, i.e. the same
 * phrases our matcher looks for on an English page.
 *
 * Contract: `packPhrases(file)` reads the pack JSON and returns its unique
 * phrases ("word*" kept: mark.js's `wildcards: 'enabled'` gives it the same
 * prefix meaning). Throws if the file is missing or has no such phrase.
 */
import { readFileSync } from 'node:fs';
import type { Pack } from '@/lib/pack/schema';

export function packPhrases(file: string): string[] {
  const pack = JSON.parse(readFileSync(file, 'utf8')) as Pack;
  const phrases = new Set<string>();
  for (const claim of pack.claims) {
    for (const term of Object.values(claim.match.terms)) {
      for (const lang of ['en', '*']) for (const p of term[lang] ?? []) phrases.add(p);
    }
  }
  if (phrases.size === 0) throw new Error(`${file} has no English or language-neutral phrases`);
  return [...phrases];
}
