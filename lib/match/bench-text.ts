/**
 * Deterministic article-like text for matcher benchmarks and performance tests.
 *
 * Contract: `benchText(chars, mentionEvery, vocabulary)` returns about `chars`
 * characters of paragraphs separated by "\n\n", built from `vocabulary`
 * ('neutral': everyday words, like the browser benchmark's pages; 'news':
 * election-news words that the bundled pack's anchors and terms look for, so
 * candidates are found and rejected everywhere), with one of
 * `MENTION_SENTENCES` every `mentionEvery` paragraphs (0: none). Same output
 * for the same arguments. Never throws.
 */

const NEUTRAL =
  'the a of and to in for on with by at from as that this these those it its their our city council budget report ' +
  'season garden market river bridge library museum festival weather morning evening weekend harvest orchard recipe ' +
  'kitchen bakery coffee bicycle train station schedule ticket harbor lighthouse island mountain trail forest meadow ' +
  'concert orchestra gallery painting novel author chapter review theatre school teacher student lesson project';

const NEWS =
  'the a of and to in for on with by at from as that said officials election vote voters voting ballot ballots ' +
  'campaign county registration email emails intelligence director national security agency Iran Iranian Russia ' +
  'Russian Moscow Tehran report group president senator Democrats Republicans week Wednesday October statement ' +
  'press conference data information video threat threatening FBI sanctions nuclear talks';

export const MENTION_SENTENCES: readonly string[] = [
  'Director of National Intelligence John Ratcliffe said Iran and Russia had obtained voter registration information.',
  'Democratic voters received threatening emails purporting to be from the Proud Boys, demanding that they vote for Trump.',
  'US officials said Iran was behind the emails sent to Democratic voters in the name of the Proud Boys.',
];

export function benchText(chars: number, mentionEvery: number, vocabulary: 'neutral' | 'news' = 'neutral'): string {
  const words = (vocabulary === 'news' ? NEWS : NEUTRAL).split(' ');
  const paragraphs: string[] = [];
  let size = 0;
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  while (size < chars) {
    let para: string;
    if (mentionEvery > 0 && paragraphs.length % mentionEvery === mentionEvery - 1) {
      para = MENTION_SENTENCES[Math.floor(paragraphs.length / mentionEvery) % MENTION_SENTENCES.length] as string;
    } else {
      const n = 40 + (next() % 60);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(words[next() % words.length] as string);
      const p = out.join(' ');
      para = p.charAt(0).toUpperCase() + p.slice(1) + '.';
    }
    paragraphs.push(para);
    size += para.length + 2;
  }
  return paragraphs.join('\n\n');
}
