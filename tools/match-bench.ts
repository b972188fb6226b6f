/**
 * match-bench: how long `matchMentions` takes on large generated texts, in Node.
 *
 *   npx tsx tools/match-bench.ts [--pack FILE] [--json]
 *
 * Contract: compiles the bundled pack (or FILE), builds deterministic texts
 * (lib/match/bench-text.ts) of 1 MB and 10 MB, neutral and election-news
 * vocabulary, with a mention every 1000 or 50 paragraphs, and prints for each the best
 * of 5 runs of matchMentions (CPU ms of this process, which the other work on
 * a shared machine does not inflate), the mentions found, and a single
 * literal RegExp search over the same text as a machine-speed reference. Exit 0;
 * throws on an unreadable or invalid pack.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchText } from '../lib/match/bench-text';
import { compileMatcher } from '../lib/match/compile-matcher';
import { matchMentions } from '../lib/match/match-mentions';
import { validatePack } from '../lib/pack/validate';

const args = process.argv.slice(2);
const packAt = args.indexOf('--pack');
const packFile = packAt >= 0 ? (args[packAt + 1] as string) : fileURLToPath(new URL('../data/packs/election-2020.json', import.meta.url));
const pack = validatePack(JSON.parse(readFileSync(packFile, 'utf8')));
const matcher = compileMatcher(pack.claims);

/** Best of 5 runs, in CPU milliseconds of this process (wall time misleads on a shared, loaded machine). */
function best(run: () => unknown): { ms: number; result: unknown } {
  let ms = Infinity;
  let result: unknown;
  for (let i = 0; i < 5; i++) {
    const before = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(before);
    ms = Math.min(ms, (used.user + used.system) / 1000);
  }
  return { ms, result };
}

const rows = [];
for (const [vocabulary, mentionEvery] of [['neutral', 1000], ['neutral', 50], ['news', 50]] as const) {
  for (const chars of [1_000_000, 10_000_000]) {
    const text = benchText(chars, mentionEvery, vocabulary);
    const ours = best(() => matchMentions(matcher, text));
    const literal = best(() => {
      const re = /ratcliffe/gi;
      let n = 0;
      while (re.exec(text)) n++;
      return n;
    });
    rows.push({ vocabulary, mentionEvery, chars: text.length, matchMs: +ours.ms.toFixed(1), mentions: (ours.result as unknown[]).length, literalSearchMs: +literal.ms.toFixed(1) });
  }
}
if (args.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else console.table(rows);
