// End-to-end suites: the built extension in real browsers (tests/e2e/harness.ts).
// Files run one after another (each launches a browser; the machine has 2 cores)
// with generous timeouts for browser start-up.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
