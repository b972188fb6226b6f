/**
 * Chromium (Debian /usr/bin/chromium) driven by puppeteer-core over the
 * DevTools protocol, with the built MV3 extension loaded unpacked.
 * Implements BrowserAdapter.
 *
 * Contract: `launch` throws a clear error when the browser binary or the
 * build is missing (e2e must fail, never skip). The extension id comes from
 * the service worker's URL. Pages are opened by the extension, each in a window
 * of its own, so their tab ids are known exactly; for any other page `tabIdOf`
 * brings it to the front and asks for the active tab.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type CDPSession, type Frame, type Page, type WebWorker } from 'puppeteer-core';
import type { BrowserAdapter, BrowserSession } from './browser-adapter';

export const CHROMIUM_PATH = process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAdapter: BrowserAdapter = {
  name: 'chromium',
  buildDir: 'chrome-mv3',
  async launch(extensionDir) {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set SOURCELIGHT_CHROMIUM`);
    }
    const browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: CHROMIUM_PATH,
      headless: true,
      pipe: true,
      enableExtensions: [extensionDir],
      defaultViewport: { width: 1280, height: 720 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
      return new ChromiumSession(browser, `chrome-extension://${new URL(sw.url()).host}`);
    } catch (e) {
      await browser.close();
      throw new Error(`the extension's service worker did not start: ${(e as Error).message}`);
    }
  },
};

class ChromiumSession implements BrowserSession {
  private readonly tabIds = new WeakMap<Page, number>();

  constructor(
    private readonly browser: Browser,
    readonly extensionOrigin: string,
  ) {}

  /**
   * The live service worker, looked up anew each time (an idle worker stops
   * after ~30 s). A worker target can be attached before its extension
   * bindings exist (seen on a cold first start: "chrome is not defined"), so
   * it is only returned once `chrome.runtime.id` answers.
   */
  async worker(): Promise<WebWorker> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const w = await this.anyWorker();
      const ready = await w.evaluate(() => typeof chrome !== 'undefined' && typeof chrome.runtime?.id === 'string').catch(() => false);
      if (ready) return w;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the extension service worker never exposed the chrome.* API');
  }

  private async anyWorker(): Promise<WebWorker> {
    const isOurs = (t: { type(): string; url(): string }) => t.type() === 'service_worker' && t.url().startsWith(this.extensionOrigin);
    const live = await this.browser.targets().find(isOurs)?.worker();
    if (live) return live;
    // Opening an extension page that messages the background wakes the worker.
    const page = await this.browser.newPage();
    try {
      await page.goto(`${this.extensionOrigin}/popup.html`);
      const woken = await (await this.browser.waitForTarget(isOurs, { timeout: 30_000 })).worker();
      if (!woken) throw new Error('the extension service worker has no worker handle');
      return woken;
    } finally {
      await page.close();
    }
  }

  /** Opened by the extension (`windows.create`, no `tabs` permission needed), so its tab id is known exactly. */
  async newPage(url: string): Promise<Page> {
    const known = new Set(this.browser.targets());
    const sw = await this.worker();
    const tabId = await sw.evaluate(async (u) => (await chrome.windows.create({ url: u, focused: true })).tabs?.[0]?.id, url);
    if (typeof tabId !== 'number') throw new Error(`windows.create gave no tab id for ${url}`);
    const target = await this.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 15_000 });
    const page = await target.page();
    if (!page) throw new Error(`no page for ${url}`);
    await waitForLoad(page, url);
    this.tabIds.set(page, tabId);
    return page;
  }

  async setViewport(page: Page, viewport: { width: number; height: number; hasTouch?: boolean }): Promise<void> {
    await page.setViewport(viewport);
  }

  async navigate(page: Page, url: string): Promise<void> {
    await page.goto(url, { waitUntil: 'load' });
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
    return (await sw.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown)) as R;
  }

  async evaluateInClosedShadowRoot<R>(frame: Frame, hostPrefix: string, functionDeclaration: string): Promise<R | null> {
    const host = await frame.evaluateHandle(
      (prefix) => [...document.querySelectorAll('*')].find((e) => e.localName.startsWith(prefix)) ?? null,
      hostPrefix,
    );
    try {
      const objectId = host.remoteObject().objectId;
      if (!objectId) return null;
      // The frame's own DevTools session: the handle's object id is only valid there.
      const cdp = (frame as unknown as { client: CDPSession }).client;
      const { node } = await cdp.send('DOM.describeNode', { objectId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) return null;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration,
        returnByValue: true,
      });
      if (object.objectId) await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
      return (result.value as R | undefined) ?? null;
    } finally {
      await host.dispose();
    }
  }

  async emulateColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  }

  async screenshot(page: Page, file: string): Promise<void> {
    await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Resolves once `page` (opened elsewhere) has left about:blank for `url` and finished loading. */
async function waitForLoad(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => [location.href, document.readyState] as const)
      .catch(() => null); // the context is replaced while it navigates
    if (state && (url === 'about:blank' || state[0] !== 'about:blank') && state[1] === 'complete') return;
    if (Date.now() > until) throw new Error(`timed out loading ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The worker's own `chrome` global, inside functions passed to `sw.evaluate`. */
declare const chrome: {
  windows: { create(d: { url: string; focused: boolean }): Promise<{ tabs?: Array<{ id?: number }> }> };
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime?: { id?: string };
};
