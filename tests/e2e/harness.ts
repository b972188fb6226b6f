/**
 * The e2e harness: the BUILT extension in a real browser, plus a local web
 * server for test pages.
 *
 * Contract: `launchHarness(adapter)` uses the build in
 * `$SOURCELIGHT_OUT_DIR/<adapter.buildDir>` (default .output/chrome-mv3 for
 * Chromium, firefox-mv2 for Firefox; `npm run test:e2e` builds both first),
 * starts a static server on 127.0.0.1 (random port) serving tests/fixtures/
 * at "/" and ../shared/corpus/dev at "/corpus/", and launches the browser.
 * It throws (never skips) when the build or the browser is missing. Always
 * `close()` it (afterAll). Helpers: openPage, navigate, openPopupFor,
 * getTabId, badgeText, sendMessage (as the popup does), screenshot (into
 * test-results/screenshots/<browser>-<name>.png).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvaluateFunc, Frame, Page } from 'puppeteer-core';
import type { BrowserAdapter, BrowserName, BrowserSession } from './browser-adapter';
import { startStaticServer, type StaticServer } from './static-server';

export { e2eBrowsers, type BrowserAdapter } from './browser-adapter';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = resolve(ROOT, process.env.SOURCELIGHT_OUT_DIR || '.output');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const CORPUS_DIR = resolve(ROOT, '../shared/corpus/dev');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

export class Harness {
  private control: Promise<Page> | null = null;

  constructor(
    readonly browserName: BrowserName,
    readonly extensionDir: string,
    private readonly session: BrowserSession,
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

  /** Opens an absolute URL, or a path on the static server, in a new window. */
  openPage(urlOrPath: string): Promise<Page> {
    return this.session.newPage(this.absolute(urlOrPath));
  }

  /** Navigates an open tab to an absolute URL or a path on the static server. */
  navigate(page: Page, urlOrPath: string): Promise<void> {
    return this.session.navigate(page, this.absolute(urlOrPath));
  }

  /** The popup page scoped to tab `tabId` (as the toolbar popup would be), in a window of its own. */
  openPopupFor(tabId: number): Promise<Page> {
    return this.session.newPage(`${this.session.extensionOrigin}/popup.html?tab=${tabId}`);
  }

  getTabId(page: Page): Promise<number> {
    return this.session.tabIdOf(page);
  }

  badgeText(tabId: number): Promise<string> {
    return this.session.badgeText(tabId);
  }

  /** See BrowserSession.evaluateInBackground: inside `fn`, use `globalThis.browser ?? globalThis.chrome`. */
  evaluateInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.session.evaluateInBackground(fn, arg);
  }

  /** Sends `{ type, payload }` to the background from an extension page, as the popup does. */
  async sendMessage<T>(type: string, payload: object): Promise<T> {
    this.control ??= this.openPage(`${this.extensionOrigin}/popup.html`);
    const page = await this.control;
    return (await page.evaluate(
      (m) => ((globalThis as unknown as { browser?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome).runtime.sendMessage(m),
      { type, payload },
    )) as T;
  }

  evaluateInClosedShadowRoot<R>(frame: Frame, hostPrefix: string, functionDeclaration: string): Promise<R | null> {
    return this.session.evaluateInClosedShadowRoot(frame, hostPrefix, functionDeclaration);
  }

  emulateColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
    return this.session.emulateColorScheme(page, scheme);
  }

  setViewport(page: Page, viewport: { width: number; height: number; hasTouch?: boolean }): Promise<void> {
    return this.session.setViewport(page, viewport);
  }

  /** Saves a full-page PNG as test-results/screenshots/<browser>-<name>.png and returns its path. */
  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${this.browserName}-${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.session.screenshot(page, file);
    return file;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.session.close(), this.server.close()]);
  }

  private absolute(urlOrPath: string): string {
    return /^[a-z-]+:/.test(urlOrPath) ? urlOrPath : this.url(urlOrPath);
  }
}

interface Runtime {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
}

export async function launchHarness(adapter: BrowserAdapter): Promise<Harness> {
  const extensionDir = join(OUT_DIR, adapter.buildDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension build in ${extensionDir}: run \`npm run test:e2e\` (it builds chrome-mv3 and firefox-mv2 first)`);
  }
  const server = await startStaticServer([
    { prefix: '/', dir: FIXTURES_DIR },
    { prefix: '/corpus/', dir: CORPUS_DIR },
  ]);
  try {
    return new Harness(adapter.name, extensionDir, await adapter.launch(extensionDir), server);
  } catch (e) {
    await server.close();
    throw e;
  }
}

/** Sleeps (puppeteer has no waitForTimeout). */
/**
 * Waits until `fn(arg)`, run in `target`, returns a truthy value, polling every 100 ms; throws
 * after `timeout` ms. For extension pages: puppeteer's waitForFunction builds its poller with
 * Function(), which the extension CSP blocks in Firefox 140 ("call to Function() blocked by CSP").
 */
export async function waitUntil<A = undefined>(target: Page | Frame, fn: EvaluateFunc<[A]>, arg?: A, timeout = 10_000): Promise<void> {
  for (const until = Date.now() + timeout; ; await pause(100)) {
    if (await target.evaluate(fn, arg as A)) return;
    if (Date.now() > until) throw new Error(`waitUntil: still false after ${timeout} ms: ${fn.toString().slice(0, 200)}`);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
