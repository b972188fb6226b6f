/**
 * scan: report the claim mentions in saved HTML files, with the browser's code path
 * (lib/dom/scan-document.ts over a linkedom DOM).
 *
 *   npm run --silent scan -- [--json] [--pack FILE]... FILE...
 *
 * Contract: loads the bundled pack (data/packs/election-2020.json) plus every `--pack FILE`
 * (a later pack's claim replaces an earlier one with the same id), each validated with
 * validatePack. With --json prints exactly one JSON array on stdout, one object per file in
 * argument order: {"file": <path as given>, "mentions": [{"claim", "text"}]}; without it a
 * readable table. Exit 0 on success; 2 on bad usage, an unreadable file or an invalid pack
 * (message on stderr, nothing on stdout).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { compileMatcher } from '../lib/match/compile-matcher';
import { loadPackClaims, PackFileError } from './pack-claims';
import type { MatchRules } from '../lib/pack/schema';
import { scanDocument } from '../lib/dom/scan-document';

const BUNDLED_PACK = fileURLToPath(new URL('../data/packs/election-2020.json', import.meta.url));

interface FileMentions {
  file: string;
  mentions: Array<{ claim: string; text: string }>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { json: boolean; packs: string[]; files: string[] } {
  const out = { json: false, packs: [BUNDLED_PACK], files: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') out.json = true;
    else if (arg === '--pack') {
      const file = argv[++i];
      if (file === undefined) throw new UsageError('--pack needs a file');
      out.packs.push(file);
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else out.files.push(arg);
  }
  if (out.files.length === 0) throw new UsageError('no HTML files given');
  return out;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
}

function loadClaims(packFiles: string[]): Array<{ id: string; match: MatchRules }> {
  try {
    return loadPackClaims(packFiles);
  } catch (e) {
    if (e instanceof PackFileError) throw new UsageError(e.message);
    throw e;
  }
}

function scanFiles(files: string[], packFiles: string[]): FileMentions[] {
  const matcher = compileMatcher(loadClaims(packFiles));
  const sources = files.map((file) => ({ file, html: readText(file, 'file') }));
  return sources.map(({ file, html }) => {
    const { document } = parseHTML(html);
    const mentions = scanDocument(document, matcher).map(({ claim, text }) => ({ claim, text }));
    return { file, mentions };
  });
}

function printTable(results: FileMentions[]): void {
  for (const { file, mentions } of results) {
    console.log(`${file}: ${mentions.length === 0 ? 'no mentions' : `${mentions.length} mention(s)`}`);
    for (const m of mentions) console.log(`  ${m.claim.padEnd(26)} ${m.text}`);
  }
}

function main(): number {
  try {
    const args = parseArgs(process.argv.slice(2));
    const results = scanFiles(args.files, args.packs);
    if (args.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    else printTable(results);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`scan: ${e.message}\nusage: npm run --silent scan -- [--json] [--pack FILE]... FILE...\n`);
    return 2;
  }
}

process.exitCode = main();
