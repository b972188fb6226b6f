/**
 * `npm run bench [-- --out FILE] [-- --browser chromium] [-- --ext DIR]`:
 * the detection performance benchmark (issue 3) and the popup's first paint
 * with a 10,000-claim pack (issue 5), in real headless Chromium.
 *
 * Contract: builds the extension itself (`wxt build` into its own
 * SOURCELIGHT_OUT_DIR under the OS temp folder; `--ext DIR` uses an existing
 * chrome-mv3 build instead), generates deterministic article pages of ~1 MB
 * and ~10 MB of text, serves them on 127.0.0.1, and measures in the same run:
 * our scan+highlight time (the content script's `sourcelight:scan` measure),
 * a bare TreeWalker pass (first walk of a fresh load, median of 3 loads), mark.js on the same page in a browser
 * without the extension, the longest long task during our scan, the
 * mutation page (200 paragraphs / 100 ms / 10 s) on a small and a 10 MB base,
 * and the popup's first paint with 10,000 claims installed. Prints a table;
 * writes JSON to `--out` (default .output/bench-results.json). Exits 1 with a clear
 * message when Chromium, the build or a step is missing or the whole run
 * exceeds `--timeout` seconds (default 1200); always closes its browsers and
 * server. `--browser firefox` is refused: Firefox parity is a later issue.
 * `--profile FILE` also writes a CPU profile of our scan of the 10 MB page and
 * lists the functions with the most self time. `--only popup` runs only the popup part (no
 * scan, mark.js or mutation figures; the JSON's `pages` and `mutation.runs` are empty). `--skip-markjs-10mb` skips the ~minute-long mark.js run on the 10 MB page
 * (the JSON then says so; nothing is extrapolated).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articlePage, mutationScript } from './bench/article-page';
import { BIG_PACK_ID, bigPack } from './bench/big-pack';
import { buildExtension, checkChromium, checkExtensionDir, chromiumVersion, extensionWorker, launchPlain, launchWithExtension, type Launched } from './bench/chromium';
import { markjsTime } from './bench/markjs';
import { mutationRun, type MutationRun } from './bench/mutation';
import { packPhrases } from './bench/pack-phrases';
import { LONG_TASK_INIT, bareWalk, median } from './bench/page-probes';
import { ourScan } from './bench/our-scan';
import { profileScan, type SelfTime } from './bench/profile-scan';
import { installPackInExtension, popupFirstPaint, referenceFirstPaint, type PopupPaint } from './bench/popup-paint';
import { printTable } from './bench/print-table';
import { servePages } from './bench/serve-pages';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED_PACK = join(ROOT, 'data/packs/election-2020.json');

const { values: args } = parseArgs({
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
});

interface PageSpec {
  name: string;
  path: string;
  textBytes: number;
  mentionEvery: number;
  skipMarkjs: boolean;
}

const PAGES: PageSpec[] = [
  { name: 'article-1mb', path: '/article-1mb.html', textBytes: 1_000_000, mentionEvery: 40, skipMarkjs: false },
  { name: 'article-10mb', path: '/article-10mb.html', textBytes: 10_000_000, mentionEvery: 40, skipMarkjs: args['skip-markjs-10mb'] },
];
const MUTATION = { perBatch: 200, intervalMs: 100, durationMs: 10_000 };
const MUTATION_BASES = [
  { name: 'small', path: '/mutation-small.html', textBytes: 20_000 },
  { name: '10mb', path: '/mutation-10mb.html', textBytes: 10_000_000 },
];
const POPUP_CLAIMS = 10_000;
const WALK_LOADS = 3;
const SCAN_LOADS = 3;

// `--only popup`: the popup still opens on PAGES[0], so pages are generated, just not measured.
const scanPages = args.only === 'popup' ? [] : PAGES;
const mutationBases = args.only === 'popup' ? [] : MUTATION_BASES;

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const round = (x: number | null, digits = 1) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

async function main(): Promise<void> {
  if (args.only !== undefined && args.only !== 'popup') throw new Error(`--only ${args.only}: unknown part (only "popup" is supported)`);
  if (args.browser === 'firefox') throw new Error('--browser firefox: not yet supported (Firefox parity is a later issue); use --browser chromium');
  if (args.browser !== 'chromium') throw new Error(`--browser ${args.browser}: unknown browser (chromium is supported)`);
  checkChromium();
  const phrases = packPhrases(BUNDLED_PACK);
  const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
  if (loadAtStart[0]! > cpus().length) log(`warning: load average ${loadAtStart[0]} on ${cpus().length} CPUs: other work will inflate the timings`);

  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => {});
  };
  const deadline = setTimeout(() => {
    log(`the run exceeded --timeout ${args.timeout} s: giving up`);
    void cleanup().finally(() => process.exit(1));
  }, Number(args.timeout) * 1000);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

  try {
    let extDir = args.ext ? checkExtensionDir(resolve(args.ext)) : null;
    if (!extDir) {
      const outDir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-build-'));
      cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
      log(`building the extension into ${outDir}`);
      extDir = buildExtension(ROOT, outDir);
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
    log('browser without the extension: bare walk, mark.js, mutation baseline');
    const plain: Launched = await launchPlain();
    cleanups.push(() => plain.close());
    const floor = new Map<string, { walkMs: number; coldRuns: number[]; warmMs: number; textNodes: number; textBytes: number }>();
    const markjs = new Map<string, { ms: number | null; marks: number | null; note: string | null }>();
    for (const p of scanPages) {
      // The content script reads a freshly loaded page once, so the floor is the
      // FIRST walk of a fresh load (median of WALK_LOADS loads); repeated walks
      // of the same page are faster and are reported apart (bareWalkWarmMs).
      const coldRuns: number[] = [];
      let walk = null;
      for (let i = 0; i < WALK_LOADS; i++) {
        const page = await plain.context.newPage();
        await page.goto(server.url(p.path), { waitUntil: 'load', timeout: 120_000 });
        walk = await bareWalk(page, 5);
        coldRuns.push(walk.runsMs[0]!);
        await page.close();
      }
      const warmMs = median(walk!.runsMs.slice(1));
      floor.set(p.name, { walkMs: median(coldRuns), coldRuns, warmMs, textNodes: walk!.textNodes, textBytes: walk!.textBytes });
      log(`  ${p.name}: ${walk!.textNodes} text nodes, ${walk!.textBytes} chars, bare walk first-of-load ${coldRuns.map((x) => x.toFixed(1)).join(' / ')} ms, repeated ${warmMs.toFixed(1)} ms`);
      if (p.skipMarkjs) {
        markjs.set(p.name, { ms: null, marks: null, note: 'skipped (--skip-markjs-10mb); not extrapolated' });
        continue;
      }
      log(`  ${p.name}: mark.js with ${phrases.length} phrases…`);
      const m = await markjsTime(plain.context, server.url(p.path), phrases, Number(args['markjs-timeout']) * 1000);
      markjs.set(p.name, { ms: m.ms, marks: m.marks, note: m.timedOut ? `timed out after ${args['markjs-timeout']} s (a lower bound)` : null });
      log(`  ${p.name}: mark.js ${m.timedOut ? 'timed out' : `${m.ms!.toFixed(0)} ms, ${m.marks} marks`}`);
    }
    const mutationBaseline = new Map<string, MutationRun>();
    for (const b of mutationBases) mutationBaseline.set(b.name, await mutationRun(plain.context, server.url(b.path), null));
    await plain.close();

    // 2. With the extension: our scan, long tasks, mutation, popup.
    log('browser with the extension: scan, long tasks, mutation, popup');
    const ext: Launched = await launchWithExtension(extDir);
    cleanups.push(() => ext.close());
    const worker = await extensionWorker(ext.context);
    const extensionId = new URL(worker.url()).host;
    await ext.context.addInitScript(LONG_TASK_INIT);
    // An extension page to talk to the background from (it shares the extension's origin).
    const control = await ext.context.newPage();
    await control.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load', timeout: 30_000 });
    const pages = [];
    for (const p of scanPages) {
      const ours = await ourScan(ext.context, control, server.url(p.path), SCAN_LOADS, 120_000);
      const f = floor.get(p.name)!;
      const m = markjs.get(p.name)!;
      const scanMs = ours.scanMs;
      pages.push({
        name: p.name,
        textBytes: f.textBytes,
        textNodes: f.textNodes,
        scanMs: round(scanMs),
        scanBusyMs: round(ours.busyMs),
        bareWalkMs: round(f.walkMs, 2),
        markjsMs: round(m.ms, 0),
        ratioToBareWalk: scanMs === null ? null : round(scanMs / f.walkMs, 2),
        speedupVsMarkjs: scanMs === null || m.ms === null ? null : round(m.ms / scanMs, 0),
        longestTaskMs: round(ours.longestTaskMs),
        longestSliceMs: round(ours.longestSliceMs),
        highlightRanges: ours.scans[0]?.highlightRanges ?? 0,
        bareWalkRunsMs: f.coldRuns.map((x) => round(x, 2)),
        bareWalkWarmMs: round(f.warmMs, 2),
        ratioToWarmBareWalk: scanMs === null ? null : round(scanMs / f.warmMs, 2),
        markjsMarks: m.marks,
        markjsNote: m.note,
        scans: ours.scans.map((s) => ({ ...s, scanMs: round(s.scanMs), busyMs: round(s.busyMs), longestTaskMs: round(s.longestTaskMs), longestSliceMs: round(s.longestSliceMs) })),
        error: scanMs !== null ? null : 'the content script reported no finished scan within 120 s (neither a sourcelight:scan measure nor stats.fullScanMs in its tab report)',
      });
      log(`  ${p.name}: scan ${ours.scans.map((s) => s.scanMs.toFixed(1)).join(' / ') || 'n/a'} ms, ${ours.scans[0]?.highlightRanges ?? 0} highlight ranges`);
    }

    let profile: SelfTime[] | null = null;
    if (args.profile) {
      log(`profiling our scan of ${PAGES[PAGES.length - 1]!.name} into ${resolve(args.profile)}`);
      profile = await profileScan(ext.context, control, server.url(PAGES[PAGES.length - 1]!.path), resolve(args.profile));
      for (const t of profile) log(`  ${t.ms.toFixed(1).padStart(8)} ms self  ${t.fn}`);
    }

    const mutationRuns = [];
    for (const b of mutationBases) {
      log(`  mutation on the ${b.name} base page (10 s)…`);
      const r = await mutationRun(ext.context, server.url(b.path), control);
      const base = mutationBaseline.get(b.name)!;
      mutationRuns.push({
        base: b.name,
        baseTextBytes: b.textBytes,
        addedBytes: r.addedBytes,
        addedNodes: r.addedNodes,
        batches: r.batches,
        updates: r.updates,
        ourMs: round(r.ourMs),
        ourMsPerAddedMB: r.ourMs === null ? null : round(r.ourMs / (r.addedBytes / 1e6)),
        extraScriptMs: round(r.scriptMs - base.scriptMs),
        scriptMsWithExtension: round(r.scriptMs),
        scriptMsWithout: round(base.scriptMs),
        longestTaskMs: round(r.longestTaskMs),
        longestTaskMsWithout: round(base.longestTaskMs),
        scannerStateAfter: r.stateAfter,
        scannerReadNodes: r.readNodes,
      });
    }
    const [small, big] = mutationRuns;
    const mutation = {
      perBatchParagraphs: MUTATION.perBatch,
      intervalMs: MUTATION.intervalMs,
      durationMs: MUTATION.durationMs,
      runs: mutationRuns,
      // ≈ 1 when the cost follows the added text, not the page size.
      costRatio10mbToSmall: small?.ourMs && big?.ourMs ? round(big.ourMs / small.ourMs, 2) : null,
      extraScriptRatio10mbToSmall: small && big && small.extraScriptMs ? round(big.extraScriptMs! / small.extraScriptMs, 2) : null,
    };

    log(`installing a ${POPUP_CLAIMS}-claim pack and opening the popup`);
    let popup: (PopupPaint & { claims: number; tabId: number | null; installResult: string }) | { claims: number; error: string };
    try {
      const installStart = Date.now();
      const installResult = await installPackInExtension(ext.context, extensionId, JSON.stringify(bigPack(POPUP_CLAIMS)));
      const installMs = Date.now() - installStart;
      const tabPage = await ext.context.newPage();
      await tabPage.goto(server.url(PAGES[0]!.path), { waitUntil: 'load', timeout: 120_000 });
      await tabPage.bringToFront();
      const sw = await extensionWorker(ext.context);
      const tabId = (await sw.evaluate(`chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((t) => t[0] ? t[0].id : null)`)) as number | null;
      const paint = await popupFirstPaint(ext.context, extensionId, tabId ?? 0, 5);
      const referencePageFirstPaintMs = await referenceFirstPaint(ext.context, server.url('/blank.html'), 5);
      popup = { claims: POPUP_CLAIMS, pack: BIG_PACK_ID, tabId, installResult, installMs, ...paint, referencePageFirstPaintMs } as never;
    } catch (e) {
      popup = { claims: POPUP_CLAIMS, error: e instanceof Error ? e.message : String(e) };
    }

    const result = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
      browser: chromiumVersion(),
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
