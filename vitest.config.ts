// Unit tests: `*.test.ts(x)` beside each module, in Node (a file may opt into a
// DOM with `// @vitest-environment happy-dom`). WxtVitest gives `wxt/browser`
// the fake browser and resolves the `@/` aliases. E2E suites have their own
// config (vitest.e2e.config.ts) because they need a built extension.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '.output/**', '.wxt/**', 'tests/e2e/**', '**/*.e2e.test.ts'],
    // Some tests scan megabytes of generated text; on a loaded 2-core CI machine
    // the default 5 s is a flake, not a finding (speed is the bench's job).
    testTimeout: 30_000,
  },
});
