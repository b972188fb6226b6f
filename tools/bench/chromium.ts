/**
 * Build the extension and start Chromium with and without it.
 *
 * Contract: `buildExtension(outDir)` runs `wxt build` with
 * SOURCELIGHT_OUT_DIR=outDir and returns the chrome-mv3 folder; it throws
 * with the build's output if the build fails or produced no content script
 * (`checkExtensionDir` checks an existing build the same way).
 * `launchWithExtension(dir)` / `launchPlain()` start headless Chromium
 * (toolchain.md flags) and throw a clear error if the binary is missing.
 * `extensionWorker(ctx)` waits for the MV3 service worker (throws after 15 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

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

export function buildExtension(projectDir: string, outDir: string): string {
  const r = spawnSync('npx', ['wxt', 'build'], {
    cwd: projectDir,
    env: { ...process.env, SOURCELIGHT_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return checkExtensionDir(join(outDir, 'chrome-mv3'));
}

/** Returns `dir` if it holds a built MV3 extension with a content script; throws otherwise. */
export function checkExtensionDir(dir: string): string {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no built extension at ${dir} (no manifest.json): run \`npx wxt build\` or drop --ext`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: unknown[] };
  if (!manifest.content_scripts?.length) throw new Error(`the build at ${dir} has no content script: nothing to benchmark yet`);
  return dir;
}

/** "Chromium 156.0…" as the binary reports it. */
export function chromiumVersion(): string {
  checkChromium();
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return (r.stdout ?? '').split('\n').find((l) => /chrom/i.test(l))?.trim() ?? 'chromium (version unknown)';
}

export function checkChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
}

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

async function launch(args: string[]): Promise<Launched> {
  checkChromium();
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...COMMON_ARGS, ...args],
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const launchWithExtension = (extensionDir: string) =>
  launch([`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);

export const launchPlain = () => launch(['--disable-extensions']);

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => {
    throw new Error('the extension service worker did not start within 15 s (is the build loadable?)');
  });
}
