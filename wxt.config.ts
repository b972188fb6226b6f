import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions are kept to the minimum the features need: storage for the
// IndexedDB store, alarms for scheduled pack sync. Content scripts are
// declared by the content entrypoint itself.
export default defineConfig({
  // Separate output folders let parallel builds (tests, benchmarks) not clash.
  outDir: process.env.SOURCELIGHT_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    action: { default_title: '__MSG_extName__' },
    // Keyboard walk through the page's mentions (entrypoints/background/commands.ts);
    // users can change the key at chrome://extensions/shortcuts or about:addons.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show the next highlighted claim on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          // 140: the first Firefox (and ESR) that paints CSS Custom Highlights and knows
          // data_collection_permissions; Firefox for Android knows the latter from 142.
          browser_specific_settings: {
            gecko: {
              id: 'sourcelight@sourcelight.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run dev` (tools/dev.ts) serves the demo page there; without a display it sets
  // SOURCELIGHT_NO_BROWSER so that wxt only watches and rebuilds.
  webExt: {
    disabled: process.env.SOURCELIGHT_NO_BROWSER === '1',
    binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
    startUrls: ['http://127.0.0.1:5199/'],
    // Chromium refuses to start as root (containers, CI) unless its sandbox is off.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  // The sources zip (addons.mozilla.org) holds what rebuilds the extension: no build output,
  // test results, screenshots, logs, keys, test corpora or demo page.
  zip: {
    excludeSources: [
      '.output/**', 'test-results/**', 'node_modules/**', '**/*.pem', 'keys/**',
      '**/*.log', 'docs/screenshots/**', 'tests/**', 'demo/**',
    ],
  },
});
