/**
 * Popup first paint with a large pack installed.
 *
 * Contract: `installPackInExtension(context, extensionId, packJson)` bundles
 * install-pack-page.ts (esbuild, the project's tsconfig paths) and runs it in
 * an extension page, installing the pack through the store's importPack;
 * rejects with the store's error. `popupFirstPaint(context, extensionId,
 * tabId, runs)` opens `popup.html?tab=ID` `runs` times in a new tab and
 * reads each load's `first-paint` / `first-contentful-paint` entries and the
 * time the main content became visible (the popup's
 * `sourcelight:popup-ready` mark when it sets one, else the first frame in
 * which `#app main` is rendered with text); each popup load is followed by a
 * load of a trivial page of the extension's own origin (its manifest.json,
 * shown as text) whose first paint is `baselineFirstPaintMs`, so both see the
 * same machine load and `firstPaintRatioToBaseline` is an honest ratio.
 * `referenceFirstPaint` gives the first paint of a trivial http page, the floor
 * any page pays in this browser.
 * Rejects if a load times out.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { median } from './page-probes';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

export async function installPackInExtension(context: BrowserContext, extensionId: string, packJson: string): Promise<string> {
  const bundle = await build({
    entryPoints: [join(HERE, 'install-pack-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  const page = await context.newPage();
  try {
    // Any extension page will do: it shares the background's IndexedDB.
    await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load', timeout: 30_000 });
    await page.evaluate(code);
    return (await page.evaluate(`__sourcelightBenchInstall(${JSON.stringify(packJson)})`)) as string;
  } finally {
    await page.close();
  }
}

const READY_INIT = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const mark = () => {
    const main = document.querySelector('#app main');
    if (main && main.textContent.trim() && main.getBoundingClientRect().height > 0) {
      requestAnimationFrame(() => { window.__slMainVisible = performance.now(); });
      return true;
    }
    return false;
  };
  const tick = () => { if (!mark()) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();`;

export interface PopupRun {
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  mainVisibleMs: number | null;
}

export interface PopupPaint {
  runs: PopupRun[];
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  mainVisibleMs: number | null;
  /** Median first paint of the trivial extension page, loaded right after each popup load. */
  baselineFirstPaintMs: number | null;
  baselineRunsMs: Array<number | null>;
  /** firstPaintMs / baselineFirstPaintMs: 1 means the popup costs nothing beyond any extension page. */
  firstPaintRatioToBaseline: number | null;
}

const FIRST_PAINT = `(performance.getEntriesByName('first-paint', 'paint')[0] || {}).startTime ?? null`;

/** First paint of a trivial http page in a new tab: the browser's own floor for any page. */
export async function referenceFirstPaint(context: BrowserContext, url: string, runs: number): Promise<number | null> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      await page.waitForTimeout(100);
      const fp = (await page.evaluate(FIRST_PAINT)) as number | null;
      if (fp !== null) xs.push(fp);
    } finally {
      await page.close();
    }
  }
  return xs.length ? median(xs) : null;
}

export async function popupFirstPaint(context: BrowserContext, extensionId: string, tabId: number, runs: number): Promise<PopupPaint> {
  await context.addInitScript(READY_INIT);
  const results: PopupRun[] = [];
  const baselineRunsMs: Array<number | null> = [];
  for (let i = 0; i < runs; i++) {
    results.push(await popupRun(context, extensionId, tabId));
    baselineRunsMs.push(await baselineRun(context, extensionId));
  }
  const med = (xs: Array<number | null>) => {
    const ys = xs.filter((x): x is number => x !== null);
    return ys.length ? median(ys) : null;
  };
  const firstPaintMs = med(results.map((r) => r.firstPaintMs));
  const baselineFirstPaintMs = med(baselineRunsMs);
  return {
    runs: results,
    firstPaintMs,
    firstContentfulPaintMs: med(results.map((r) => r.firstContentfulPaintMs)),
    mainVisibleMs: med(results.map((r) => r.mainVisibleMs)),
    baselineFirstPaintMs,
    baselineRunsMs,
    firstPaintRatioToBaseline:
      firstPaintMs === null || baselineFirstPaintMs === null ? null : Math.round((firstPaintMs / baselineFirstPaintMs) * 100) / 100,
  };
}

async function baselineRun(context: BrowserContext, extensionId: string): Promise<number | null> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(100); // let paint timing entries arrive
    return (await page.evaluate(FIRST_PAINT)) as number | null;
  } finally {
    await page.close();
  }
}

async function popupRun(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupRun> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'load', timeout: 30_000 });
    await page
      .waitForFunction(`window.__slMainVisible !== undefined || performance.getEntriesByName('sourcelight:popup-ready').length > 0`, undefined, { timeout: 20_000, polling: 20 })
      .catch(() => {});
    await page.waitForTimeout(100); // let paint timing entries arrive
    return (await page.evaluate(`(() => {
      const paint = (n) => { const e = performance.getEntriesByName(n, 'paint')[0]; return e ? e.startTime : null; };
      const ready = performance.getEntriesByName('sourcelight:popup-ready')[0];
      return { firstPaintMs: paint('first-paint'), firstContentfulPaintMs: paint('first-contentful-paint'),
        mainVisibleMs: ready ? ready.startTime : (window.__slMainVisible ?? null) };
    })()`)) as PopupRun;
  } finally {
    await page.close();
  }
}
