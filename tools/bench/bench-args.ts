/**
 * The benchmark's command line (tools/bench.ts).
 *
 * Contract: `parseBenchArgs(argv)` returns the options with their defaults
 * (`--out` .output/bench-results.json, `--browser` chromium, `--timeout`
 * 1200 s, `--markjs-timeout` 300 s) and throws an Error with a clear message
 * on an unknown option, an unknown browser or part (`--only popup` is the
 * only part), a timeout that is not a positive number, or `--profile` with a
 * browser that has no CPU profiler the bench can drive (Firefox).
 */
import { parseArgs } from 'node:util';
import { BROWSER_NAMES, type BrowserName } from './driver';

export interface BenchOptions {
  out: string;
  browser: BrowserName;
  /** A build folder or a WXT output dir holding the browser's build; null: build one. */
  ext: string | null;
  timeoutS: number;
  markjsTimeoutS: number;
  skipMarkjs10mb: boolean;
  profile: string | null;
  only: 'popup' | null;
}

function seconds(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} ${value}: expected a positive number of seconds`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string', default: '.output/bench-results.json' },
        browser: { type: 'string', default: 'chromium' },
        ext: { type: 'string' },
        timeout: { type: 'string', default: '1200' },
        'markjs-timeout': { type: 'string', default: '300' },
        'skip-markjs-10mb': { type: 'boolean', default: false },
        profile: { type: 'string' },
        only: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message} (options: --browser chromium|firefox, --ext DIR, --out FILE, --only popup, --skip-markjs-10mb, --timeout S, --markjs-timeout S, --profile FILE)`);
  }
  const browser = values.browser as BrowserName;
  if (!BROWSER_NAMES.includes(browser)) throw new Error(`--browser ${values.browser}: unknown browser (${BROWSER_NAMES.join(' or ')})`);
  if (values.only !== undefined && values.only !== 'popup') throw new Error(`--only ${values.only}: unknown part (only "popup" is supported)`);
  if (values.profile !== undefined && browser !== 'chromium') throw new Error(`--profile needs --browser chromium (the CPU profile comes from Chromium's DevTools protocol)`);
  return {
    out: values.out,
    browser,
    ext: values.ext ?? null,
    timeoutS: seconds('timeout', values.timeout),
    markjsTimeoutS: seconds('markjs-timeout', values['markjs-timeout']),
    skipMarkjs10mb: values['skip-markjs-10mb'],
    profile: values.profile ?? null,
    only: values.only === 'popup' ? 'popup' : null,
  };
}
