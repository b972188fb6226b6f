/**
 * The benchmark's human-readable summary on stdout.
 *
 * Contract: `printTable(result)` prints one row per page (sizes, our scan,
 * the bare walk, mark.js, the two ratios, the longest task, each against its
 * target, and the scanner's own longest slice), the mutation runs and the
 * popup's paint times; "n/a" for any figure that could not be measured, with
 * the result's notes saying why. Throws nothing.
 */

type Num = number | null | undefined;

interface Row {
  name: string;
  textBytes: number;
  textNodes: number;
  scanMs: Num;
  bareWalkMs: Num;
  markjsMs: Num;
  ratioToBareWalk: Num;
  bareWalkIsolatedMs?: Num;
  ratioToIsolatedBareWalk?: Num;
  speedupVsMarkjs: Num;
  longestTaskMs: Num;
  longestScanSliceMs: Num;
  highlightRanges: number;
  error?: string | null;
  markjsNote?: string | null;
}

interface MutationRow {
  base: string;
  addedBytes: number;
  updates: Num;
  ourMs: Num;
  ourMsPerAddedMB: Num;
  extraScriptMs: Num;
  longestTaskMs: Num;
  scannerStateAfter: string | null;
}

export interface TableInput {
  browser: { version: string };
  machine: { cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  markjsPhrases: number;
  pages: Row[];
  mutation: { runs: MutationRow[]; costRatio10mbToSmall: Num; extraScriptRatio10mbToSmall: Num; longestTaskNote: string | null; scriptTimeNote: string | null };
  popup: {
    claims: number;
    firstPaintMs?: Num;
    firstContentfulPaintMs?: Num;
    mainVisibleMs?: Num;
    opens?: number;
    baselineFirstPaintMs?: Num;
    baselineFirstContentfulPaintMs?: Num;
    ownFirstPaintMs?: Num;
    ownFirstContentfulPaintMs?: Num;
    bundledPackOnly?: { firstContentfulPaintMs: Num };
    firstContentfulPaintRatioToBundledPackOnly?: Num;
    referencePageFirstPaintMs?: Num;
    referencePageFirstContentfulPaintMs?: Num;
    installMs?: Num;
    firstPaintNote?: string | null;
    error?: string;
  };
}

const f = (x: Num, unit = '') => (x === null || x === undefined ? 'n/a' : `${x}${unit}`);
const ok = (x: Num, pass: (v: number) => boolean) => (x === null || x === undefined ? '' : pass(x) ? ' ✓' : ' ✗');

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printTable(r: TableInput): void {
  const out: string[] = [`Sourcelight benchmark — ${r.browser.version}; mark.js with ${r.markjsPhrases} phrases`];
  const busy = Math.max(r.machine.loadAverageAtStart[0] ?? 0, r.machine.loadAverageAtEnd[0] ?? 0);
  out.push(`${r.machine.cpus} CPUs, load average ${r.machine.loadAverageAtStart[0]} at start, ${r.machine.loadAverageAtEnd[0]} at end` +
    (busy > r.machine.cpus ? ' — a busy machine: absolute times are inflated, compare the ratios' : ''), '');
  out.push(
    table(
      ['page', 'text', 'nodes', 'ours', 'bare walk', 'isolated walk', 'mark.js', 'ours/walk (≤2)', 'ours/isolated walk', 'mark.js/ours (≥100)', 'longest task (≤50)', 'our longest slice', 'ranges'],
      r.pages.map((p) => [
        p.name,
        `${(p.textBytes / 1e6).toFixed(2)} MB`,
        String(p.textNodes),
        f(p.scanMs, ' ms'),
        f(p.bareWalkMs, ' ms'),
        f(p.bareWalkIsolatedMs, ' ms'),
        f(p.markjsMs, ' ms'),
        f(p.ratioToBareWalk, '×') + ok(p.ratioToBareWalk, (v) => v <= 2),
        f(p.ratioToIsolatedBareWalk, '×'),
        f(p.speedupVsMarkjs, '×') + ok(p.speedupVsMarkjs, (v) => v >= 100),
        f(p.longestTaskMs, ' ms') + ok(p.longestTaskMs, (v) => v <= 50),
        f(p.longestScanSliceMs, ' ms'),
        String(p.highlightRanges),
      ]),
    ),
  );
  if (r.pages.some((p) => p.longestTaskMs === null && p.scanMs !== null) && r.mutation.longestTaskNote) out.push(`  longest task: ${r.mutation.longestTaskNote}`);
  for (const p of r.pages) {
    if (p.error) out.push(`  ${p.name}: ${p.error}`);
    if (p.markjsNote) out.push(`  ${p.name}: mark.js ${p.markjsNote}`);
  }
  out.push('', 'Mutation: 200 paragraphs every 100 ms for 10 s');
  out.push(
    table(
      ['base page', 'added text', 'our passes', 'our time', 'per added MB', 'extra script time (CDP)', 'longest task', 'scanner after'],
      r.mutation.runs.map((m) => [
        m.base,
        `${(m.addedBytes / 1e6).toFixed(2)} MB`,
        f(m.updates),
        f(m.ourMs, ' ms'),
        f(m.ourMsPerAddedMB, ' ms'),
        f(m.extraScriptMs, ' ms'),
        f(m.longestTaskMs, ' ms') + ok(m.longestTaskMs, (v) => v <= 50),
        m.scannerStateAfter ?? 'n/a',
      ]),
    ),
  );
  out.push(`  cost on the 10 MB base / cost on the small base: ours ${f(r.mutation.costRatio10mbToSmall, '×')}, CDP ${f(r.mutation.extraScriptRatio10mbToSmall, '×')} (≈1: proportional to the added text)`);
  if (r.mutation.scriptTimeNote) out.push(`  script time: ${r.mutation.scriptTimeNote}`);
  out.push('', `Popup with ${r.popup.claims} claims installed:`);
  out.push(
    r.popup.error
      ? `  error: ${r.popup.error}`
      : [
          `  first paint ${f(r.popup.firstPaintMs, ' ms')}, first contentful paint ${f(r.popup.firstContentfulPaintMs, ' ms')}, main content visible ${f(r.popup.mainVisibleMs === undefined || r.popup.mainVisibleMs === null ? null : Math.round(r.popup.mainVisibleMs), ' ms')} (medians of ${f(r.popup.opens)} opens)`,
          `  a trivial page of the extension opened after each: first paint ${f(r.popup.baselineFirstPaintMs, ' ms')}, first contentful paint ${f(r.popup.baselineFirstContentfulPaintMs, ' ms')}; a trivial http page: ${f(r.popup.referencePageFirstPaintMs, ' ms')}, ${f(r.popup.referencePageFirstContentfulPaintMs, ' ms')}`,
          `  the popup's own share (median of popup − trivial extension page): first paint ${f(r.popup.ownFirstPaintMs, ' ms')}${ok(r.popup.ownFirstPaintMs, (v) => v < 100)}, first contentful paint ${f(r.popup.ownFirstContentfulPaintMs, ' ms')}${ok(r.popup.ownFirstContentfulPaintMs, (v) => v < 100)}`,
          `  with only the bundled pack: first contentful paint ${f(r.popup.bundledPackOnly?.firstContentfulPaintMs, ' ms')} (10k claims / bundled: ${f(r.popup.firstContentfulPaintRatioToBundledPackOnly, '×')}); pack install took ${f(r.popup.installMs, ' ms')}`,
        ].join('\n') +
          (r.popup.firstPaintNote ? `\n  ${r.popup.firstPaintNote}` : ''),
  );
  process.stdout.write(out.join('\n') + '\n');
}
