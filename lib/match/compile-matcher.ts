/**
 * Compiling the match rules of a set of claims into one matcher.
 *
 * Contract: `compileMatcher(claims)` turns each claim's `match` (terms,
 * rules, guards; lib/pack/schema.ts) into a `CompiledMatcher` for
 * `matchMentions`. Phrases of every language of a term are alternatives (the
 * page language is not guessed: pages quote other languages), and so are their
 * other spellings (spelling-variants.ts: "Wählerdaten" typed "Waehlerdaten").
 * Performance convention: the FIRST term of each rule's `all` is its anchor.
 * Only the key words of anchor terms (and of guards with `window: null`) are
 * searched over the whole page; every other term is looked for only near
 * anchor hits. So a pack puts its most distinctive term first (names such as
 * "Iran", "Proud Boys"): a generic first term ("video") stays correct but
 * makes every page do more work. Nothing from a pack becomes code or an
 * unescaped RegExp.
 * Throws an Error naming the claim when a rule or guard names a term the
 * claim does not define, or when a term has no phrase with a letter or digit.
 */
import type { MatchRules } from '../pack/schema';
import { keySearch as buildKeySearch, type Key, type KeySearch } from './anchor-pattern';
import { compilePhrase, type CompiledPhrase } from './compile-phrase';
import { buildPhraseIndex, type PhraseEntry, type PhraseIndex } from './phrase-index';
import { spellingVariants } from './spelling-variants';

export interface CompiledRule {
  all: number[];
  window: number;
  highlight: number[];
}

export interface CompiledGuard {
  any: number[];
  window: number | null;
}

export interface CompiledClaim {
  id: string;
  termIds: string[];
  rules: CompiledRule[];
  guards: CompiledGuard[];
}

export type { KeySearch };

export interface CompiledMatcher {
  claims: CompiledClaim[];
  index: PhraseIndex;
  /** Finds candidate places for rule anchors; null when there are no claims. */
  anchors: KeySearch | null;
  /** Finds candidate places for guards that apply anywhere in the text; null when none. */
  globalGuards: KeySearch | null;
  /** Raw characters to look at on each side of an anchor candidate. */
  pad: number;
}

function keySearch(phrases: CompiledPhrase[]): KeySearch | null {
  const keys: Key[] = phrases.map((p) => ({ folded: p.words[p.key] as string, written: p.writtenKey, whole: !p.prefix[p.key] }));
  return keys.length === 0 ? null : buildKeySearch(keys);
}

export function compileMatcher(claims: ReadonlyArray<{ id: string; match: MatchRules }>): CompiledMatcher {
  const entries: PhraseEntry[] = [];
  const anchorPhrases: CompiledPhrase[] = [];
  const guardPhrases: CompiledPhrase[] = [];
  let widest = 0;
  const compiled = claims.map((claim, c): CompiledClaim => {
    const termIds = Object.keys(claim.match.terms);
    const phrasesOf: CompiledPhrase[][] = termIds.map((id, t) => {
      const langs = claim.match.terms[id] ?? {};
      const list: CompiledPhrase[] = [];
      for (const phrases of Object.values(langs)) {
        for (const text of phrases) {
          for (const spelling of spellingVariants(text)) {
            const p = compilePhrase(spelling);
            if (p) list.push(p);
          }
        }
      }
      if (list.length === 0) throw new Error(`claim "${claim.id}": term "${id}" has no phrase with a letter or digit`);
      for (const phrase of list) entries.push({ claim: c, term: t, phrase });
      return list;
    });
    const termIndex = (id: string, where: string): number => {
      const i = termIds.indexOf(id);
      if (i < 0) throw new Error(`claim "${claim.id}": ${where} names unknown term "${id}"`);
      return i;
    };
    const rules = claim.match.rules.map((r, k): CompiledRule => {
      const all = r.all.map((id) => termIndex(id, `rule ${k + 1}`));
      anchorPhrases.push(...(phrasesOf[all[0] as number] as CompiledPhrase[]));
      return { all, window: r.window, highlight: (r.highlight ?? r.all).map((id) => termIndex(id, `rule ${k + 1} highlight`)) };
    });
    const guards = claim.match.guards.map((g, k): CompiledGuard => {
      const any = g.any.map((id) => termIndex(id, `guard ${k + 1}`));
      if (g.window === null) for (const t of any) guardPhrases.push(...(phrasesOf[t] as CompiledPhrase[]));
      return { any, window: g.window };
    });
    const ruleWidth = Math.max(0, ...rules.map((r) => r.window));
    const guardWidth = Math.max(0, ...guards.map((g) => g.window ?? 0));
    widest = Math.max(widest, ruleWidth + guardWidth);
    return { id: claim.id, termIds, rules, guards };
  });
  return {
    claims: compiled,
    index: buildPhraseIndex(entries),
    anchors: keySearch(anchorPhrases),
    globalGuards: keySearch(guardPhrases),
    // Folding removes invisible characters, so raw text can be a little longer than the folded window.
    pad: Math.ceil(widest * 1.1) + 32,
  };
}
