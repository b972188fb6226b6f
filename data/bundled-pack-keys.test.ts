/**
 * The bundled pack keeps the matcher's convention that a rule's first term is its most
 * distinctive (lib/match/compile-matcher.ts): the words searched for over every whole page are
 * uncommon, so a page's everyday words never make it a candidate everywhere. A rule anchored on
 * a threat's wording once made "werden", "will", "come" and "sie" page-wide keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile-matcher';
import { validatePack } from '@/lib/pack/validate';

const PACK_FILE = new URL('./packs/election-2020.json', import.meta.url).pathname;

/** Everyday words of the four languages (and ones a threat or a demand is written with). */
const COMMON = new Set(
  (
    'the and for that with this will come after where what when from have they you your know find ' +
    'que por para los las con una del como más vamos ir buscar sabemos dónde ' +
    'und der die das den dem des sie wir ihr ihnen werden wird kommen holen finden wissen nach ' +
    'les des une pour vous nous sur dans avec est sont occuper chercher'
  ).split(' '),
);

describe('the bundled pack', () => {
  it('searches whole pages only for uncommon words', () => {
    const matcher = compileMatcher(validatePack(JSON.parse(readFileSync(PACK_FILE, 'utf8'))).claims);
    const keys = matcher.anchors?.keys ?? [];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => COMMON.has(k) || k.length < 3)).toEqual([]);
  });
});
