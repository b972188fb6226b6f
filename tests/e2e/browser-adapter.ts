/**
 * What the e2e harness needs from a browser, so Firefox (puppeteer-core over
 * WebDriver BiDi, see ../shared/notes/toolchain.md) can be added as a second
 * adapter beside chromium-adapter.ts without touching the tests' helpers.
 *
 * Contract: `launch` loads the built extension from `extensionDir` and
 * resolves once its background is running, or throws a clear error.
 * `P` is the adapter's page type (Playwright Page for Chromium).
 */
export interface BrowserAdapter<P> {
  readonly name: 'chromium' | 'firefox';
  /** Folder of this browser's build inside the WXT output dir, e.g. "chrome-mv3". */
  readonly buildDir: string;
  launch(extensionDir: string): Promise<BrowserSession<P>>;
}

export interface BrowserSession<P> {
  /** e.g. "chrome-extension://abcdef…" (no trailing slash). */
  readonly extensionOrigin: string;
  /** Opens `url` in a new tab and resolves when it has loaded. */
  newPage(url: string): Promise<P>;
  tabIdOf(page: P): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Runs `fn` in the extension's background context (extension APIs as `chrome.*`). */
  evaluateInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  screenshot(page: P, file: string): Promise<void>;
  close(): Promise<void>;
}
