/** `--ext DIR` finds the right browser's build, and refuses a wrong one with a clear message. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumDriver } from './chromium';
import { findExtensionDir } from './extension-build';
import { firefoxDriver } from './firefox-driver';

const out = mkdtempSync(join(tmpdir(), 'sourcelight-ext-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const contentScripts = [{ matches: ['http://*/*'], js: ['content-scripts/content.js'] }];
function build(dir: string, manifest: object): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
const chromeBuild = build(join(out, 'chrome-mv3'), { manifest_version: 3, content_scripts: contentScripts });
const firefoxBuild = build(join(out, 'firefox-mv2'), {
  manifest_version: 2,
  content_scripts: contentScripts,
  browser_specific_settings: { gecko: { id: 'sourcelight@sourcelight.example' } },
});

describe('findExtensionDir', () => {
  it('takes a WXT output dir and picks the browser\'s build folder in it', () => {
    expect(findExtensionDir(chromiumDriver, out)).toBe(chromeBuild);
    expect(findExtensionDir(firefoxDriver, out)).toBe(firefoxBuild);
  });

  it('takes a build folder itself', () => {
    expect(findExtensionDir(firefoxDriver, firefoxBuild)).toBe(firefoxBuild);
  });

  it('refuses the other browser\'s build', () => {
    expect(() => findExtensionDir(chromiumDriver, firefoxBuild)).toThrow(/manifest v2 build: Chromium needs the chrome-mv3 build/);
    expect(() => findExtensionDir(firefoxDriver, chromeBuild)).toThrow(/no browser_specific_settings\.gecko\.id/);
  });

  it('refuses a folder without a build, saying how to make one', () => {
    expect(() => findExtensionDir(firefoxDriver, join(out, 'nothing'))).toThrow(/no built extension .* run `npx wxt build -b firefox`/);
  });

  it('refuses a build without a content script', () => {
    const bare = build(join(out, 'bare'), { manifest_version: 3 });
    expect(() => findExtensionDir(chromiumDriver, bare)).toThrow(/has no content script/);
  });
});
