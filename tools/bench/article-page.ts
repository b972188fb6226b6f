/**
 * Deterministic, article-like benchmark pages.
 *
 * Contract: `articlePage({ textBytes, seed })` returns the same HTML for the
 * same arguments: a long article of headings, paragraphs with inline elements
 * (links, em, strong, code), lists and block quotes, with about one text node
 * per ~100 characters of text, and sentences that mention the bundled claims
 * (`MENTION_SENTENCES`, some split across inline elements) scattered through
 * it every `mentionEvery` paragraphs. Filler words are chosen so that they
 * never form a mention on their own. `mutationScript()` is the page script
 * of the mutation benchmark. Throws nothing.
 */

/** Sentences a reader recognises as mentions; written in the pack rules' phrasings. */
export const MENTION_SENTENCES: readonly string[] = [
  'Director of National Intelligence <a href="#dni">John Ratcliffe</a> said Iran and Russia had obtained voter registration information.',
  'At the news conference with FBI Director <strong>Christopher Wray</strong>, Ratcliffe said Iran and Russia had obtained voter information and took actions to influence public opinion before the election.',
  'Ratcliffe said the voter registration data had been obtained by Iran and, separately, by Russia.',
  'Democratic voters received threatening emails purporting to be from the Proud <em>Boys</em>, demanding that they vote for Trump "or we will come after you."',
  'US officials said Iran was behind the emails sent to Democratic voters in the name of the Proud Boys.',
  'The Proud Boys denied sending the emails that told registered Democrats to vote for Trump.',
];

/** Neutral vocabulary: no claim names, places, organisations or topic words. */
const WORDS = (
  'the a of and to in for on with by at from as that this these those it its their our ' +
  'city council budget report season garden market river bridge library museum festival ' +
  'weather morning evening weekend harvest orchard recipe kitchen bakery coffee bicycle ' +
  'train station schedule ticket harbor lighthouse island mountain trail forest meadow ' +
  'concert orchestra gallery painting sculpture novel author chapter review theatre stage ' +
  'school teacher student lesson project science museum planet telescope comet galaxy ' +
  'engine factory workshop carpenter furniture window door roof garden fence neighbour ' +
  'quiet bright gentle early late local annual modest careful steady simple narrow wide ' +
  'opened closed visited painted repaired planted described announced measured counted ' +
  'walked carried cooked reviewed repaired improved celebrated returned gathered shared'
).split(/\s+/);

const INLINE_TAGS = ['a', 'em', 'strong', 'code', 'span'] as const;

/** mulberry32: tiny, fast, deterministic. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  return out.join(' ');
}

/** One paragraph: ~5 text nodes of ~100 characters, inline elements between them. */
function paragraph(rand: () => number): string {
  let html = '';
  const runs = 2;
  for (let i = 0; i < runs; i++) {
    const tag = INLINE_TAGS[Math.floor(rand() * INLINE_TAGS.length)]!;
    const attr = tag === 'a' ? ' href="#p"' : '';
    html += `${words(rand, 26)} <${tag}${attr}>${words(rand, 2 + Math.floor(rand() * 3))}</${tag}> `;
  }
  const first = words(rand, 1);
  return `<p>${first.charAt(0).toUpperCase()}${first.slice(1)} ${html}${words(rand, 22)}.</p>`;
}

/** Paragraphs, headings, lists and quotes until ~`textBytes` characters of text. */
export function articleBody(rand: () => number, textBytes: number, mentionEvery: number, startIndex = 0): string {
  const parts: string[] = [];
  let bytes = 0;
  let i = startIndex;
  while (bytes < textBytes) {
    let block: string;
    if (i % 40 === 0) block = `<h2>${words(rand, 5)}</h2>`;
    else if (i % 17 === 0) block = `<ul>${[0, 1, 2, 3].map(() => `<li>${words(rand, 8)} <em>${words(rand, 2)}</em></li>`).join('')}</ul>`;
    else if (i % 29 === 0) block = `<blockquote><p>${words(rand, 24)}</p></blockquote>`;
    else if (mentionEvery > 0 && i % mentionEvery === mentionEvery - 1) {
      const sentence = MENTION_SENTENCES[Math.floor(i / mentionEvery) % MENTION_SENTENCES.length]!;
      block = `<p>${words(rand, 12)}. ${sentence} ${words(rand, 12)}.</p>`;
    } else block = paragraph(rand);
    parts.push(block);
    bytes += block.replace(/<[^>]*>/g, '').length;
    i++;
  }
  return parts.join('\n');
}

export interface ArticlePageOptions {
  title: string;
  textBytes: number;
  seed: number;
  /** A mention sentence every this many blocks (0: none). */
  mentionEvery: number;
  /** Extra script placed at the end of <body> (already a full <script> element). */
  script?: string;
}

export function articlePage(o: ArticlePageOptions): string {
  const rand = prng(o.seed);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${o.title}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em}</style></head>
<body><header><h1>${o.title}</h1><p class="byline">By a benchmark writer</p></header>
<article>
${articleBody(rand, o.textBytes, o.mentionEvery)}
</article>
${o.script ?? ''}
</body></html>`;
}

/**
 * The mutation page script: `window.startMutation()` appends `perBatch`
 * paragraphs (generated ahead of time, same generator, mentions included)
 * every `intervalMs` for `durationMs`, and resolves with the added text size.
 */
export function mutationScript(perBatch: number, intervalMs: number, durationMs: number, seed: number): string {
  const rand = prng(seed);
  const batches = Math.round(durationMs / intervalMs);
  const html: string[] = [];
  for (let b = 0; b < batches; b++) {
    const blocks: string[] = [];
    for (let p = 0; p < perBatch; p++) {
      const n = b * perBatch + p;
      blocks.push(n % 25 === 24 ? `<p>${words(rand, 10)}. ${MENTION_SENTENCES[n % MENTION_SENTENCES.length]}</p>` : paragraph(rand));
    }
    html.push(blocks.join(''));
  }
  return `<script>
window.__batches = ${JSON.stringify(html).replace(/</g, '\\u003c')};
window.startMutation = () => new Promise((resolve) => {
  const article = document.querySelector('article');
  const start = performance.now();
  let i = 0, addedBytes = 0, addedNodes = 0;
  const timer = setInterval(() => {
    const box = document.createElement('div');
    box.innerHTML = window.__batches[i++];
    addedBytes += box.textContent.length;
    const w = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) addedNodes++;
    article.append(...box.childNodes);
    if (i >= window.__batches.length) {
      clearInterval(timer);
      resolve({ start, end: performance.now(), batches: i, addedBytes, addedNodes });
    }
  }, ${intervalMs});
});
</script>`;
}
