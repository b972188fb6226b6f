/**
 * The e2e harness: the BUILT extension in a real browser, plus a local web
 * server for test pages.
 *
 * Contract: `launchHarness()` uses the build in
 * `$SOURCELIGHT_OUT_DIR/<adapter.buildDir>` (default .output/chrome-mv3 for
 * Chromium, firefox-mv2 for the Firefox adapter; `npm run test:e2e` builds
 * both first), starts a static server on
 * 127.0.0.1 (random port) serving tests/fixtures/ at "/" and
 * ../shared/corpus/dev at "/corpus/", and launches the browser. It throws
 * (never skips) when the build or the browser is missing. Always `close()`
 * it (afterAll). Helpers: openPage, openPopupFor, getTabId, badgeText,
 * screenshot (into test-results/screenshots/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserAdapter, BrowserSession } from './browser-adapter';
import { chromiumAdapter } from './chromium-adapter';
import { startStaticServer, type StaticServer } from './static-server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = resolve(ROOT, process.env.SOURCELIGHT_OUT_DIR || '.output');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const CORPUS_DIR = resolve(ROOT, '../shared/corpus/dev');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

export class Harness<P> {
  constructor(
    readonly browserName: string,
    private readonly session: BrowserSession<P>,
    private readonly server: StaticServer,
  ) {}

  /** http://127.0.0.1:PORT of the static server. */
  get origin(): string {
    return this.server.origin;
  }

  get extensionOrigin(): string {
    return this.session.extensionOrigin;
  }

  /** URL of a test page: "/x.html" → tests/fixtures/x.html, "/corpus/p001.html" → the dev corpus. */
  url(path: string): string {
    return new URL(path, this.server.origin).href;
  }

  /** Opens an absolute URL, or a path on the static server, in a new tab. */
  openPage(urlOrPath: string): Promise<P> {
    return this.session.newPage(/^[a-z-]+:/.test(urlOrPath) ? urlOrPath : this.url(urlOrPath));
  }

  /** The popup page, in a tab, scoped to tab `tabId` (as the toolbar popup would be). */
  openPopupFor(tabId: number): Promise<P> {
    return this.session.newPage(`${this.session.extensionOrigin}/popup.html?tab=${tabId}`);
  }

  getTabId(page: P): Promise<number> {
    return this.session.tabIdOf(page);
  }

  badgeText(tabId: number): Promise<string> {
    return this.session.badgeText(tabId);
  }

  evaluateInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.session.evaluateInBackground(fn, arg);
  }

  /** Saves a full-page PNG as test-results/screenshots/<browser>-<name>.png and returns its path. */
  async screenshot(page: P, name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${this.browserName}-${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.session.screenshot(page, file);
    return file;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.session.close(), this.server.close()]);
  }
}

export async function launchHarness<P = import('playwright-core').Page>(
  adapter: BrowserAdapter<P> = chromiumAdapter as unknown as BrowserAdapter<P>,
): Promise<Harness<P>> {
  const extensionDir = join(OUT_DIR, adapter.buildDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension build in ${extensionDir}: run \`npm run test:e2e\` (it builds chrome-mv3 and firefox-mv2 first)`);
  }
  const server = await startStaticServer([
    { prefix: '/', dir: FIXTURES_DIR },
    { prefix: '/corpus/', dir: CORPUS_DIR },
  ]);
  try {
    return new Harness(adapter.name, await adapter.launch(extensionDir), server);
  } catch (e) {
    await server.close();
    throw e;
  }
}
