/**
 * pack check PACK [--sources DIR]: validate a pack and, with --sources, check its quotes.
 *
 * Contract: exit 0 and one "OK" line on stdout when PACK is a valid pack (validatePack)
 * and, with --sources, every quote occurs verbatim (findUnquoted's folding) in one of
 * DIR's *.txt, *.html, *.htm or *.md files. SOURCES.md is skipped: it is the index of
 * the sources (publishers, titles, URLs), not a source, and its titles must not vouch
 * for a quote. Exit 1 with every problem on stderr: an unreadable or invalid pack (each
 * JSON path and broken rule), a DIR without source files, or each unquoted statement id.
 * Exit 2 on bad arguments.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PackError } from '../../lib/pack/pack-error';
import { findUnquoted, type SourceText } from '../../lib/pack/quote-check';
import { parsePack } from '../../lib/pack/validate';
import { UsageError, type PackCommand } from './command';

const SOURCE_FILE = /\.(txt|html?|md)$/i;
const NOT_A_SOURCE = /^sources\.md$/i;

const check: PackCommand = {
  usage: 'check PACK [--sources DIR]',
  summary: 'validate PACK; with --sources, verify every quote is verbatim in a source text in DIR',
  async run(args) {
    const { packPath, sourcesDir } = parse(args);
    let pack;
    try {
      pack = parsePack(await readFile(packPath, 'utf8'));
    } catch (e) {
      if (!(e instanceof PackError)) throw e;
      console.error(`✗ ${packPath}: invalid pack, ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}:`);
      for (const p of e.problems) console.error(`  ${p.path}: ${p.rule}`);
      return 1;
    }

    const statements = pack.claims.flatMap((c) => c.statements);
    const quotes = statements.filter((s) => s.quote !== null).length;
    let verified = `${quotes} quotes not checked (no --sources)`;
    if (sourcesDir !== undefined) {
      const sources = await readSources(sourcesDir);
      if (sources.length === 0) {
        console.error(`✗ ${sourcesDir}: no source texts (*.txt, *.html, *.htm, *.md other than SOURCES.md)`);
        return 1;
      }
      const unquoted = findUnquoted(pack, sources);
      if (unquoted.length > 0) {
        console.error(`✗ ${packPath}: ${unquoted.length} of ${quotes} quotes not found verbatim in ${sourcesDir}:`);
        for (const { claim, statement } of unquoted) console.error(`  ${claim} / ${statement.id}: ${JSON.stringify(excerpt(statement.quote!))}`);
        return 1;
      }
      verified = `${quotes} quotes verified against ${sources.length} source texts (${sources.map((s) => s.name).join(', ')})`;
    }
    console.log(`OK ${packPath}: ${pack.id} v${pack.version}, ${pack.claims.length} claims, ${statements.length} statements, ${pack.sources.length} sources; ${verified}`);
    return 0;
  },
};
export default check;

function parse(args: string[]): { packPath: string; sourcesDir: string | undefined } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { sources: { type: 'string' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [packPath, ...extra] = parsed.positionals;
  if (packPath === undefined) throw new UsageError('missing PACK');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return { packPath, sourcesDir: parsed.values.sources };
}

async function readSources(dir: string): Promise<SourceText[]> {
  const names = (await readdir(dir)).filter((n) => SOURCE_FILE.test(n) && !NOT_A_SOURCE.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

function excerpt(quote: string): string {
  return quote.length > 80 ? `${quote.slice(0, 79)}…` : quote;
}
