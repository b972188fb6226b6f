/**
 * The demo page's web server and the local wxt binary, shared by `npm run dev` (tools/dev.ts)
 * and `npm run demo` (tools/demo.ts).
 *
 * Contract: `serveDemo(port)` serves demo/ at "/" on 127.0.0.1 (port 0: any free port) with the
 * e2e tests' static server; it rejects when the port is taken. `WXT_BIN` is the project's wxt.
 */
import { join, resolve } from 'node:path';
import { startStaticServer, type StaticServer } from '../../tests/e2e/static-server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_DIR = join(ROOT, 'demo');
export const WXT_BIN = join(ROOT, 'node_modules/.bin/wxt');

export async function serveDemo(port: number): Promise<StaticServer> {
  try {
    return await startStaticServer([{ prefix: '/', dir: DEMO_DIR }], port);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use (another `npm run dev`?)' : (e as Error).message;
    throw new Error(`cannot serve the demo page on 127.0.0.1:${port}: ${reason}`);
  }
}
