/**
 * dev: `npm run dev` — the extension in development mode on the local demo page.
 *
 * Contract: serves demo/ on http://127.0.0.1:5199 (wxt.config.ts opens that URL) and runs
 * `wxt` (watch build with hot reload into .output/chrome-mv3-dev), which opens Chromium with the
 * extension loaded. Extra arguments go to wxt (e.g. `npm run dev -- -b firefox`). On Linux without
 * a display ($DISPLAY and $WAYLAND_DISPLAY unset) no browser can open: it sets
 * SOURCELIGHT_NO_BROWSER=1 (wxt.config.ts then disables the runner), keeps the watch build and
 * the server running, and prints how to load the build by hand. Ctrl+C (SIGINT/SIGTERM) stops
 * both. Exits with wxt's exit code; 1 with a message when port 5199 is taken.
 */
import { spawn } from 'node:child_process';
import { serveDemo, WXT_BIN } from './demo/serve-demo';

/** Also wxt.config.ts's webExt.startUrls. */
const DEMO_PORT = 5199;
const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}/`;

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

async function main(): Promise<void> {
  const server = await serveDemo(DEMO_PORT);
  console.log(`Sourcelight demo page: ${DEMO_URL}`);
  if (headless) {
    console.log(
      [
        'No display found ($DISPLAY is not set), so no browser will open. The dev build still',
        'rebuilds on every change. To see it, on a machine with a display:',
        `  Chromium/Chrome: chrome://extensions → Developer mode → Load unpacked → ${process.env.SOURCELIGHT_OUT_DIR || '.output'}/chrome-mv3-dev`,
        `  then open ${DEMO_URL}`,
        'or take screenshots headless with: npm run demo -- --out DIR',
      ].join('\n'),
    );
  }
  const wxt = spawn(WXT_BIN, process.argv.slice(2), {
    stdio: 'inherit',
    env: headless ? { ...process.env, SOURCELIGHT_NO_BROWSER: '1' } : process.env,
  });
  const stop = (signal: NodeJS.Signals) => wxt.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  wxt.on('exit', (code, signal) => {
    void server.close().then(() => process.exit(code ?? (signal ? 0 : 1)));
  });
}

main().catch((e: Error) => {
  console.error(`npm run dev: ${e.message}`);
  process.exit(1);
});
