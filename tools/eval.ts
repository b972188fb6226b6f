/**
 * eval: page-level precision and recall of the detector on a labelled corpus.
 *
 *   npm run eval -- [--json] [--pack FILE]... [--min X] DIR
 *   npm run eval -- --browser chromium|firefox [--ext BUILD_DIR] [--json] [--min X] DIR
 *
 * Contract: evaluates DIR with tools/evaluate-corpus.ts (the scan path of tools/scan.ts) using
 * the bundled pack, or only the `--pack` files when given, and prints precision and recall per
 * claim and overall over the static pages, every misclassified page with its kind, and the
 * `"late": true` pages apart (a static scan cannot see their script-inserted text). With
 * `--browser` the pages are instead read by the built extension in that browser
 * (tools/eval-browser.ts; it builds the bundled pack's extension itself unless `--ext` names a
 * build) and every page is scored, late ones included. With --json prints one JSON object on stdout.
 * Exit 0 when the report was produced and, with `--min X`, overall precision and recall are
 * both >= X; 1 when they are below X; 2 on bad usage, an unreadable corpus, an invalid pack
 * or a browser run that failed (message on stderr).
 */
import type { BrowserName } from '../tests/e2e/browser-adapter';
import { buildFor, findInBrowser } from './eval-browser';
import { BUNDLED_PACK, CorpusError, evaluateCorpus, readCorpus, scoreCorpus, type EvalReport, type Score } from './evaluate-corpus';

class UsageError extends Error {}

interface Args {
  json: boolean;
  packs: string[];
  dir: string;
  browser: BrowserName | null;
  ext: string | null;
  min: number | null;
}

function parseArgs(argv: string[]): Args {
  let json = false;
  let browser: BrowserName | null = null;
  let ext: string | null = null;
  let min: number | null = null;
  const packs: string[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--browser') {
      const name = argv[++i];
      if (name !== 'chromium' && name !== 'firefox') throw new UsageError('--browser needs chromium or firefox');
      browser = name;
    } else if (arg === '--ext') {
      ext = argv[++i] ?? null;
      if (ext === null) throw new UsageError('--ext needs a build folder');
    } else if (arg === '--min') {
      min = Number(argv[++i]);
      if (!(min >= 0 && min <= 1)) throw new UsageError('--min needs a number from 0 to 1');
    } else if (arg === '--pack') {
      const file = argv[++i];
      if (file === undefined) throw new UsageError('--pack needs a file');
      packs.push(file);
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else dirs.push(arg);
  }
  if (dirs.length !== 1) throw new UsageError('give exactly one corpus directory');
  if (browser && packs.length > 0) throw new UsageError('--pack cannot be used with --browser (the extension carries the bundled pack)');
  if (ext && !browser) throw new UsageError('--ext needs --browser');
  return { json, packs: packs.length > 0 ? packs : [BUNDLED_PACK], dir: dirs[0] as string, browser, ext, min };
}

function printReport(r: EvalReport, where: string): void {
  const pct = (x: number) => x.toFixed(3);
  console.log(`${r.dir}: ${r.pages} pages, ${r.scored} scored ${where}, ${r.late.length} late (not scored)`);
  console.log(`${'claim'.padEnd(28)} precision  recall   tp  fp  fn`);
  const row = (name: string, s: Score) =>
    console.log(`${name.padEnd(28)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
  for (const [id, s] of Object.entries(r.perClaim)) row(id, s);
  row('overall', r.overall);
  console.log(r.misclassified.length === 0 ? 'misclassified: none' : 'misclassified:');
  for (const m of r.misclassified) {
    const what = [...m.missed.map((c) => `missed ${c}`), ...m.spurious.map((c) => `spurious ${c}`)].join(', ');
    console.log(`  ${m.file}  ${what}  (${m.kind})`);
  }
  if (r.late.length > 0) {
    console.log('late pages (text inserted by script; judged in the browser, not here):');
    for (const p of r.late) console.log(`  ${p.file}  expected [${p.expected.join(', ')}], static scan found [${p.found.join(', ')}]  (${p.kind})`);
  }
}

async function report(args: Args): Promise<EvalReport> {
  if (!args.browser) return evaluateCorpus(args.dir, args.packs);
  const { labels, claimIds } = readCorpus(args.dir, args.packs);
  const ext = args.ext ?? buildFor(args.browser);
  const found = await findInBrowser(args.browser, ext, args.dir, Object.keys(labels).sort());
  return scoreCorpus(args.dir, labels, claimIds, found, { scoreLate: true });
}

async function main(): Promise<number> {
  let args: Args;
  let r: EvalReport;
  try {
    args = parseArgs(process.argv.slice(2));
    r = await report(args);
  } catch (e) {
    const usage = e instanceof UsageError;
    if (!usage && !(e instanceof CorpusError) && !(e instanceof Error)) throw e;
    process.stderr.write(
      `eval: ${(e as Error).message}\n` +
        (usage ? 'usage: npm run eval -- [--json] [--pack FILE]... [--browser chromium|firefox [--ext DIR]] [--min X] DIR\n' : ''),
    );
    return 2;
  }
  if (args.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  else printReport(r, args.browser ? `in ${args.browser} (built extension)` : 'statically');
  if (args.min !== null && (r.overall.precision < args.min || r.overall.recall < args.min)) {
    process.stderr.write(`eval: overall precision ${r.overall.precision.toFixed(3)} / recall ${r.overall.recall.toFixed(3)} is below --min ${args.min}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
