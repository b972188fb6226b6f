/**
 * Page-level evaluation of the detector on a labelled corpus (used by tools/eval.ts and tests).
 *
 * Contract: `evaluateCorpus(dir, packFiles)` reads DIR/labels.json ({"file.html": {"claims":
 * [...], "lang", "kind", "late"}}, format in /work/shared/corpus/dev/README.md), scans every
 * listed page with the same code path as tools/scan.ts (linkedom + scanDocument from
 * lib/dom/scan-document.ts) using the claims of `packFiles` (each validated with validatePack;
 * a later pack's claim replaces an earlier one with the same id), and returns precision and
 * recall per claim and overall (micro-averaged over page × claim decisions) over the pages not
 * labelled `"late": true`, every misclassified page with its kind, and the late pages apart
 * (their text comes from a script after load, which a static scan cannot see).
 * Throws `CorpusError` (clear message) on an unreadable corpus, bad labels or an invalid pack.
 * `scoreCorpus` scores findings made elsewhere (the built extension in a browser,
 * tools/eval-browser.ts) the same way, late pages included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { scanDocument } from '../lib/dom/scan-document';
import { compileMatcher } from '../lib/match/compile-matcher';
import type { MatchRules } from '../lib/pack/schema';
import { loadPackClaims, PackFileError } from './pack-claims';

export const BUNDLED_PACK = fileURLToPath(new URL('../data/packs/election-2020.json', import.meta.url));

export class CorpusError extends Error {}

export interface Label {
  claims: string[];
  lang?: string;
  kind?: string;
  late?: boolean;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

interface PageResult {
  file: string;
  kind: string;
  expected: string[];
  found: string[];
}

export interface EvalReport {
  dir: string;
  pages: number;
  scored: number;
  perClaim: Record<string, Score>;
  overall: Score;
  misclassified: Array<PageResult & { missed: string[]; spurious: string[] }>;
  late: PageResult[];
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CorpusError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CorpusError(`${what} ${file} is not JSON: ${(e as Error).message}`);
  }
}

function loadClaims(packFiles: string[]): Array<{ id: string; match: MatchRules }> {
  try {
    return loadPackClaims(packFiles);
  } catch (e) {
    if (e instanceof PackFileError) throw new CorpusError(e.message);
    throw e;
  }
}

function readLabels(dir: string): Record<string, Label> {
  const json = readJson(join(dir, 'labels.json'), 'labels');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CorpusError('labels.json must be an object');
  for (const [file, label] of Object.entries(json)) {
    const l = label as Partial<Label> | null;
    if (!l || !Array.isArray(l.claims) || !l.claims.every((c) => typeof c === 'string')) {
      throw new CorpusError(`labels.json: "${file}" needs a "claims" array of claim ids`);
    }
  }
  return json as Record<string, Label>;
}

function score(tp: number, fp: number, fn: number): Score {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function evaluateCorpus(dir: string, packFiles: string[]): EvalReport {
  const claims = loadClaims(packFiles);
  const matcher = compileMatcher(claims);
  const labels = readLabels(dir);
  const found: Record<string, string[]> = {};
  for (const file of Object.keys(labels)) {
    let html: string;
    try {
      html = readFileSync(join(dir, file), 'utf8');
    } catch (e) {
      throw new CorpusError(`cannot read page ${file}: ${(e as Error).message}`);
    }
    const { document } = parseHTML(html);
    found[file] = scanDocument(document, matcher).map((m) => m.claim);
  }
  return scoreCorpus(dir, labels, claims.map((c) => c.id), found, { scoreLate: false });
}

/**
 * Labels and claim ids of a corpus for a run outside this process (tools/eval-browser.ts):
 * what `scoreCorpus` needs besides the findings. Throws CorpusError like `evaluateCorpus`.
 */
export function readCorpus(dir: string, packFiles: string[]): { labels: Record<string, Label>; claimIds: string[] } {
  return { labels: readLabels(dir), claimIds: loadClaims(packFiles).map((c) => c.id) };
}

/**
 * The report for claims `found` per page (any order, duplicates allowed). Late pages are scored
 * with the others when `scoreLate` (a real browser runs their script), else listed apart.
 */
export function scoreCorpus(
  dir: string,
  labels: Record<string, Label>,
  claimIds: string[],
  found: Record<string, string[]>,
  { scoreLate }: { scoreLate: boolean },
): EvalReport {
  const ids = new Set<string>(claimIds);
  for (const l of Object.values(labels)) for (const c of l.claims) ids.add(c);
  const counts = new Map([...ids].map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const report: EvalReport = { dir, pages: 0, scored: 0, perClaim: {}, overall: score(0, 0, 0), misclassified: [], late: [] };
  for (const file of Object.keys(labels).sort()) {
    const label = labels[file] as Label;
    const expected = [...label.claims].sort();
    const page: PageResult = { file, kind: label.kind ?? '', expected, found: [...new Set(found[file] ?? [])].sort() };
    report.pages++;
    if (label.late === true && !scoreLate) {
      report.late.push(page);
      continue;
    }
    report.scored++;
    for (const id of ids) {
      const c = counts.get(id) as { tp: number; fp: number; fn: number };
      const e = expected.includes(id);
      const f = page.found.includes(id);
      if (e && f) c.tp++;
      else if (f) c.fp++;
      else if (e) c.fn++;
    }
    const missed = expected.filter((c) => !page.found.includes(c));
    const spurious = page.found.filter((c) => !expected.includes(c));
    if (missed.length + spurious.length > 0) report.misclassified.push({ ...page, missed, spurious });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [id, c] of counts) {
    report.perClaim[id] = score(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  report.overall = score(tp, fp, fn);
  return report;
}
