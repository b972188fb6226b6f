/**
 * The extension build the benchmark measures, for one browser.
 *
 * Contract: `buildExtension(driver, projectDir, outDir)` runs `wxt build`
 * (plus the driver's arguments, e.g. `-b firefox`) with
 * SOURCELIGHT_OUT_DIR=outDir and returns the browser's build folder; it
 * throws with the build's output if the build fails. `findExtensionDir(driver,
 * dir)` accepts either a build folder (holding manifest.json) or a WXT
 * output dir holding the driver's build folder (e.g. /tmp/out →
 * /tmp/out/firefox-mv2), and returns the build folder; it throws a clear
 * error when there is no build, the build has no content script, or it is
 * not one this browser loads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDriver } from './driver';

export function buildExtension(driver: BenchDriver, projectDir: string, outDir: string): string {
  const r = spawnSync('npx', ['wxt', 'build', ...driver.wxtBuildArgs], {
    cwd: projectDir,
    env: { ...process.env, SOURCELIGHT_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return findExtensionDir(driver, join(outDir, driver.buildDir));
}

export function findExtensionDir(driver: BenchDriver, dir: string): string {
  const buildDir = existsSync(join(dir, 'manifest.json')) ? dir : join(dir, driver.buildDir);
  const manifestPath = join(buildDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`no built extension at ${dir} (no manifest.json there or in ${driver.buildDir}/): run \`npx wxt build${driver.wxtBuildArgs.map((a) => ` ${a}`).join('')}\` or drop --ext`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & { content_scripts?: unknown[] };
  if (!manifest.content_scripts?.length) throw new Error(`the build at ${buildDir} has no content script: nothing to benchmark yet`);
  driver.checkBuild(buildDir, manifest);
  return buildDir;
}
