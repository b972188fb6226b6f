import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PackError } from './pack-error';
import { MAX_DEPTH, MAX_VALUES, parsePack, validatePack } from './validate';

/** A small valid pack; each bad pack below breaks exactly one rule of a fresh copy. */
function goodPack() {
  return {
    format: 1,
    id: 'test-pack',
    version: 3,
    title: 'Test pack',
    publisher: 'Tester',
    issued: '2026-11-23T00:00:00Z',
    sources: [
      { id: 'src-a', publisher: 'A News', title: 'A story', published: '2020-10-22', url: 'https://a.example/story' },
      { id: 'src-b', publisher: 'B News', title: 'B story', published: '2020-10', url: null, note: 'reprint' },
    ],
    claims: [
      {
        id: 'claim-one',
        title: 'Claim one',
        summary: 'A neutral summary.',
        eventDate: '2020-10-21',
        match: {
          terms: { who: { '*': ['Someone'] }, what: { en: ['voter data', 'email*'], es: ['datos'] } },
          rules: [{ all: ['who', 'what'], window: 200, highlight: ['what'] }],
          guards: [{ any: ['who'], window: null }],
        },
        statements: [
          {
            id: 'st-one',
            kind: 'allegation',
            speaker: { name: 'Someone', role: 'Official', organisation: null },
            date: '2020-10-21',
            summary: 'Someone said something.',
            quote: 'Something.',
            sources: ['src-a'],
          },
        ],
      },
      {
        id: 'claim-two',
        title: 'Claim two',
        summary: 'Another neutral summary.',
        eventDate: null,
        match: { terms: { x: { en: ['xx'] } }, rules: [{ all: ['x'], window: 10 }], guards: [] },
        statements: [
          {
            id: 'st-two',
            kind: 'denial',
            speaker: { name: null, role: null, organisation: 'Group' },
            date: null,
            summary: 'The group denied it.',
            quote: null,
            sources: ['src-b', 'src-a'],
          },
        ],
      },
    ],
  };
}
type TestPack = ReturnType<typeof goodPack>;

