/**
 * What the benchmark needs from a browser: the measuring code (our-scan,
 * mutation, markjs, popup-paint, page-probes) is written against these
 * interfaces only, so it runs unchanged in Chromium (chromium.ts:
 * playwright-core over the DevTools protocol) and Firefox ESR
 * (firefox-driver.ts: puppeteer-core over WebDriver BiDi).
 *
 * Contract: every method rejects with a clear error when the browser, the
 * build or a page fails; a figure a browser's protocol cannot give is
 * `null` (never an estimate). Page-side code is passed as source text (tsx
 * may wrap compiled functions in helpers the page does not have).
 */

export type BrowserName = 'chromium' | 'firefox';

export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

/** A V8 CPU profile as the DevTools protocol gives it (the fields profile-scan.ts reads). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface BenchPage {
  /** Evaluates a JavaScript expression in the page's main world; a promise is awaited; the value comes back as JSON-like data. */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * Evaluates an expression in a fresh isolated world of the page's main frame (where content
   * scripts run: same DOM, own JavaScript wrappers); absent where the protocol cannot make one.
   */
  evaluateIsolated?<T>(expression: string): Promise<T>;
  /** Makes this tab the active one of the focused window (tab ids are read as "the active tab"). */
  bringToFront(): Promise<void>;
  /** The renderer's JavaScript time so far, in ms; null where the protocol has no such counter (Firefox). */
  scriptTimeMs(): Promise<number | null>;
  /** Starts a CPU profile and returns its stop function; absent where the protocol has no profiler (Firefox). */
  startCpuProfile?(samplingIntervalUs: number): Promise<() => Promise<CpuProfile>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Runs before the page's own scripts in every document of the tab (web pages only). */
  initScript?: string;
  /** Load timeout in ms (default 120 s: the 10 MB pages are slow to parse on a busy machine). */
  timeoutMs?: number;
}

export interface BenchBrowser {
  /** Opens `url` (a web page, or in an ExtensionBrowser one of the extension's pages) in a new tab in front; resolves once loaded. */
  open(url: string, options?: OpenOptions): Promise<BenchPage>;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends BenchBrowser {
  /** "chrome-extension://ID" or "moz-extension://UUID", no trailing slash. */
  readonly extensionOrigin: string;
  /** The extension API's global in extension pages: `chrome` in Chromium, `browser` (promise-based) in Firefox. */
  readonly extensionApi: 'chrome' | 'browser';
}

export interface BenchDriver {
  readonly name: BrowserName;
  /** This browser's build folder inside a WXT output dir. */
  readonly buildDir: 'chrome-mv3' | 'firefox-mv2';
  /** Extra `wxt build` arguments for this browser. */
  readonly wxtBuildArgs: readonly string[];
  /** Throws a clear error when the browser binary is missing. */
  check(): void;
  /** e.g. "Chromium 156.0.7632.0" or "Mozilla Firefox 153.7.0esr", as the binary reports it. */
  version(): string;
  /** Throws when the build in `dir` (its parsed manifest.json: `manifest`) is not one this browser loads, e.g. an MV2 build in Chromium. */
  checkBuild(dir: string, manifest: Record<string, unknown>): void;
  launchPlain(): Promise<BenchBrowser>;
  launchWithExtension(extensionDir: string): Promise<ExtensionBrowser>;
}
