/**
 * `npm run bench [-- --browser chromium|firefox] [-- --out FILE] [-- --ext DIR]`:
 * the detection performance benchmark (issue 3) and the popup's first paint
 * with a 10,000-claim pack (issue 5), in real headless Chromium (default) or
 * Firefox ESR (issue 7), with the same measuring code and the same JSON.
 *
 * Contract: builds the extension itself (`wxt build`, `-b firefox` for
 * Firefox, into its own SOURCELIGHT_OUT_DIR under the OS temp folder;
 * `--ext DIR` uses an existing build: the browser's build folder or a WXT
 * output dir holding it), generates deterministic article pages of ~1 MB
 * and ~10 MB of text, serves them on 127.0.0.1, and measures in the same run:
 * our scan+highlight time (the content script's `sourcelight:scan` measure),
 * a bare TreeWalker pass (first walk of a fresh load, median of 3 loads),
 * mark.js on the same page in a browser without the extension, the longest
 * long task during our scan (Long Tasks API; null in Firefox, which has
 * none: a note says so and `longestScanSliceMs`, the scanner's own longest
 * slice, is given in both browsers), the mutation page (200 paragraphs /
 * 100 ms / 10 s) on a small and a 10 MB base, and the popup's first paint
 * with 10,000 claims installed. Prints a table; writes JSON to `--out`
 * (default .output/bench-results.json) with a top-level `browser`
 * ({ name, version, longTasksApi }). Exits 1 with a clear message when the
 * browser, the build or a step is missing or the whole run exceeds
 * `--timeout` seconds (default 1200); always closes its browsers and
 * server. `--profile FILE` (Chromium only) also writes a CPU profile of our
 * scan of the 10 MB page and lists the functions with the most self time.
 * `--only popup` runs only the popup part (no scan, mark.js or mutation
 * figures; the JSON's `pages` and `mutation.runs` are empty).
 * `--skip-markjs-10mb` skips the minutes-long mark.js run on the 10 MB page
 * (the JSON then says so; nothing is extrapolated).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePage, mutationScript } from './bench/article-page';
import { parseBenchArgs } from './bench/bench-args';
import { firstPaintNote, mutationResult, ratio, mutationRunResult, pageResult, type BrowserInfo, type FloorFigures, type MarkjsFigures } from './bench/bench-results';
import { BIG_PACK_ID, bigPack } from './bench/big-pack';
import { chromiumDriver } from './bench/chromium';
import type { BenchDriver, BrowserName } from './bench/driver';
import { buildExtension, findExtensionDir } from './bench/extension-build';
import { firefoxDriver } from './bench/firefox-driver';
import { markjsTime } from './bench/markjs';
import { mutationRun, type MutationRun } from './bench/mutation';
import { packPhrases } from './bench/pack-phrases';
import { bareWalk, isolatedBareWalk, longTasksApi, median } from './bench/page-probes';
import { ourScan } from './bench/our-scan';
import { profileScan, type SelfTime } from './bench/profile-scan';
import { installPackInExtension, popupFirstPaint, referenceFirstPaint } from './bench/popup-paint';
import { printTable, type TableInput } from './bench/print-table';
import { servePages } from './bench/serve-pages';
import { ExtensionControl } from './bench/tab-results';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED_PACK = join(ROOT, 'data/packs/election-2020.json');
const DRIVERS: Record<BrowserName, BenchDriver> = { chromium: chromiumDriver, firefox: firefoxDriver };

interface PageSpec {
  name: string;
  path: string;
  textBytes: number;
  mentionEvery: number;
}

const PAGES: PageSpec[] = [
  { name: 'article-1mb', path: '/article-1mb.html', textBytes: 1_000_000, mentionEvery: 40 },
  { name: 'article-10mb', path: '/article-10mb.html', textBytes: 10_000_000, mentionEvery: 40 },
];
const MUTATION = { perBatch: 200, intervalMs: 100, durationMs: 10_000 };
const MUTATION_BASES = [
  { name: 'small', path: '/mutation-small.html', textBytes: 20_000 },
  { name: '10mb', path: '/mutation-10mb.html', textBytes: 10_000_000 },
];
const POPUP_CLAIMS = 10_000;
// Paint times of one open vary by ±50 % on a loaded machine: medians of many opens.
const POPUP_RUNS = 11;
const WALK_LOADS = 3;
const SCAN_LOADS = 3;

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const driver = DRIVERS[args.browser];
  driver.check();
  // `--only popup`: the popup still opens on PAGES[0], so pages are generated, just not measured.
  const scanPages = args.only === 'popup' ? [] : PAGES;
  const mutationBases = args.only === 'popup' ? [] : MUTATION_BASES;
  const phrases = packPhrases(BUNDLED_PACK);
  const loadAtStart = loadAverage();
  if (loadAtStart[0]! > cpus().length) log(`warning: load average ${loadAtStart[0]} on ${cpus().length} CPUs: other work will inflate the timings`);

  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => {});
  };
  const deadline = setTimeout(() => {
    log(`the run exceeded --timeout ${args.timeoutS} s: giving up`);
    void cleanup().finally(() => process.exit(1));
  }, args.timeoutS * 1000);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

  try {
    let extDir = args.ext ? findExtensionDir(driver, resolve(args.ext)) : null;
    if (!extDir) {
      const outDir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-build-'));
      cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
      log(`building the ${driver.name} extension into ${outDir}`);
      extDir = buildExtension(driver, ROOT, outDir);
    }

    log('generating pages');
    const html = new Map<string, string>([['/blank.html', '<!doctype html><title>blank</title><p>Reference page.</p>']]);
    PAGES.forEach((p, i) => html.set(p.path, articlePage({ title: `Benchmark article ${p.name}`, textBytes: p.textBytes, seed: 1000 + i, mentionEvery: p.mentionEvery })));
    MUTATION_BASES.forEach((b, i) =>
      html.set(b.path, articlePage({ title: `Mutation benchmark (${b.name} base)`, textBytes: b.textBytes, seed: 2000 + i, mentionEvery: 40,
        script: mutationScript(MUTATION.perBatch, MUTATION.intervalMs, MUTATION.durationMs, 3000) })),
    );
    const server = await servePages(html);
    cleanups.push(() => server.close());

    // 1. Without the extension: the floor, mark.js, and the mutation page's own script time.
    log(`${driver.name} without the extension: bare walk, mark.js, mutation baseline`);
    const plain = await driver.launchPlain();
    cleanups.push(() => plain.close());
    const probe = await plain.open(server.url('/blank.html'));
    const browser: BrowserInfo = { name: driver.name, version: driver.version(), longTasksApi: await longTasksApi(probe) };
    await probe.close();
    log(`  ${browser.version}; Long Tasks API: ${browser.longTasksApi ? 'yes' : 'no'}`);
    const floor = new Map<string, FloorFigures>();
    const markjs = new Map<string, MarkjsFigures>();
    for (const p of scanPages) {
      // The content script reads a freshly loaded page once, so the floor is the
      // FIRST walk of a fresh load (median of WALK_LOADS loads); repeated walks
      // of the same page are faster and are reported apart (bareWalkWarmMs).
      const coldRuns: number[] = [];
      let walk = null;
      for (let i = 0; i < WALK_LOADS; i++) {
        const page = await plain.open(server.url(p.path));
        walk = await bareWalk(page, 5);
        coldRuns.push(walk.runsMs[0]!);
        await page.close();
      }
      const warmMs = median(walk!.runsMs.slice(1));
      // The same first walk in an isolated world, where content scripts run: the floor a content
      // script itself can reach (each world has its own wrappers for the DOM's nodes).
      const isolatedColdRuns: number[] = [];
      for (let i = 0; i < WALK_LOADS; i++) {
        const page = await plain.open(server.url(p.path));
        const isolated = await isolatedBareWalk(page, 1);
        await page.close();
        if (!isolated) break;
        isolatedColdRuns.push(isolated.runsMs[0]!);
      }
      const isolatedWalkMs = isolatedColdRuns.length ? median(isolatedColdRuns) : null;
      floor.set(p.name, { walkMs: median(coldRuns), coldRuns, warmMs, isolatedWalkMs, isolatedColdRuns, textNodes: walk!.textNodes, textBytes: walk!.textBytes });
      log(`  ${p.name}: ${walk!.textNodes} text nodes, ${walk!.textBytes} chars, bare walk first-of-load ${coldRuns.map((x) => x.toFixed(1)).join(' / ')} ms, repeated ${warmMs.toFixed(1)} ms, isolated world ${isolatedColdRuns.map((x) => x.toFixed(1)).join(' / ') || 'n/a'} ms`);
      if (p.name === 'article-10mb' && args.skipMarkjs10mb) {
        markjs.set(p.name, { ms: null, marks: null, note: 'skipped (--skip-markjs-10mb); not extrapolated' });
        continue;
      }
      log(`  ${p.name}: mark.js with ${phrases.length} phrases…`);
      const m = await markjsTime(plain, server.url(p.path), phrases, args.markjsTimeoutS * 1000);
      markjs.set(p.name, { ms: m.ms, marks: m.marks, note: m.timedOut ? `timed out after ${args.markjsTimeoutS} s (a lower bound)` : null });
      log(`  ${p.name}: mark.js ${m.timedOut ? 'timed out' : `${m.ms!.toFixed(0)} ms, ${m.marks} marks`}`);
    }
    const mutationBaseline = new Map<string, MutationRun>();
    for (const b of mutationBases) mutationBaseline.set(b.name, await mutationRun(plain, server.url(b.path), null));
    await plain.close();

    // 2. With the extension: our scan, long tasks, mutation, popup.
    log(`${driver.name} with the extension: scan, long tasks, mutation, popup`);
    const ext = await driver.launchWithExtension(extDir);
    cleanups.push(() => ext.close());
    // An extension page to talk to the background from (it shares the extension's origin).
    const control = await ExtensionControl.open(ext);
    const pages = [];
    for (const p of scanPages) {
      const ours = await ourScan(ext, control, server.url(p.path), SCAN_LOADS, 120_000);
      pages.push(pageResult(p.name, floor.get(p.name)!, markjs.get(p.name)!, ours, browser));
      log(`  ${p.name}: scan ${ours.scans.map((s) => s.scanMs.toFixed(1)).join(' / ') || 'n/a'} ms, ${ours.scans[0]?.highlightRanges ?? 0} highlight ranges`);
    }

    let profile: SelfTime[] | null = null;
    if (args.profile) {
      const target = PAGES[PAGES.length - 1]!;
      log(`profiling our scan of ${target.name} into ${resolve(args.profile)}`);
      profile = await profileScan(ext, control, server.url(target.path), resolve(args.profile));
      for (const t of profile) log(`  ${t.ms.toFixed(1).padStart(8)} ms self  ${t.fn}`);
    }

    const mutationRuns = [];
    for (const b of mutationBases) {
      log(`  mutation on the ${b.name} base page (10 s)…`);
      const r = await mutationRun(ext, server.url(b.path), control);
      mutationRuns.push(mutationRunResult(b, r, mutationBaseline.get(b.name)!, browser));
    }
    const mutation = mutationResult(MUTATION, mutationRuns, browser);

    log(`installing a ${POPUP_CLAIMS}-claim pack and opening the popup`);
    let popup: TableInput['popup'];
    try {
      // The same tab and popup first with only the bundled pack, then with the big one:
      // their ratio shows what the pack's size adds to the popup's first paint.
      const tabPage = await ext.open(server.url(PAGES[0]!.path));
      const tabId = await control.activeTabId();
      await control.waitForScanDone(tabId ?? 0, 60_000);
      const small = await popupFirstPaint(ext, tabId ?? 0, POPUP_RUNS);
      const installStart = Date.now();
      const installResult = await installPackInExtension(ext, JSON.stringify(bigPack(POPUP_CLAIMS)));
      const installMs = Date.now() - installStart;
      // The tab rescans with the new pack's rules: measure the popup once that is over, as a reader would meet it.
      await sleep(1000);
      await control.waitForScanDone(tabId ?? 0, 60_000);
      const paint = await popupFirstPaint(ext, tabId ?? 0, POPUP_RUNS);
      const reference = await referenceFirstPaint(ext, server.url('/blank.html'), POPUP_RUNS);
      await tabPage.close();
      const measured = {
        claims: POPUP_CLAIMS,
        pack: BIG_PACK_ID,
        tabId,
        installResult,
        installMs,
        opens: POPUP_RUNS,
        ...paint,
        bundledPackOnly: { firstPaintMs: small.firstPaintMs, firstContentfulPaintMs: small.firstContentfulPaintMs, mainVisibleMs: small.mainVisibleMs, ownFirstPaintMs: small.ownFirstPaintMs, ownFirstContentfulPaintMs: small.ownFirstContentfulPaintMs },
        firstContentfulPaintRatioToBundledPackOnly: ratio(paint.firstContentfulPaintMs, small.firstContentfulPaintMs, 2),
        referencePageFirstPaintMs: reference.firstPaintMs,
        referencePageFirstContentfulPaintMs: reference.firstContentfulPaintMs,
        firstPaintNote: firstPaintNote(paint),
      };
      popup = measured;
    } catch (e) {
      popup = { claims: POPUP_CLAIMS, error: e instanceof Error ? e.message : String(e) };
    }

    const result = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAverage() },
      browser,
      markjsPhrases: phrases.length,
      markjsOptions: { separateWordSearch: false, acrossElements: true, wildcards: 'enabled' },
      targets: { ratioToBareWalk: '<= 2', speedupVsMarkjs: '>= 100', longestTaskMs: '<= 50', popupFirstPaintMs: '< 100' },
      pages,
      mutation,
      popup,
      ...(profile ? { profileSelfTime: profile } : {}),
    };
    mkdirSync(dirname(resolve(args.out)), { recursive: true });
    writeFileSync(resolve(args.out), JSON.stringify(result, null, 2) + '\n');
    printTable(result);
    log(`wrote ${resolve(args.out)}`);
  } finally {
    clearTimeout(deadline);
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
