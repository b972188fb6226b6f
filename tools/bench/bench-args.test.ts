/** The bench's command line: defaults, the two browsers, and clear refusals. */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args';

describe('parseBenchArgs', () => {
  it('defaults to Chromium, building its own extension, writing .output/bench-results.json', () => {
    expect(parseBenchArgs([])).toEqual({
      out: '.output/bench-results.json',
      browser: 'chromium',
      ext: null,
      timeoutS: 1200,
      markjsTimeoutS: 300,
      skipMarkjs10mb: false,
      profile: null,
      only: null,
    });
  });

  it('takes --browser firefox with an existing build, an output file and the mark.js skip', () => {
    const o = parseBenchArgs(['--browser', 'firefox', '--ext', '/tmp/out', '--skip-markjs-10mb', '--out', '/tmp/ff.json', '--timeout', '900']);
    expect(o).toMatchObject({ browser: 'firefox', ext: '/tmp/out', skipMarkjs10mb: true, out: '/tmp/ff.json', timeoutS: 900 });
  });

  it('takes --only popup and --profile with Chromium', () => {
    expect(parseBenchArgs(['--only', 'popup']).only).toBe('popup');
    expect(parseBenchArgs(['--profile', 'scan.cpuprofile']).profile).toBe('scan.cpuprofile');
  });

  it('refuses an unknown browser, part or option, naming what is accepted', () => {
    expect(() => parseBenchArgs(['--browser', 'safari'])).toThrow(/--browser safari: unknown browser \(chromium or firefox\)/);
    expect(() => parseBenchArgs(['--only', 'scan'])).toThrow(/--only scan: unknown part/);
    expect(() => parseBenchArgs(['--brwser', 'firefox'])).toThrow(/--brwser.*options: --browser chromium\|firefox/);
    expect(() => parseBenchArgs(['stray'])).toThrow(/stray/);
  });

  it('refuses a timeout that is not a positive number', () => {
    expect(() => parseBenchArgs(['--timeout', 'soon'])).toThrow(/--timeout soon: expected a positive number of seconds/);
    expect(() => parseBenchArgs(['--markjs-timeout', '0'])).toThrow(/--markjs-timeout 0/);
  });

  it('refuses --profile in Firefox (no CPU profiler over WebDriver BiDi)', () => {
    expect(() => parseBenchArgs(['--browser', 'firefox', '--profile', 'x'])).toThrow(/--profile needs --browser chromium/);
  });
});
