/**
 * demo: `npm run demo -- --out DIR` — README's pictures, taken headless in real Chromium.
 *
 * Contract: builds the Chrome extension into a fresh temporary SOURCELIGHT_OUT_DIR (never
 * .output, so it does not clash with other builds), serves demo/ on a free port, loads the build
 * with the e2e tests' Chromium adapter, waits until the page's mentions (including the paragraph
 * its script adds late) are highlighted, and writes into DIR (created if missing):
 *   page.png        the highlighted demo page, 1200×800
 *   card.png        the hover card open on a mention (pointer moved onto a highlight)
 *   popup.png       the toolbar popup for that tab (popup.html?tab=ID), 420×600
 *   popup-claim.png the popup with the first claim expanded to its timeline
 *   popup-dark.png  the same in the dark colour scheme
 *   options.png     the options page, 900×800
 * Prints each file's path and size. Exit 0 on success; 2 on bad usage; 1 (with the reason) when
 * the build, the browser or a step fails. The temporary build and profile are removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { chromiumAdapter } from '../tests/e2e/chromium-adapter';
import { ROOT, serveDemo, WXT_BIN } from './demo/serve-demo';

class UsageError extends Error {}

/** The disclosure button of the Ratcliffe claim in the popup's "On this page" list. */
const RATCLIFFE_TOGGLE = '#pp-panel-page .pp-claim[data-claim="ratcliffe-announcement"] button[aria-expanded]';

function parseOut(argv: string[]): string {
  const args = argv.filter((a) => a !== '--');
  const i = args.indexOf('--out');
  const dir = i >= 0 ? args[i + 1] : undefined;
  if (!dir || dir.startsWith('--') || args.length !== 2) throw new UsageError('usage: npm run demo -- --out DIR');
  return resolve(dir);
}

function buildExtension(outBase: string): string {
  console.log('Building the extension…');
  const run = spawnSync(WXT_BIN, ['build'], { cwd: ROOT, env: { ...process.env, SOURCELIGHT_OUT_DIR: outBase }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wxt build failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  return join(outBase, 'chrome-mv3');
}

/** Resolves once a highlight range lies inside every element matching `selectors` (the late one too). */
async function waitForHighlights(page: Page, selectors: string[]): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const ranges: Range[] = [];
      for (const [name, hl] of CSS.highlights) if (name.startsWith('sourcelight-')) ranges.push(...(hl as unknown as Set<Range>));
      return sel.every((s) => {
        const el = document.querySelector(s);
        return !!el && ranges.some((r) => el.contains(r.startContainer));
      });
    },
    { timeout: 20_000 },
    selectors,
  );
}

/** Centre of the first line box of the first highlighted range inside `selector`. */
async function highlightPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const ranges: Range[] = [];
    for (const [name, hl] of CSS.highlights) if (name.startsWith('sourcelight-')) ranges.push(...(hl as unknown as Set<Range>));
    const first = ranges.filter((r) => el?.contains(r.startContainer)).sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    const rect = first?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, selector);
  if (!point) throw new Error(`no highlighted mention in ${selector}`);
  return point;
}

/** The card's host element sits on <html>, in the top layer; its shadow root is closed, the host is not. */
async function waitForCard(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.documentElement.children].some((e) => e.localName.startsWith('sourcelight-card-') && e.matches(':popover-open')),
    { timeout: 5_000 },
  );
  await new Promise((r) => setTimeout(r, 400)); // past the card's opening animation
}

/** Viewport size and colour scheme (motion reduced, so no animation is caught half-way). */
async function frame(page: Page, width: number, height: number, scheme: 'light' | 'dark'): Promise<void> {
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: scheme },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
}

async function shoot(page: Page, dir: string, name: string): Promise<void> {
  const file = join(dir, name);
  await page.screenshot({ path: file as `${string}.png` });
  console.log(`  ${file}  ${Math.round(statSync(file).size / 1024)} KB`);
}

async function main(): Promise<void> {
  const outDir = parseOut(process.argv.slice(2));
  mkdirSync(outDir, { recursive: true });
  const buildBase = mkdtempSync(join(tmpdir(), 'sourcelight-demo-'));
  try {
    const extensionDir = buildExtension(buildBase);
    const server = await serveDemo(0);
    try {
      const session = await chromiumAdapter.launch(extensionDir);
      try {
        console.log(`Screenshots of ${server.origin}/ into ${outDir}:`);
        const page = await session.newPage(`${server.origin}/`);
        await frame(page, 1200, 800, 'light');
        await waitForHighlights(page, ['#lede', '#emails', '#es', '#de', '#update']);
        await page.evaluate(() => window.scrollTo(0, 0));
        await shoot(page, outDir, 'page.png');

        const mention = await highlightPoint(page, '#lede');
        await page.mouse.move(mention.x, mention.y);
        await waitForCard(page);
        await shoot(page, outDir, 'card.png');
        await page.mouse.move(1, 1);

        const tabId = await session.tabIdOf(page);
        const popup = await session.newPage(`${session.extensionOrigin}/popup.html?tab=${tabId}`);
        await frame(popup, 420, 600, 'light');
        const toggle = await popup.waitForSelector(RATCLIFFE_TOGGLE, { timeout: 10_000 });
        await shoot(popup, outDir, 'popup.png');
        await toggle!.click();
        await popup.waitForSelector('#pp-panel-page .sl-kind-denial', { timeout: 10_000 });
        await popup.mouse.move(0, 0);
        await shoot(popup, outDir, 'popup-claim.png');
        // Dark, reloaded so that every style starts from the dark scheme, scrolled to the denials.
        await frame(popup, 420, 600, 'dark');
        await popup.reload({ waitUntil: 'load' });
        await (await popup.waitForSelector(RATCLIFFE_TOGGLE, { timeout: 10_000 }))!.click();
        const denial = await popup.waitForSelector('#pp-panel-page .sl-kind-denial', { timeout: 10_000 });
        await denial!.evaluate((el) => {
          el.scrollIntoView({ block: 'start' });
          // A little air above the statement, in whichever ancestor scrolls.
          for (let a = el.parentElement; a; a = a.parentElement) if (a.scrollTop > 0) return void a.scrollBy(0, -12);
        });
        await popup.mouse.move(0, 0);
        await shoot(popup, outDir, 'popup-dark.png');

        const options = await session.newPage(`${session.extensionOrigin}/options.html`);
        await frame(options, 900, 800, 'light');
        await options.waitForSelector('h1, h2', { timeout: 10_000 });
        await shoot(options, outDir, 'options.png');
      } finally {
        await session.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    rmSync(buildBase, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(`npm run demo: ${e.message}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
