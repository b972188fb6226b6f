/**
 * The search index layout: folded words (search-words.ts) grouped into
 * buckets by their first two characters (code points), one `words` row per
 * bucket per pack, each mapping its words to the ids of the pack's claims
 * that contain them. A 10,000-claim pack has about a thousand such rows,
 * where one row (or index entry) per word or per claim-word pair made an
 * import cost seconds; a prefix lookup still reads only the bucket(s) the
 * prefix can fall in.
 *
 * Contract: pure, never throws. `wordBuckets` lists each claim id once per
 * word, in the order the claims are given. `bucketOf(prefix)` is the bucket
 * key to look up with `startsWith`: every word starting with `prefix` lies in
 * a bucket whose key starts with `bucketOf(prefix)`.
 */
import type { WordRow } from './db';

const BUCKET_CHARS = 2;

export function bucketOf(word: string): string {
  let out = '';
  let n = 0;
  for (const ch of word) {
    if (n++ === BUCKET_CHARS) break;
    out += ch;
  }
  return out;
}

export function wordBuckets(packId: string, claims: Iterable<{ id: string; words: Iterable<string> }>): WordRow[] {
  const byWord = new Map<string, string[]>();
  for (const c of claims) {
    for (const w of new Set(c.words)) {
      const ids = byWord.get(w);
      if (ids) ids.push(c.id);
      else byWord.set(w, [c.id]);
    }
  }
  const rows = new Map<string, WordRow>();
  for (const [word, claimIds] of byWord) {
    const prefix = bucketOf(word);
    let row = rows.get(prefix);
    if (!row) rows.set(prefix, (row = { packId, prefix, words: {} }));
    row.words[word] = claimIds;
  }
  return [...rows.values()];
}

/** The claim ids listed in `rows` under any word starting with `prefix`. */
export function claimsWithPrefix(rows: Iterable<WordRow>, prefix: string): Set<string> {
  const found = new Set<string>();
  for (const row of rows) {
    for (const [word, ids] of Object.entries(row.words)) if (word.startsWith(prefix)) for (const id of ids) found.add(id);
  }
  return found;
}