function rejection(json: unknown): PackError {
  try {
    validatePack(json);
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('pack was accepted');
}

const cases: Array<[string, (p: TestPack) => unknown, string, string]> = [
  ['wrong format version', (p) => ({ ...p, format: 2 }), 'format', 'must be 1'],
  ['format as a string', (p) => ({ ...p, format: '1' }), 'format', 'must be 1'],
  ['bad pack id', (p) => ({ ...p, id: 'Test Pack' }), 'id', 'must be a lower-case id of letters, digits, ".", "_" or "-" (1–100 chars)'],
  ['version not an integer', (p) => ({ ...p, version: 1.5 }), 'version', 'must be an integer'],
  ['version zero', (p) => ({ ...p, version: 0 }), 'version', 'must be at least 1'],
  ['version as a string', (p) => ({ ...p, version: '3' }), 'version', 'must be a number, not "3"'],
  ['issued without time zone', (p) => ({ ...p, issued: '2026-11-23T00:00:00' }), 'issued', 'must be an ISO 8601 date-time with a time zone'],
  ['issued on 31 February', (p) => ({ ...p, issued: '2026-02-31T00:00:00Z' }), 'issued', 'must be a real calendar date'],
  ['extra unknown property', (p) => ({ ...p, signature: 'x' }), 'signature', 'is not a known property'],
  ['missing title', ({ title: _, ...p }) => p, 'title', 'is required'],
  ['blank publisher', (p) => ({ ...p, publisher: '   ' }), 'publisher', 'must not be empty'],
  ['claims not an array', (p) => ({ ...p, claims: {} }), 'claims', 'must be an array, not an object'],
  ['non-https URL', (p) => (p.sources[0]!.url = 'http://a.example/story', p), 'sources[0].url', 'must be an absolute https:// URL without credentials'],
  ['javascript: URL', (p) => (p.sources[0]!.url = 'javascript:alert(1)', p), 'sources[0].url', 'must be an absolute https:// URL without credentials'],
  ['URL with credentials', (p) => (p.sources[0]!.url = 'https://user:pw@a.example/', p), 'sources[0].url', 'must be an absolute https:// URL without credentials'],
  ['relative-looking https URL', (p) => (p.sources[0]!.url = 'https:a.example', p), 'sources[0].url', 'must be an absolute https:// URL without credentials'],
  ['bad source date', (p) => (p.sources[1]!.published = '2020-10-32', p), 'sources[1].published', 'must be a date YYYY-MM-DD, YYYY-MM or YYYY'],
  ['source date not on the calendar', (p) => (p.sources[1]!.published = '2021-02-29', p), 'sources[1].published', 'must be a real calendar date'],
  ['duplicate source id', (p) => (p.sources.push({ ...p.sources[0]!, title: 'Other' }), p), 'sources[2].id', 'duplicate source id "src-a" (first used at sources[0].id)'],
  ['missing summary', (p) => (delete (p.claims[0] as { summary?: string }).summary, p), 'claims[0].summary', 'is required'],
  ['empty statements', (p) => (p.claims[1]!.statements = [], p), 'claims[1].statements', 'must have at least one statement'],
  ['duplicate claim id', (p) => (p.claims[1]!.id = 'claim-one', p), 'claims[1].id', 'duplicate claim id "claim-one" (first used at claims[0].id)'],
  ['duplicate statement id across claims', (p) => (p.claims[1]!.statements[0]!.id = 'st-one', p), 'claims[1].statements[0].id', 'duplicate statement id "st-one" (first used at claims[0].statements[0].id)'],
  ['bad statement kind', (p) => (p.claims[0]!.statements[0]!.kind = 'rumour', p), 'claims[0].statements[0].kind', 'must be "allegation", "denial" or "context"'],
  ['bad statement date', (p) => (p.claims[0]!.statements[0]!.date = '21/10/2020', p), 'claims[0].statements[0].date', 'must be a date YYYY-MM-DD, YYYY-MM or YYYY'],
  ['speaker without organisation', (p) => (delete (p.claims[0]!.statements[0]!.speaker as { organisation?: unknown }).organisation, p), 'claims[0].statements[0].speaker.organisation', 'is required'],
  ['quote of the wrong type', (p) => ((p.claims[0]!.statements[0] as { quote: unknown }).quote = 42, p), 'claims[0].statements[0].quote', 'must be a string, not 42'],
  ['statement citing no source', (p) => (p.claims[0]!.statements[0]!.sources = [], p), 'claims[0].statements[0].sources', 'must cite at least one source'],
  ['unknown source id', (p) => (p.claims[1]!.statements[0]!.sources[1] = 'x', p), 'claims[1].statements[0].sources[1]', 'unknown source id "x"'],
  ['source cited twice', (p) => (p.claims[1]!.statements[0]!.sources = ['src-a', 'src-a'], p), 'claims[1].statements[0].sources[1]', 'source id "src-a" is cited twice'],
  ['unknown term in rule', (p) => (p.claims[0]!.match.rules[0]!.all = ['who', 'what', 'when'], p), 'claims[0].match.rules[0].all[2]', 'unknown term id "when" (not in claims[0].match.terms)'],
  ['unknown term in guard', (p) => (p.claims[0]!.match.guards[0]!.any = ['nope'], p), 'claims[0].match.guards[0].any[0]', 'unknown term id "nope" (not in claims[0].match.terms)'],
  ['highlight outside all', (p) => ((p.claims[0]!.match.rules[0] as { highlight?: string[] }).highlight = ['x'], p), 'claims[0].match.rules[0].highlight[0]', 'term id "x" is not in this rule\'s "all"'],
  ['rule window zero', (p) => (p.claims[0]!.match.rules[0]!.window = 0, p), 'claims[0].match.rules[0].window', 'must be at least 1'],
  ['bad language code', (p) => ((p.claims[0]!.match.terms.what as Record<string, string[]>)['EN'] = ['x1'], p), 'claims[0].match.terms.what.EN', 'key must be a language code such as "en" or "*"'],
  ['term id with a space', (p) => ((p.claims[0]!.match.terms as Record<string, unknown>)['my term'] = { en: ['aa'] }, p), 'claims[0].match.terms["my term"]', 'key must be a lower-case id of letters, digits, ".", "_" or "-" (1–100 chars)'],
  ['terms given as an array', (p) => ((p.claims[1]!.match as { terms: unknown }).terms = [{ en: ['xx'] }], p), 'claims[1].match.terms', 'must be an object'],
  ['"*" inside a phrase', (p) => ((p.claims[0]!.match.terms.what as { en: string[] }).en = ['vo*ter'], p), 'claims[0].match.terms.what.en[0]', '"*" may only end a word'],
  ['an array instead of a pack', () => [goodPack()], '(root)', 'must be a JSON object'],
  ['JSON text instead of parsed JSON', () => '{"format":1}', '(root)', 'must be a JSON object'],
];

describe('validatePack', () => {
  it('accepts the good pack and trims its text', () => {
    const p = goodPack();
    p.title = '  Test pack \n';
    expect(validatePack(p).title).toBe('Test pack');
  });

  it.each(cases)('rejects %s', (_name, breakIt, path, rule) => {
    const error = rejection(breakIt(goodPack()));
    expect(error.problems).toEqual([{ path, rule }]);
    expect(error.message).toBe(`invalid pack: ${path}: ${rule}`);
  });

  it('covers at least 15 distinct broken rules', () => {
    expect(new Set(cases.map(([, , , rule]) => rule)).size).toBeGreaterThanOrEqual(15);
  });

  it('lists every problem and counts the rest in the message', () => {
    const p = goodPack();
    p.version = 0;
    p.sources[0]!.url = 'ftp://x.example/';
    const error = rejection(p);
    expect(error.problems.map((x) => x.path)).toEqual(['version', 'sources[0].url']);
    expect(error.message).toBe('invalid pack: version: must be at least 1 (and 1 more problem)');
  });

  it('refuses deep nesting before schema work, naming where', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const p = { ...goodPack(), title: deep };
    const error = rejection(p);
    expect(error.rule).toBe(`must not nest deeper than ${MAX_DEPTH} levels`);
    expect(error.path).toBe(`title${'[0]'.repeat(MAX_DEPTH - 1)}`);
  });

  it('refuses a giant document by counting, before walking it', () => {
    const p = { ...goodPack(), padding: new Array(MAX_VALUES).fill(0) };
    expect(rejection(p).problems).toEqual([{ path: '(root)', rule: `must contain at most ${MAX_VALUES} values` }]);
  });

  it('survives a cyclic object', () => {
    const p: Record<string, unknown> = goodPack();
    p.self = p;
    expect(rejection(p).rule).toBe(`must not nest deeper than ${MAX_DEPTH} levels`);
  });

  it('refuses an oversized string through the schema', () => {
    const p = goodPack();
    p.claims[0]!.summary = 'a'.repeat(2001);
    expect(rejection(p).problems).toEqual([{ path: 'claims[0].summary', rule: 'must be at most 2000 characters' }]);
  });
});

describe('parsePack', () => {
  it('names broken JSON at the root', () => {
    expect(() => parsePack('{"format": 1,')).toThrow(/^invalid pack: \(root\): is not valid JSON/);
  });

  it('parses a good pack', () => {
    expect(parsePack(JSON.stringify(goodPack())).id).toBe('test-pack');
  });

  it('does not let "__proto__" through as a term id', () => {
    const text = JSON.stringify(goodPack()).replace('"who":', '"__proto__":');
    expect(() => parsePack(text)).toThrow('invalid pack: claims[0].match.terms.__proto__: is not an allowed key');
  });
});

describe('the bundled pack', () => {
  it('validates, with the claim ids outside checks rely on', () => {
    const pack = parsePack(readFileSync(new URL('../../data/packs/election-2020.json', import.meta.url), 'utf8'));
    expect(pack.id).toBe('sourcelight-election-2020');
    expect(pack.claims.map((c) => c.id)).toEqual(['ratcliffe-announcement', 'proud-boys-emails']);
  });
});
