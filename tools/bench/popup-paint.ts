/**
 * Popup first paint with a large pack installed.
 *
 * Contract: `installPackInExtension(browser, packJson)` bundles
 * install-pack-page.ts (esbuild, the project's tsconfig paths) and runs it in
 * an extension page, installing the pack through the store's importPack;
 * rejects with the store's error. `popupFirstPaint(browser, tabId, runs)`
 * opens `popup.html?tab=ID` `runs` times in a new tab and reads each load's
 * `first-paint` / `first-contentful-paint` entries (Firefox records only the
 * latter: firstPaintMs is then null) and the time the main content became
 * visible (the popup's `sourcelight:popup-ready` mark; null without it);
 * each popup load is followed by a load of a trivial page of the extension's
 * own origin (its manifest.json, shown as text) whose paint times are the
 * baseline, so both see the same machine load and the ratios to the
 * baseline are honest; `ownFirstPaintMs` is the median of the per-open
 * differences (popup minus the trivial page right after it): the popup's
 * own share of its first paint. `referenceFirstPaint` gives the paint times of a
 * trivial http page, the floor any page pays in this browser.
 * Rejects if a load times out.
 */
import { build } from 'esbuild';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { BenchBrowser, BenchPage, ExtensionBrowser } from './driver';
import { ratio, round } from './bench-results';
import { median } from './page-probes';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

export async function installPackInExtension(browser: ExtensionBrowser, packJson: string): Promise<string> {
  const bundle = await build({
    entryPoints: [join(HERE, 'install-pack-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  // Any extension page will do: it shares the background's IndexedDB.
  const page = await browser.open(`${browser.extensionOrigin}/popup.html`, { timeoutMs: 30_000 });
  try {
    await page.evaluate(code);
    return (await page.evaluate(`__sourcelightBenchInstall(${JSON.stringify(packJson)})`)) as string;
  } finally {
    await page.close();
  }
}

/** Paint times of one page load, ms from its navigation start; null where the browser records no such entry. */
export interface Paint {
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
}

export interface PopupRun extends Paint {
  mainVisibleMs: number | null;
}

export interface PopupPaint {
  runs: PopupRun[];
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  mainVisibleMs: number | null;
  /** Medians of the trivial extension page, loaded right after each popup load. */
  baselineFirstPaintMs: number | null;
  baselineFirstContentfulPaintMs: number | null;
  baselineRuns: Paint[];
  /** Medians of the per-open differences popup − trivial extension page: what the popup itself adds. */
  ownFirstPaintMs: number | null;
  ownFirstContentfulPaintMs: number | null;
  /** firstPaintMs / baselineFirstPaintMs: 1 means the popup costs nothing beyond any extension page. */
  firstPaintRatioToBaseline: number | null;
  firstContentfulPaintRatioToBaseline: number | null;
}

const PAINT = `(() => {
  const paint = (n) => { const e = performance.getEntriesByName(n, 'paint')[0]; return e ? e.startTime : null; };
  return { firstPaintMs: paint('first-paint'), firstContentfulPaintMs: paint('first-contentful-paint') };
})()`;

const med = (xs: Array<number | null>) => {
  const ys = xs.filter((x): x is number => x !== null);
  return ys.length ? median(ys) : null;
};
// Rounded: Firefox's paint times are fractional, and their differences show float noise.
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b, 2));

/** Paint times of a page once its paint entries have arrived. */
async function paintOf(page: BenchPage): Promise<Paint> {
  await sleep(100); // let paint timing entries arrive
  return page.evaluate(PAINT);
}

/** Paint times of a trivial http page in a new tab (medians of `runs` loads): the browser's own floor for any page. */
export async function referenceFirstPaint(browser: BenchBrowser, url: string, runs: number): Promise<Paint> {
  const xs: Paint[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.open(url, { timeoutMs: 30_000 });
    try {
      xs.push(await paintOf(page));
    } finally {
      await page.close();
    }
  }
  return { firstPaintMs: med(xs.map((x) => x.firstPaintMs)), firstContentfulPaintMs: med(xs.map((x) => x.firstContentfulPaintMs)) };
}

export async function popupFirstPaint(browser: ExtensionBrowser, tabId: number, runs: number): Promise<PopupPaint> {
  const results: PopupRun[] = [];
  const baselineRuns: Paint[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await popupRun(browser, tabId));
    baselineRuns.push(await baselineRun(browser));
  }
  const firstPaintMs = med(results.map((r) => r.firstPaintMs));
  const firstContentfulPaintMs = med(results.map((r) => r.firstContentfulPaintMs));
  const baselineFirstPaintMs = med(baselineRuns.map((r) => r.firstPaintMs));
  const baselineFirstContentfulPaintMs = med(baselineRuns.map((r) => r.firstContentfulPaintMs));
  return {
    runs: results,
    firstPaintMs,
    firstContentfulPaintMs,
    mainVisibleMs: med(results.map((r) => r.mainVisibleMs)),
    baselineFirstPaintMs,
    baselineFirstContentfulPaintMs,
    baselineRuns,
    ownFirstPaintMs: med(results.map((r, i) => minus(r.firstPaintMs, baselineRuns[i]!.firstPaintMs))),
    ownFirstContentfulPaintMs: med(results.map((r, i) => minus(r.firstContentfulPaintMs, baselineRuns[i]!.firstContentfulPaintMs))),
    firstPaintRatioToBaseline: ratio(firstPaintMs, baselineFirstPaintMs, 2),
    firstContentfulPaintRatioToBaseline: ratio(firstContentfulPaintMs, baselineFirstContentfulPaintMs, 2),
  };
}

async function baselineRun(browser: ExtensionBrowser): Promise<Paint> {
  const page = await browser.open(`${browser.extensionOrigin}/manifest.json`, { timeoutMs: 30_000 });
  try {
    return await paintOf(page);
  } finally {
    await page.close();
  }
}

async function popupRun(browser: ExtensionBrowser, tabId: number): Promise<PopupRun> {
  const page = await browser.open(`${browser.extensionOrigin}/popup.html?tab=${tabId}`, { timeoutMs: 30_000 });
  try {
    const ready = `(() => { const e = performance.getEntriesByName('sourcelight:popup-ready')[0]; return e ? e.startTime : null; })()`;
    let mainVisibleMs: number | null = null;
    for (const until = Date.now() + 20_000; mainVisibleMs === null && Date.now() < until; ) {
      mainVisibleMs = await page.evaluate<number | null>(ready);
      if (mainVisibleMs === null) await sleep(20);
    }
    return { ...(await paintOf(page)), mainVisibleMs };
  } finally {
    await page.close();
  }
}
