/**
 * The benchmark's inputs are what they claim to be: deterministic pages of
 * the requested size whose mention sentences the real matcher detects (and
 * whose filler it does not), a mutation script of the stated shape, and a
 * 10,000-claim pack the store's validator accepts.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanDocument } from '@/lib/dom/scan-document';
import { compileMatcher } from '@/lib/match/compile-matcher';
import { validatePack } from '@/lib/pack/validate';
import { MENTION_SENTENCES, articlePage, mutationScript } from './article-page';
import { bigPack } from './big-pack';
import { packPhrases } from './pack-phrases';

const PACK_FILE = new URL('../../data/packs/election-2020.json', import.meta.url).pathname;
const matcher = compileMatcher(validatePack(JSON.parse(readFileSync(PACK_FILE, 'utf8'))).claims);

function textOf(html: string): { bytes: number; nodes: number; document: Document } {
  const { document } = parseHTML(html);
  const walker = document.createTreeWalker(document.body, 4);
  let bytes = 0;
  let nodes = 0;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    nodes++;
    bytes += t.data.length;
  }
  return { bytes, nodes, document: document as unknown as Document };
}

describe('articlePage', () => {
  it('is deterministic per seed', () => {
    const o = { title: 't', textBytes: 50_000, seed: 7, mentionEvery: 40 };
    expect(articlePage(o)).toBe(articlePage(o));
    expect(articlePage({ ...o, seed: 8 })).not.toBe(articlePage(o));
  });

  it('has about the requested text in text nodes of ~100 characters', () => {
    const { bytes, nodes } = textOf(articlePage({ title: 't', textBytes: 1_000_000, seed: 1, mentionEvery: 40 }));
    expect(bytes).toBeGreaterThan(950_000);
    expect(bytes).toBeLessThan(1_100_000);
    expect(nodes).toBeGreaterThan(8_000);
    expect(nodes).toBeLessThan(14_000);
  });

  it.each(MENTION_SENTENCES.map((s, i) => [i, s] as const))('mention sentence %i is detected', (_, sentence) => {
    const { document } = parseHTML(`<!doctype html><html><body><p>Filler words. ${sentence} More filler.</p></body></html>`);
    const claims = scanDocument(document as unknown as Document, matcher).map((m) => m.claim);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c === 'ratcliffe-announcement' || c === 'proud-boys-emails')).toBe(true);
  });

  it('scatters mentions of both claims, and its filler alone mentions nothing', () => {
    const withMentions = textOf(articlePage({ title: 't', textBytes: 200_000, seed: 3, mentionEvery: 40 }));
    const claims = new Set(scanDocument(withMentions.document, matcher).map((m) => m.claim));
    expect([...claims].sort()).toEqual(['proud-boys-emails', 'ratcliffe-announcement']);
    const filler = textOf(articlePage({ title: 't', textBytes: 200_000, seed: 3, mentionEvery: 0 }));
    expect(scanDocument(filler.document, matcher)).toEqual([]);
  });
});

describe('mutationScript', () => {
  it('carries one batch of the stated size per interval', () => {
    const script = mutationScript(200, 100, 10_000, 1);
    const batches = JSON.parse(script.match(/window\.__batches = (.*);\n/)![1]!) as string[];
    expect(batches).toHaveLength(100);
    expect(batches[0]!.match(/<p>/g)).toHaveLength(200);
  });
});

describe('bigPack', () => {
  it('is a valid pack of 10,000 claims', () => {
    const pack = validatePack(JSON.parse(JSON.stringify(bigPack(10_000))));
    expect(pack.claims).toHaveLength(10_000);
  });
});

describe('packPhrases', () => {
  it('lists the bundled pack’s English and neutral phrases', () => {
    const phrases = packPhrases(PACK_FILE);
    expect(phrases).toContain('Proud Boys');
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});
