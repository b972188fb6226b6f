/**
 * eval: page-level precision and recall of the detector on a labelled corpus.
 *
 *   npm run eval -- [--json] [--pack FILE]... DIR
 *
 * Contract: evaluates DIR with tools/evaluate-corpus.ts (the scan path of tools/scan.ts) using
 * the bundled pack, or only the `--pack` files when given, and prints precision and recall per
 * claim and overall over the static pages, every misclassified page with its kind, and the
 * `"late": true` pages apart (a static scan cannot see their script-inserted text). With --json prints one JSON object on stdout.
 * Exit 0 when the report was produced (whatever the scores); 2 on bad usage, an unreadable
 * corpus or an invalid pack (message on stderr).
 */
import { BUNDLED_PACK, CorpusError, evaluateCorpus, type EvalReport, type Score } from './evaluate-corpus';

class UsageError extends Error {}

function parseArgs(argv: string[]): { json: boolean; packs: string[]; dir: string } {
  let json = false;
  const packs: string[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--pack') {
      const file = argv[++i];
      if (file === undefined) throw new UsageError('--pack needs a file');
      packs.push(file);
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else dirs.push(arg);
  }
  if (dirs.length !== 1) throw new UsageError('give exactly one corpus directory');
  return { json, packs: packs.length > 0 ? packs : [BUNDLED_PACK], dir: dirs[0] as string };
}

function printReport(r: EvalReport): void {
  const pct = (x: number) => x.toFixed(3);
  console.log(`${r.dir}: ${r.pages} pages, ${r.scored} scored statically, ${r.late.length} late (not scored)`);
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

function main(): number {
  try {
    const args = parseArgs(process.argv.slice(2));
    const report = evaluateCorpus(args.dir, args.packs);
    if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else printReport(report);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof CorpusError)) throw e;
    process.stderr.write(`eval: ${e.message}\nusage: npm run eval -- [--json] [--pack FILE]... DIR\n`);
    return 2;
  }
}

process.exitCode = main();
