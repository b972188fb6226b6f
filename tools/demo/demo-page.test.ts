// @vitest-environment happy-dom
// The demo page (demo/index.html) shows what it promises, with the bundled pack and the
// browser's scan path: both claims in English, a Spanish and a German paragraph, a silent
// near-miss, and the late update that its script inserts from a <template>. happy-dom rather
// than linkedom (which tools/scan.ts uses) because this test needs the mentions' Ranges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocument } from '../../lib/dom/scan-document';
import { compileMatcher } from '../../lib/match/compile-matcher';
import { validatePack } from '../../lib/pack/validate';
import { DEMO_DIR, ROOT } from './serve-demo';

const pack = validatePack(JSON.parse(readFileSync(join(ROOT, 'data/packs/election-2020.json'), 'utf8')));
const matcher = compileMatcher(pack.claims.map((c) => ({ id: c.id, match: c.match })));

function loadDemo(): Document {
  return new DOMParser().parseFromString(readFileSync(join(DEMO_DIR, 'index.html'), 'utf8'), 'text/html');
}

/** "elementId claimId" for every highlighted word, by the nearest ancestor with an id. */
function mentionsByElement(doc: Document): Set<string> {
  const found = new Set<string>();
  for (const m of scanDocument(doc, matcher)) {
    for (const r of m.ranges) {
      const node = r.startContainer;
      const el = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[id]');
      if (el) found.add(`${el.id} ${m.claim}`);
    }
  }
  return found;
}

describe('demo page', () => {
  it('mentions both claims in English, Spanish and German, and the near-miss stays silent', () => {
    const found = mentionsByElement(loadDemo());
    for (const want of ['lede ratcliffe-announcement', 'emails proud-boys-emails', 'video ratcliffe-announcement', 'es ratcliffe-announcement', 'de proud-boys-emails']) {
      expect(found).toContain(want);
    }
    expect([...found].filter((f) => f.startsWith('not-this-story '))).toEqual([]);
    expect([...found].filter((f) => f.startsWith('update '))).toEqual([]); // still in its <template>
  });

  it('the update its script inserts late mentions the emails', () => {
    const doc = loadDemo();
    const template = doc.getElementById('late-update') as HTMLTemplateElement;
    template.before(template.content.cloneNode(true)); // what demo/late-update.js does
    expect(mentionsByElement(doc)).toContain('update proud-boys-emails');
  });
});
