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
          browser_specific_settings: {
            gecko: {
              id: 'sourcelight@sourcelight.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' }, startUrls: ['http://127.0.0.1:5199/demo.html'] },
  zip: { excludeSources: ['.output/**', 'test-results/**', 'node_modules/**', '**/*.pem', 'keys/**'] },
});
