/**
 * mark.js (npm `mark.js`) highlighting the same phrases on an identical page:
 * the reference the issue compares us with.
 *
 * Contract: `markjsTime(browser, url, phrases, timeoutMs)` loads `url` in a
 * fresh tab of a browser WITHOUT the extension, injects mark.js's dist file,
 * and times `new Mark(document.body).mark(phrases, { separateWordSearch:
 * false, acrossElements: true, wildcards: 'enabled' })` — mark.js's own
 * settings for what our matcher does (whole phrases, across inline elements,
 * "word*" prefixes) — until its `done` callback. Resolves `{ ms, marks }`, or
 * `{ ms: null, timedOut: true }` when it runs past `timeoutMs` (the tab is
 * closed). Rejects if mark.js cannot be found or does not load.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { BenchBrowser } from './driver';

const require = createRequire(import.meta.url);

export interface MarkjsResult {
  ms: number | null;
  marks: number | null;
  timedOut: boolean;
}

export async function markjsTime(browser: BenchBrowser, url: string, phrases: readonly string[], timeoutMs: number): Promise<MarkjsResult> {
  const source = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  const page = await browser.open(url);
  try {
    // As a <script> element, as the page itself would load it (mark.js's UMD defines window.Mark).
    const loaded = await page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = ${JSON.stringify(source)}; document.head.append(s); return typeof Mark; })()`);
    if (loaded !== 'function') throw new Error(`mark.js did not load in the page (typeof Mark: ${String(loaded)})`);
    const run = page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      new Mark(document.body).mark(${JSON.stringify(phrases)}, {
        separateWordSearch: false, acrossElements: true, wildcards: 'enabled',
        done: (marks) => resolve({ ms: performance.now() - t0, marks }),
      });
    })`) as Promise<{ ms: number; marks: number }>;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const result = await Promise.race([run, timeout]);
    clearTimeout(timer);
    run.catch(() => {}); // the tab is closed under a timed-out run
    return result ? { ...result, timedOut: false } : { ms: null, marks: null, timedOut: true };
  } finally {
    await page.close();
  }
}
