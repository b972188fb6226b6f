/**
 * The bench JSON has the same keys in both browsers; a figure the browser
 * cannot give is null with a note, never a stand-in value.
 */
import { describe, expect, it } from 'vitest';
import {
  FIRST_PAINT_NOTE,
  ISOLATED_WALK_NOTE,
  LONG_TASK_NOTE,
  SCRIPT_TIME_NOTE,
  firstPaintNote,
  mutationResult,
  mutationRunResult,
  pageResult,
  type BrowserInfo,
} from './bench-results';
import type { MutationRun } from './mutation';
import type { OurScan, ScanLoad } from './our-scan';

const chromium: BrowserInfo = { name: 'chromium', version: 'Chromium 156.0', longTasksApi: true };
const firefox: BrowserInfo = { name: 'firefox', version: 'Mozilla Firefox 153.7.0esr', longTasksApi: false };
const floor = { walkMs: 20.123, coldRuns: [19.5, 20.123, 31], warmMs: 10, isolatedWalkMs: 30, isolatedColdRuns: [30, 29, 33.333], textNodes: 11_370, textBytes: 1_002_433 };
const markjs = { ms: 15_204.6, marks: 1741, note: null };

function load(over: Partial<ScanLoad> = {}): ScanLoad {
  return { source: 'measure', scanMs: 60.04, busyMs: 50, longestTaskMs: 0, longestScanSliceMs: 12.34, highlightRanges: 900, mentions: 300, segments: 2_300, ...over };
}
function ours(over: Partial<OurScan> = {}): OurScan {
  return { scans: [load()], scanMs: 60.04, busyMs: 50, longestTaskMs: 0, longestScanSliceMs: 12.34, ...over };
}

const ISSUE_KEYS = ['name', 'textBytes', 'textNodes', 'scanMs', 'bareWalkMs', 'markjsMs', 'ratioToBareWalk', 'speedupVsMarkjs', 'longestTaskMs'];

describe('pageResult', () => {
  it('gives the issue\'s keys, rounded ratios and the scanner\'s longest slice', () => {
    const r = pageResult('article-1mb', floor, markjs, ours(), chromium);
    for (const k of ISSUE_KEYS) expect(r).toHaveProperty(k);
    expect(r).toMatchObject({ scanMs: 60, bareWalkMs: 20.12, markjsMs: 15_205, ratioToBareWalk: 2.98, speedupVsMarkjs: 253, longestTaskMs: 0, longestTaskNote: null, longestScanSliceMs: 12.3, error: null });
  });

  it('gives the isolated-world floor beside the main-world one, or null and the reason', () => {
    const r = pageResult('article-1mb', floor, markjs, ours(), chromium);
    expect(r).toMatchObject({ bareWalkIsolatedMs: 30, bareWalkIsolatedRunsMs: [30, 29, 33.33], ratioToIsolatedBareWalk: 2, bareWalkIsolatedNote: null, ratioToBareWalk: 2.98 });
    const none = pageResult('article-1mb', { ...floor, isolatedWalkMs: null, isolatedColdRuns: [] }, markjs, ours(), firefox);
    expect(none).toMatchObject({ bareWalkIsolatedMs: null, ratioToIsolatedBareWalk: null, bareWalkIsolatedNote: ISOLATED_WALK_NOTE, ratioToBareWalk: 2.98 });
  });

  it('has exactly the same keys in Firefox, with longestTaskMs null and the reason beside it', () => {
    const c = pageResult('article-1mb', floor, markjs, ours(), chromium);
    const f = pageResult('article-1mb', floor, markjs, ours({ longestTaskMs: null, scans: [load({ longestTaskMs: null })] }), firefox);
    expect(Object.keys(f).sort()).toEqual(Object.keys(c).sort());
    expect(f.longestTaskMs).toBeNull();
    expect(f.scans[0]!.longestTaskMs).toBeNull();
    expect(f.longestTaskNote).toBe(LONG_TASK_NOTE);
    expect(f.longestScanSliceMs).toBe(12.3);
  });

  it('never passes a 0 from a browser without the Long Tasks API off as a measured figure', () => {
    const f = pageResult('p', floor, markjs, ours({ longestTaskMs: 0 }), firefox);
    expect(f.longestTaskMs).toBeNull();
  });

  it('leaves ratios null when a side is missing, and says why the scan is missing', () => {
    const skipped = pageResult('article-10mb', floor, { ms: null, marks: null, note: 'skipped' }, ours(), chromium);
    expect(skipped).toMatchObject({ markjsMs: null, speedupVsMarkjs: null, markjsNote: 'skipped', ratioToBareWalk: 2.98 });
    const none = pageResult('p', floor, markjs, { scans: [], scanMs: null, busyMs: null, longestTaskMs: null, longestScanSliceMs: null }, chromium);
    expect(none).toMatchObject({ scanMs: null, ratioToBareWalk: null, speedupVsMarkjs: null, highlightRanges: 0 });
    expect(none.error).toMatch(/no finished scan/);
  });
});

