/**
 * What the e2e harness needs from a browser. Both browsers are driven by
 * puppeteer-core, so every test uses one page API (puppeteer's Page): Chromium
 * over the DevTools protocol (chromium-adapter.ts), Firefox ESR over WebDriver
 * BiDi (firefox-adapter.ts, see ../shared/notes/toolchain.md). What differs
 * between the two protocols lives behind this interface.
 *
 * Contract: `launch` loads the built extension from `extensionDir` and
 * resolves once its background is running, or throws a clear error.
 * `e2eBrowsers()` lists the adapters the suites run against: both, or the
 * ones named in SOURCELIGHT_E2E_BROWSERS ("chromium", "firefox",
 * comma-separated); it throws on an unknown name (never runs nothing).
 */
import type { Frame, Page } from 'puppeteer-core';
import { chromiumAdapter } from './chromium-adapter';
import { firefoxAdapter } from './firefox-adapter';

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserAdapter {
  readonly name: BrowserName;
  /** Folder of this browser's build inside the WXT output dir, e.g. "chrome-mv3". */
  readonly buildDir: string;
  launch(extensionDir: string): Promise<BrowserSession>;
}

export interface BrowserSession {
  /** e.g. "chrome-extension://abcdef…" or "moz-extension://uuid" (no trailing slash). */
  readonly extensionOrigin: string;
  /**
   * Opens `url` in a new window (so every open page stays visible, as pages side by side and the
   * page under a toolbar popup are: hidden tabs get no animation frames) and resolves when it
   * has loaded.
   */
  newPage(url: string): Promise<Page>;
  /** Navigates an open tab (web or extension URL) and resolves when it has loaded. */
  navigate(page: Page, url: string): Promise<void>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /**
   * Runs `fn` with the extension's privileges (Chromium: its service worker; Firefox: an extension
   * page). Inside `fn` the extension APIs are `globalThis.browser ?? globalThis.chrome`.
   */
  evaluateInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Calls `functionDeclaration` (source of a `function () {…}`) with `this` bound to the CLOSED
   * shadow root of the first element in `frame`'s document whose local name starts with
   * `hostPrefix`, the way only the automation protocol can; returns its JSON-serialisable result,
   * or null when there is no such element.
   */
  evaluateInClosedShadowRoot<R>(frame: Frame, hostPrefix: string, functionDeclaration: string): Promise<R | null>;
  /** Sets the page's viewport (and, where the protocol can, touch input). */
  setViewport(page: Page, viewport: { width: number; height: number; hasTouch?: boolean }): Promise<void>;
  /** prefers-color-scheme for `page`; throws where the protocol cannot emulate it (see docs/firefox.md). */
  emulateColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void>;
  screenshot(page: Page, file: string): Promise<void>;
  close(): Promise<void>;
}

export function e2eBrowsers(): BrowserAdapter[] {
  const all = [chromiumAdapter, firefoxAdapter];
  const wanted = process.env.SOURCELIGHT_E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted?.length) return all;
  for (const w of wanted) {
    if (!all.some((a) => a.name === w)) throw new Error(`SOURCELIGHT_E2E_BROWSERS: unknown browser "${w}" (chromium, firefox)`);
  }
  return all.filter((a) => wanted.includes(a.name));
}
