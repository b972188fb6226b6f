/**
 * The claims the BUILT extension detects on each page of a corpus, in a real browser
 * (`npm run eval -- --browser chromium|firefox DIR`, tools/eval.ts).
 *
 * Contract: `buildFor(browser)` runs `wxt build` (`-b firefox` for Firefox) into a fresh temp
 * folder and returns the extension folder (throws with the build output on failure).
 * `findInBrowser(browser, extensionDir, dir, files)` serves DIR on 127.0.0.1, launches the
 * browser with the extension through the e2e adapters (tests/e2e: puppeteer-core over DevTools
 * or WebDriver BiDi), opens each page in a tab of its own (in front, closed after), waits until the page's scan has
 * settled — every frame reported and not scanning, at least SETTLE_MS after load (the dev
 * corpus's late pages insert their text ~500 ms after load) and the tab's results unchanged for
 * STABLE_MS — and returns the claims with at least one mention per file, as the background's
 * tab results (`getTabResults`, the popup's and badge's source) report them. Throws when the
 * browser, the build or a page fails, or a page does not settle within PAGE_TIMEOUT_MS; always
 * closes the browser and the server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserAdapter, BrowserName } from '../tests/e2e/browser-adapter';
import { chromiumAdapter } from '../tests/e2e/chromium-adapter';
import { firefoxAdapter } from '../tests/e2e/firefox-adapter';
import { Harness } from '../tests/e2e/harness';
import { startStaticServer } from '../tests/e2e/static-server';

const ROOT = resolve(import.meta.dirname, '..');
// Late pages insert their text ~500 ms after load; the scanner then waits for a quiet moment
// (up to ~1.2 s on a busy machine) before reading it.
const SETTLE_MS = 2_500;
const STABLE_MS = 1_000;
const PAGE_TIMEOUT_MS = 20_000;

export const ADAPTERS: Record<BrowserName, BrowserAdapter> = { chromium: chromiumAdapter, firefox: firefoxAdapter };

interface TabResults {
  claims: Array<{ claim: string; count: number }>;
  frames: Array<{ status: { state: string } }>;
}

export function buildFor(browser: BrowserName): string {
  const outDir = mkdtempSync(join(tmpdir(), `sourcelight-eval-${browser}-`));
  const r = spawnSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], {
    cwd: ROOT,
    env: { ...process.env, SOURCELIGHT_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return join(outDir, ADAPTERS[browser].buildDir);
}

export async function findInBrowser(
  browser: BrowserName,
  extensionDir: string,
  dir: string,
  files: string[],
): Promise<Record<string, string[]>> {
  const server = await startStaticServer([{ prefix: '/', dir }]);
  let h: Harness | null = null;
  try {
    h = new Harness(browser, extensionDir, await ADAPTERS[browser].launch(extensionDir), server);
    const found: Record<string, string[]> = {};
    for (const file of files) found[file] = await claimsOnPage(h, file);
    return found;
  } finally {
    await (h ? h.close() : server.close());
  }
}

async function claimsOnPage(h: Harness, file: string): Promise<string[]> {
  const page = await h.openPage(`/${file.split('/').map(encodeURIComponent).join('/')}`);
  try {
    const loaded = Date.now();
    const tabId = await h.getTabId(page);
    let last = '';
    let stableSince = Date.now();
    for (;;) {
      const r = await h.sendMessage<TabResults | null>('getTabResults', { tabId });
      const claims = (r?.claims ?? []).filter((c) => c.count > 0).map((c) => c.claim).sort();
      const settled = !!r && r.frames.length > 0 && r.frames.every((f) => f.status.state !== 'scanning');
      const key = JSON.stringify([settled, r?.claims]);
      if (key !== last) {
        last = key;
        stableSince = Date.now();
      }
      const now = Date.now();
      if (settled && now - loaded >= SETTLE_MS && now - stableSince >= STABLE_MS) return claims;
      if (now - loaded > PAGE_TIMEOUT_MS) throw new Error(`${file}: the scan did not settle within ${PAGE_TIMEOUT_MS} ms`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  } finally {
    await page.close();
  }
}
