/**
 * The benchmark's Firefox driver (driver.ts): headless Firefox ESR through
 * puppeteer-core over WebDriver BiDi, with and without the built MV2
 * extension, launched by the e2e suite's own `launchFirefox` (temporary
 * add-on, fixed UUID; tests/e2e/firefox-adapter.ts).
 *
 * Contract: launches throw a clear error when the binary or the build is
 * missing. Every page opens in a window of its own, in front: Firefox gives
 * hidden tabs no animation frames and throttles their timers, which would
 * time the throttling, not the work. Timer precision is not reduced
 * (`privacy.reduceTimerPrecision` off) so `performance.now()` figures are
 * as fine as Chromium's; nothing else about the browser is changed. Init
 * scripts run in web pages only (BiDi preload scripts do not reach
 * moz-extension pages): asking for one there throws. BiDi has no script-time
 * counter and no profiler: `scriptTimeMs` is null, `startCpuProfile` absent.
 * `evaluateIsolated` runs in a BiDi sandbox of the page.
 */
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX_PATH, checkFirefox, geckoIdOf, launchFirefox, navigateFirefox } from '../../tests/e2e/firefox-adapter';
import type { BenchBrowser, BenchDriver, BenchPage, ExtensionBrowser, OpenOptions } from './driver';

const VIEWPORT = { width: 1280, height: 900 };
const PREFS = { 'privacy.reduceTimerPrecision': false };
// One evaluate may wait out a whole mark.js run on the 10 MB page (minutes); the bench has its own deadline.
const PROTOCOL_TIMEOUT_MS = 60 * 60_000;

class FirefoxPage implements BenchPage {
  readonly evaluateIsolated?: <T>(expression: string) => Promise<T>;

  constructor(private readonly page: Page) {
    // A WebDriver BiDi sandbox (Xray wrappers, as content scripts get). puppeteer marks
    // Frame.isolatedRealm internal: without it the page has no evaluateIsolated (the bench says so).
    const frame = page.mainFrame() as unknown as { isolatedRealm?: () => { evaluate(code: string): Promise<unknown> } };
    if (typeof frame.isolatedRealm === 'function') {
      this.evaluateIsolated = <T>(expression: string) => frame.isolatedRealm!().evaluate(expression) as Promise<T>;
    }
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  async scriptTimeMs(): Promise<null> {
    return null;
  }

  close(): Promise<void> {
    return this.page.close().catch(() => {});
  }
}

class FirefoxBrowser implements BenchBrowser {
  constructor(protected readonly browser: Browser) {}

  async open(url: string, options: OpenOptions = {}): Promise<BenchPage> {
    if (options.initScript && url.startsWith('moz-extension:')) throw new Error(`init scripts do not run in Firefox extension pages (${url})`);
    const page = await this.browser.newPage({ type: 'window' });
    try {
      page.setDefaultNavigationTimeout(options.timeoutMs ?? 120_000);
      if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
      await navigateFirefox(this.browser, page, url);
      await page.bringToFront();
    } catch (e) {
      await page.close().catch(() => {});
      throw e;
    }
    return new FirefoxPage(page);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
  }
}

class FirefoxExtensionBrowser extends FirefoxBrowser implements ExtensionBrowser {
  readonly extensionApi = 'browser';

  constructor(browser: Browser, readonly extensionOrigin: string) {
    super(browser);
  }
}

export const firefoxDriver: BenchDriver = {
  name: 'firefox',
  buildDir: 'firefox-mv2',
  wxtBuildArgs: ['-b', 'firefox'],
  check: checkFirefox,
  version() {
    checkFirefox();
    const r = spawnSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    return (r.stdout ?? '').split('\n').find((l) => /firefox/i.test(l))?.trim() ?? 'Firefox (version unknown)';
  },
  checkBuild(dir) {
    geckoIdOf(dir);
  },
  async launchPlain() {
    const { browser } = await launchFirefox({ viewport: VIEWPORT, prefs: PREFS, protocolTimeoutMs: PROTOCOL_TIMEOUT_MS });
    return new FirefoxBrowser(browser);
  },
  async launchWithExtension(extensionDir) {
    const { browser, extensionOrigin } = await launchFirefox({ extensionDir, viewport: VIEWPORT, prefs: PREFS, protocolTimeoutMs: PROTOCOL_TIMEOUT_MS });
    return new FirefoxExtensionBrowser(browser, extensionOrigin!);
  },
};
