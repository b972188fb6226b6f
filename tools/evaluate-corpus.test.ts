import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK, CorpusError, evaluateCorpus } from './evaluate-corpus';

const DEV = '/work/shared/corpus/dev';
const FIXTURES = join(import.meta.dirname, '../tests/fixtures/corpus');

describe('evaluateCorpus with the bundled pack', () => {
  it.each([
    ['dev corpus', DEV],
    ['own fixtures', FIXTURES],
  ])('detects every claim on the %s with precision and recall 1.0', (_name, dir) => {
    const r = evaluateCorpus(dir, [BUNDLED_PACK]);
    expect(r.misclassified).toEqual([]);
    expect(r.overall.precision).toBe(1);
    expect(r.overall.recall).toBe(1);
    expect(r.scored).toBeGreaterThan(40);
    for (const id of ['ratcliffe-announcement', 'proud-boys-emails']) expect(r.perClaim[id]?.tp).toBeGreaterThan(10);
  });

  it('reports late pages apart without scoring them', () => {
    const r = evaluateCorpus(DEV, [BUNDLED_PACK]);
    expect(r.late.map((p) => p.file)).toEqual(['p005.html', 'p020.html', 'p029.html', 'p041.html', 'p043.html', 'p046.html']);
    expect(r.scored + r.late.length).toBe(r.pages);
  });

  it('counts misses and false alarms per claim', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'a.html'), '<!doctype html><html><body><p>Emails signed by the Proud Boys told Democrats to vote for Trump.</p></body></html>');
    writeFileSync(join(dir, 'b.html'), '<!doctype html><html><body><p>Nothing to see.</p></body></html>');
    writeFileSync(
      join(dir, 'labels.json'),
      JSON.stringify({
        'a.html': { claims: ['ratcliffe-announcement'], kind: 'wrong label', late: false },
        'b.html': { claims: ['proud-boys-emails'], kind: 'miss', late: false },
      }),
    );
    const r = evaluateCorpus(dir, [BUNDLED_PACK]);
    expect(r.perClaim['proud-boys-emails']).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
    expect(r.perClaim['ratcliffe-announcement']).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 1, recall: 0 });
    expect(r.misclassified.map((m) => [m.file, m.missed, m.spurious])).toEqual([
      ['a.html', ['ratcliffe-announcement'], ['proud-boys-emails']],
      ['b.html', ['proud-boys-emails'], []],
    ]);
  });

  it('throws a clear error for a missing corpus or bad labels', () => {
    expect(() => evaluateCorpus('/nonexistent-corpus', [BUNDLED_PACK])).toThrow(CorpusError);
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'labels.json'), JSON.stringify({ 'x.html': { claims: 'oops' } }));
    expect(() => evaluateCorpus(dir, [BUNDLED_PACK])).toThrow(/"x.html" needs a "claims" array/);
  });
});
