/**
 * The benchmark's Chromium driver (driver.ts): headless Debian Chromium
 * through playwright-core, with and without the built MV3 extension.
 *
 * Contract: `chromiumDriver.launchWithExtension(dir)` /
 * `launchPlain()` start headless Chromium (toolchain.md flags, background
 * throttling off: the bench has several tabs open) in a throwaway profile
 * and throw a clear error if the binary is missing or the extension's
 * service worker does not start within 15 s. Pages expose the renderer's
 * script time (CDP Performance.getMetrics ScriptDuration), a CPU
 * profiler (CDP Profiler) and evaluation in an isolated world (CDP
 * Page.createIsolatedWorld).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { BenchBrowser, BenchDriver, BenchPage, CpuProfile, ExtensionBrowser, OpenOptions } from './driver';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Keep timers of background tabs honest: the bench has several pages open.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

function checkChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
}

class ChromiumPage implements BenchPage {
  private cdp: Promise<CDPSession> | null = null;

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  async evaluateIsolated<T>(expression: string): Promise<T> {
    const cdp = await this.session();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'sourcelight-bench' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  async scriptTimeMs(): Promise<number> {
    const cdp = await this.session();
    return ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  }

  async startCpuProfile(samplingIntervalUs: number): Promise<() => Promise<CpuProfile>> {
    const cdp = await this.session();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await cdp.send('Profiler.start');
    return async () => (await cdp.send('Profiler.stop')).profile;
  }

  close(): Promise<void> {
    return this.page.close().catch(() => {});
  }

  private session(): Promise<CDPSession> {
    this.cdp ??= this.context.newCDPSession(this.page).then(async (s) => {
      await s.send('Performance.enable');
      return s;
    });
    return this.cdp;
  }
}

class ChromiumBrowser implements BenchBrowser {
  constructor(
    private readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {}

  async open(url: string, options: OpenOptions = {}): Promise<BenchPage> {
    const page = await this.context.newPage();
    try {
      if (options.initScript) await page.addInitScript(options.initScript);
      await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs ?? 120_000 });
      await page.bringToFront();
    } catch (e) {
      await page.close().catch(() => {});
      throw e;
    }
    return new ChromiumPage(this.context, page);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

class ChromiumExtensionBrowser extends ChromiumBrowser implements ExtensionBrowser {
  readonly extensionApi = 'chrome';

  constructor(context: BrowserContext, profileDir: string, readonly extensionOrigin: string) {
    super(context, profileDir);
  }
}

async function launch(args: string[]): Promise<{ context: BrowserContext; profile: string }> {
  checkChromium();
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...COMMON_ARGS, ...args],
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
  });
  return { context, profile };
}

async function launchWithExtension(dir: string): Promise<ExtensionBrowser> {
  const { context, profile } = await launch([`--disable-extensions-except=${dir}`, `--load-extension=${dir}`]);
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      throw new Error('the extension service worker did not start within 15 s (is the build loadable?)');
    }));
  return new ChromiumExtensionBrowser(context, profile, `chrome-extension://${new URL(worker.url()).host}`);
}

export const chromiumDriver: BenchDriver = {
  name: 'chromium',
  buildDir: 'chrome-mv3',
  wxtBuildArgs: [],
  check: checkChromium,
  version() {
    checkChromium();
    const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    return (r.stdout ?? '').split('\n').find((l) => /chrom/i.test(l))?.trim() ?? 'Chromium (version unknown)';
  },
  checkBuild(dir, manifest) {
    if (manifest.manifest_version !== 3) throw new Error(`${dir} holds a manifest v${String(manifest.manifest_version)} build: Chromium needs the chrome-mv3 build`);
  },
  async launchPlain() {
    const { context, profile } = await launch(['--disable-extensions']);
    return new ChromiumBrowser(context, profile);
  },
  launchWithExtension,
};