function run(over: Partial<MutationRun> = {}): MutationRun {
  return {
    addedBytes: 2_000_000, addedNodes: 20_000, batches: 100, updates: 40, ourMs: 500, scriptMs: 1500, longestTaskMs: 30,
    longestScanSliceMs: 14, initialScanFound: true, stateAfter: 'done', readChars: 2_000_000, ...over,
  };
}
const settings = { perBatch: 200, intervalMs: 100, durationMs: 10_000 };

describe('mutation results', () => {
  it('gives our cost per added MB, the outside cost and the 10 MB / small ratios', () => {
    const small = mutationRunResult({ name: 'small', textBytes: 20_000 }, run(), run({ ourMs: null, scriptMs: 1000 }), chromium);
    const big = mutationRunResult({ name: '10mb', textBytes: 10_000_000 }, run({ ourMs: 750, scriptMs: 2200 }), run({ ourMs: null, scriptMs: 1200 }), chromium);
    expect(small).toMatchObject({ ourMs: 500, ourMsPerAddedMB: 250, extraScriptMs: 500, longestTaskMs: 30, longestScanSliceMs: 14 });
    const m = mutationResult(settings, [small, big], chromium);
    expect(m).toMatchObject({ costRatio10mbToSmall: 1.5, extraScriptRatio10mbToSmall: 2, longestTaskNote: null, scriptTimeNote: null });
  });

  it('in Firefox: the same keys, no script time or long task, each with its note', () => {
    const c = mutationRunResult({ name: 'small', textBytes: 20_000 }, run(), run(), chromium);
    const f = mutationRunResult({ name: 'small', textBytes: 20_000 }, run({ scriptMs: null, longestTaskMs: null }), run({ scriptMs: null, longestTaskMs: null }), firefox);
    expect(Object.keys(f).sort()).toEqual(Object.keys(c).sort());
    expect(f).toMatchObject({ extraScriptMs: null, scriptMsWithExtension: null, longestTaskMs: null, longestTaskMsWithout: null, ourMs: 500 });
    const m = mutationResult(settings, [f, { ...f, base: '10mb', ourMs: 600 }], firefox);
    expect(m).toMatchObject({ costRatio10mbToSmall: 1.2, extraScriptRatio10mbToSmall: null, longestTaskNote: LONG_TASK_NOTE, scriptTimeNote: SCRIPT_TIME_NOTE });
  });

  it('has no ratios and no script-time note when nothing ran (--only popup)', () => {
    expect(mutationResult(settings, [], chromium)).toMatchObject({ runs: [], costRatio10mbToSmall: null, extraScriptRatio10mbToSmall: null, scriptTimeNote: null });
  });
});

describe('firstPaintNote', () => {
  it('explains a missing first paint only when the contentful paint is there', () => {
    expect(firstPaintNote({ firstPaintMs: null, firstContentfulPaintMs: 120 })).toBe(FIRST_PAINT_NOTE);
    expect(firstPaintNote({ firstPaintMs: 100, firstContentfulPaintMs: 120 })).toBeNull();
    expect(firstPaintNote({ firstPaintMs: null, firstContentfulPaintMs: null })).toBeNull();
  });
});
