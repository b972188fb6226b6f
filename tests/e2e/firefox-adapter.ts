/**
 * Firefox ESR (/usr/bin/firefox-esr) driven by puppeteer-core over WebDriver
 * BiDi, with the built MV2 extension installed as a temporary add-on.
 * Implements BrowserAdapter (see ../shared/notes/toolchain.md for why each
 * step is done this way).
 *
 * Contract: `launch` throws a clear error when the browser or the build is
 * missing. The extension gets a fixed UUID, so its pages are
 * moz-extension://UUID/…; those are opened with a raw BiDi navigate
 * (puppeteer's goto hangs on them). The background is not a BiDi realm:
 * tab ids, badges and `evaluateInBackground` run in a helper extension page
 * (same extension APIs, as `browser.*`), which is the tab opened first.
 * Closed shadow roots are reached through BiDi node serialisation
 * (`includeShadowTree: "all"`); prefers-color-scheme cannot be emulated
 * over BiDi, so `emulateColorScheme` throws. `checkFirefox`, `geckoIdOf`,
 * `launchFirefox` and `navigateFirefox` are the launch and navigation steps, exported for the
 * benchmark's Firefox driver (tools/bench/firefox-driver.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { BrowserAdapter, BrowserSession } from './browser-adapter';

export const FIREFOX_PATH = process.env.SOURCELIGHT_FIREFOX ?? '/usr/bin/firefox-esr';

export const firefoxAdapter: BrowserAdapter = {
  name: 'firefox',
  buildDir: 'firefox-mv2',
  async launch(extensionDir) {
    const { browser, extensionOrigin } = await launchFirefox({ extensionDir, viewport: { width: 1280, height: 720 } });
    try {
      const session = new FirefoxSession(browser, extensionOrigin!);
      await session.start();
      return session;
    } catch (e) {
      await browser.close();
      throw new Error(`the extension did not start in Firefox: ${(e as Error).message}`);
    }
  },
};

/** Throws a clear error when the Firefox binary is missing. */
export function checkFirefox(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: install it (apt-get install -y firefox-esr) or set SOURCELIGHT_FIREFOX`);
  }
}

/** The gecko id of the Firefox build in `extensionDir`; throws when there is no build or no id. */
export function geckoIdOf(extensionDir: string): string {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no extension build in ${extensionDir} (no manifest.json)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id (not a Firefox build?)`);
  return geckoId;
}

export interface FirefoxLaunchOptions {
  /** A built Firefox extension to install as a temporary add-on; none: a browser without it. */
  extensionDir?: string;
  viewport: { width: number; height: number };
  /** Extra preferences (e.g. the benchmark's timer precision). */
  prefs?: Record<string, unknown>;
  /** How long one protocol command may take (puppeteer's default: 180 s; the benchmark's mark.js runs take longer). */
  protocolTimeoutMs?: number;
}

/**
 * Starts headless Firefox over WebDriver BiDi and, with `extensionDir`, installs that build as a
 * temporary add-on under a fixed UUID (extensionOrigin "moz-extension://UUID"; null without one).
 * Shared by the e2e adapter and the benchmark (tools/bench/firefox-driver.ts). Throws a clear
 * error when the browser or the build's gecko id is missing, or the install fails (the browser
 * is then closed).
 */
export async function launchFirefox(options: FirefoxLaunchOptions): Promise<{ browser: Browser; extensionOrigin: string | null }> {
  checkFirefox();
  const { extensionDir } = options;
  const uuid = randomUUID();
  const prefs: Record<string, unknown> = { ...options.prefs };
  if (extensionDir) prefs['extensions.webextensions.uuids'] = JSON.stringify({ [geckoIdOf(extensionDir)]: uuid });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: options.viewport,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    ...(options.protocolTimeoutMs ? { protocolTimeout: options.protocolTimeoutMs } : {}),
  });
  if (!extensionDir) return { browser, extensionOrigin: null };
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close();
    throw new Error(`the extension could not be installed in Firefox: ${(e as Error).message}`);
  }
  return { browser, extensionOrigin: `moz-extension://${uuid}` };
}

