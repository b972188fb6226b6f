/**
 * Chromium (Debian /usr/bin/chromium) driven by playwright-core, with the
 * built MV3 extension loaded unpacked. Implements BrowserAdapter.
 *
 * Contract: `launch` throws a clear error when the browser binary or the
 * build is missing (e2e must fail, never skip). The extension id comes from
 * the service worker's URL. Tab ids: pages opened through `newPage` are
 * created by the extension (`chrome.tabs.create`, no `tabs` permission
 * needed) so their id is known exactly; for other pages `tabIdOf` brings the
 * page to the front and asks for the active tab.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import type { BrowserAdapter, BrowserSession } from './browser-adapter';

/** The worker's own `chrome` global, inside functions passed to `sw.evaluate` (there `browser` is not the polyfill). */
declare const chrome: Pick<WxtBrowser, 'tabs' | 'action'>;

export const CHROMIUM_PATH = process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAdapter: BrowserAdapter<Page> = {
  name: 'chromium',
  buildDir: 'chrome-mv3',
  async launch(extensionDir) {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set SOURCELIGHT_CHROMIUM`);
    }
    const profile = mkdtempSync(join(tmpdir(), 'sourcelight-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      return new ChromiumSession(context, profile, `chrome-extension://${new URL(worker.url()).host}`);
    } catch (e) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`the extension's service worker did not start: ${(e as Error).message}`);
    }
  },
};

class ChromiumSession implements BrowserSession<Page> {
  private readonly tabIds = new WeakMap<Page, number>();

  constructor(
    private readonly context: BrowserContext,
    private readonly profile: string,
    readonly extensionOrigin: string,
  ) {}

  /** The live service worker; an idle worker stops after ~30 s, so it is looked up anew each time. */
  async worker(): Promise<Worker> {
    const live = this.context.serviceWorkers().find((w) => w.url().startsWith(this.extensionOrigin));
    if (live) return live;
    // Opening an extension page that messages the background wakes the worker.
    const waiting = this.context.waitForEvent('serviceworker', { timeout: 30_000 });
    const page = await this.context.newPage();
    try {
      await page.goto(`${this.extensionOrigin}/popup.html`);
      return await waiting;
    } finally {
      waiting.catch(() => undefined);
      await page.close();
    }
  }

  async newPage(url: string): Promise<Page> {
    const known = new Set(this.context.pages());
    const sw = await this.worker();
    const tabId = await sw.evaluate(async (u) => (await chrome.tabs.create({ url: u })).id, url);
    if (typeof tabId !== 'number') throw new Error(`chrome.tabs.create gave no tab id for ${url}`);
    const page = await waitFor(() => this.context.pages().find((p) => !known.has(p)), `a page for ${url}`);
    await page.waitForLoadState('load');
    this.tabIds.set(page, tabId);
    return page;
  }

  async tabIdOf(page: Page): Promise<number> {
    const known = this.tabIds.get(page);
    if (known !== undefined) return known;
    await page.bringToFront();
    const sw = await this.worker();
    const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (typeof id !== 'number') throw new Error(`no tab id found for ${page.url()}`);
    this.tabIds.set(page, id);
    return id;
  }

  async badgeText(tabId: number): Promise<string> {
    const sw = await this.worker();
    return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  async evaluateInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const sw = await this.worker();
    return sw.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async screenshot(page: Page, file: string): Promise<void> {
    await page.screenshot({ path: file, fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
