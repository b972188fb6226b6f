/**
 * The claims and match rules of pack files, for the Node CLIs (scan, eval).
 *
 * Contract: `loadPackClaims(files)` reads, parses and validates each pack
 * file and returns every claim's id and match rules (a later pack's claim
 * replaces an earlier one with the same id). Throws `PackFileError` naming
 * the file: unreadable, not JSON, or invalid (with validatePack's message).
 */
import { readFileSync } from 'node:fs';
import type { MatchRules } from '../lib/pack/schema';
import { validatePack } from '../lib/pack/validate';

export class PackFileError extends Error {}

export function loadPackClaims(packFiles: string[]): Array<{ id: string; match: MatchRules }> {
  const claims = new Map<string, { id: string; match: MatchRules }>();
  for (const file of packFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new PackFileError(`cannot read pack ${file}: ${(e as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new PackFileError(`pack ${file} is not JSON: ${(e as Error).message}`);
    }
    let pack;
    try {
      pack = validatePack(json);
    } catch (e) {
      throw new PackFileError(`pack ${file} is invalid: ${(e as Error).message}`);
    }
    for (const c of pack.claims) claims.set(c.id, { id: c.id, match: c.match });
  }
  return [...claims.values()];
}