/** Navigates `page` to `url` and resolves once it has loaded; moz-extension URLs by a raw BiDi command (page.goto hangs on them). */
export async function navigateFirefox(browser: Browser, page: Page, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url, { waitUntil: 'load' });
    return;
  }
  await bidi(browser, 'browsingContext.navigate', { context: contextOf(page.mainFrame()), url, wait: 'complete' });
}

/** A raw BiDi command; resolves to the command's result. */
async function bidi(browser: Browser, method: string, params: object): Promise<unknown> {
  const connection = (browser as unknown as { connection: { send(m: string, p: object): Promise<{ result: unknown }> } }).connection;
  return (await connection.send(method, params)).result;
}

/** A BiDi remote value as far as this adapter reads it. */
interface RemoteValue {
  type: string;
  value?: unknown;
}

class FirefoxSession implements BrowserSession {
  private helper!: Page;

  constructor(
    private readonly browser: Browser,
    readonly extensionOrigin: string,
  ) {}

  async start(): Promise<void> {
    const [first] = await this.browser.pages();
    this.helper = first ?? (await this.browser.newPage());
    await this.navigate(this.helper, `${this.extensionOrigin}/popup.html`);
  }

  /**
   * Puppeteer's setViewport also sends emulation.setScreenOrientationOverride, which Firefox 140
   * does not know ("unknown command"): there the viewport is set by the raw BiDi command alone
   * (touch input needs no override for `page.touchscreen` taps).
   */
  async setViewport(page: Page, viewport: { width: number; height: number; hasTouch?: boolean }): Promise<void> {
    try {
      await page.setViewport(viewport);
    } catch (e) {
      if (!String((e as Error).message).includes('unknown command')) throw e;
      await this.bidi('browsingContext.setViewport', { context: contextOf(page.mainFrame()), viewport: { width: viewport.width, height: viewport.height } });
    }
  }

  async newPage(url: string): Promise<Page> {
    const page = await this.browser.newPage({ type: 'window' });
    await this.navigate(page, url);
    return page;
  }

  navigate(page: Page, url: string): Promise<void> {
    return navigateFirefox(this.browser, page, url);
  }

  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await this.helper.evaluate(async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (typeof id !== 'number') throw new Error(`no tab id found for ${page.url()}`);
    return id;
  }

  badgeText(tabId: number): Promise<string> {
    return this.helper.evaluate((id) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }), tabId);
  }

  evaluateInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.helper.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>;
  }

  async evaluateInClosedShadowRoot<R>(frame: Frame, hostPrefix: string, functionDeclaration: string): Promise<R | null> {
    const context = contextOf(frame);
    const found = (await this.bidi('script.callFunction', {
      functionDeclaration: `(prefix) => [...document.querySelectorAll('*')].find((e) => e.localName.startsWith(prefix)) ?? null`,
      arguments: [{ type: 'string', value: hostPrefix }],
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    })) as { result?: RemoteValue & { value?: { shadowRoot?: { sharedId: string } | null } } };
    const shadow = found.result?.value?.shadowRoot;
    if (!shadow) return null;
    // JSON across the wire keeps the result in the same shape as Chromium's returnByValue.
    const called = (await this.bidi('script.callFunction', {
      functionDeclaration: `function () { return JSON.stringify((${functionDeclaration}).call(this)); }`,
      this: { sharedId: shadow.sharedId },
      target: { context },
      awaitPromise: false,
    })) as { type: string; result?: RemoteValue; exceptionDetails?: { text: string } };
    if (called.type !== 'success') throw new Error(`evaluateInClosedShadowRoot: ${called.exceptionDetails?.text}`);
    return typeof called.result?.value === 'string' ? (JSON.parse(called.result.value) as R | null) : null;
  }

  async emulateColorScheme(): Promise<void> {
    throw new Error('Firefox over WebDriver BiDi cannot emulate prefers-color-scheme');
  }

  async screenshot(page: Page, file: string): Promise<void> {
    await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private bidi(method: string, params: object): Promise<unknown> {
    return bidi(this.browser, method, params);
  }
}

/** BiDi browsing-context id of a puppeteer frame (puppeteer does not expose it publicly). */
function contextOf(frame: Frame): string {
  return (frame as unknown as { _id: string })._id;
}

/** The extension page's own `browser` global, inside functions passed to `evaluate`. */
declare const browser: {
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
};
