import { describe, expect, it } from 'vitest';
import type { MatchRules } from '../pack/schema';
import { compileMatcher } from './compile-matcher';
import { matchMentions } from './match-mentions';

const rules = (r: Partial<MatchRules> & Pick<MatchRules, 'terms' | 'rules'>): MatchRules => ({ guards: [], ...r });

const emails = compileMatcher([
  {
    id: 'pb',
    match: rules({
      terms: {
        group: { '*': ['Proud Boys', 'ProudBoys'] },
        mail: { en: ['email*', 'e-mail*'], es: ['correo*'], de: ['E-Mail*'] },
        vote: { en: ['Democrat*'], es: ['demócrata*'], de: ['Demokrat*'] },
        riot: { en: ['Capitol riot', 'Jan. 6'] },
      },
      rules: [{ all: ['group', 'mail', 'vote'], window: 120, highlight: ['group', 'mail'] }],
      guards: [{ any: ['riot'], window: 40 }],
    }),
  },
]);

/** The raw text of each range of each mention. */
function found(m: ReturnType<typeof compileMatcher>, text: string): string[][] {
  return matchMentions(m, text).map((x) => x.ranges.map((r) => text.slice(r.start, r.end)));
}

describe('matchMentions', () => {
  it('finds a mention where every term occurs within the window and highlights only highlight terms', () => {
    const text = 'Voters said the emails, signed by the Proud Boys, went to registered Democrats.';
    expect(found(emails, text)).toEqual([['emails', 'Proud Boys']]);
    expect(matchMentions(emails, text)[0]?.claim).toBe('pb');
  });

  it('lets a guard before the hit reach across blocks, but not one in a later block', () => {
    const hit = 'The Proud Boys emails went to Democrats.';
    expect(found(emails, `${hit} Jan. 6 came later.`)).toEqual([]);
    expect(found(emails, `Jan. 6 trial\n\n${hit}`)).toEqual([]);
    expect(found(emails, `${hit}\n\nJan. 6: the riot.`)).toEqual([['Proud Boys', 'emails']]);
  });

  it('stays silent when a term is missing or outside the window', () => {
    expect(found(emails, 'The Proud Boys marched; Democrats objected.')).toEqual([]);
    const far = `The Proud Boys sent emails. ${'Filler words here. '.repeat(10)} Democrats replied.`;
    expect(found(emails, far)).toEqual([]);
  });

  it('folds case, diacritics, nbsp, soft hyphens and zero-width characters, with raw offsets', () => {
    const text = 'PROUD\u00A0BOYS e\u00ADmails to DEMÓCRATAS';
    expect(found(emails, text)).toEqual([['PROUD\u00A0BOYS', 'e\u00ADmails']]);
    const hidden = 'Proud\u200B Boys E-Mails an Demokraten';
    expect(found(emails, hidden)).toEqual([['Proud\u200B Boys', 'E-Mails']]);
  });

  it('finds an anchor split by an invisible character', () => {
    expect(found(emails, 'Pro\u00ADud Boys emails Democrats')).toEqual([['Pro\u00ADud Boys', 'emails']]);
  });

  it('matches phrases of every language of a term', () => {
    expect(found(emails, 'Correos de los Proud Boys a votantes demócratas')).toEqual([['Correos', 'Proud Boys']]);
  });

  it('never matches a phrase across a block separator, but windows may span blocks', () => {
    expect(found(emails, 'the Proud\n\nBoys emails Democrats')).toEqual([]);
    expect(found(emails, 'the Proud Boys\n\nemails\n\nDemocrats')).toEqual([['Proud Boys', 'emails']]);
  });

  it('requires whole words unless the phrase word ends in *', () => {
    expect(found(emails, 'ProudBoyshire emails Democrats')).toEqual([]);
    expect(found(emails, 'Proud Boys e-mailed Democrats')).toEqual([['Proud Boys', 'e-mailed']]);
  });

  it('suppresses a hit with a guard term within the guard window, not farther', () => {
    expect(found(emails, 'After Jan. 6 the Proud Boys emails to Democrats')).toEqual([]);
    const text = `Jan. 6 was covered elsewhere. ${'x '.repeat(40)}Proud Boys emails to Democrats`;
    expect(found(emails, text)).toEqual([['Proud Boys', 'emails']]);
  });

  it('applies a guard with window null anywhere in the text', () => {
    const m = compileMatcher([
      {
        id: 'c',
        match: rules({
          terms: { a: { '*': ['alpha'] }, b: { '*': ['beta'] }, no: { '*': ['gamma ray'] } },
          rules: [{ all: ['a', 'b'], window: 20 }],
          guards: [{ any: ['no'], window: null }],
        }),
      },
    ]);
    expect(found(m, 'alpha beta')).toEqual([['alpha', 'beta']]);
    expect(found(m, `alpha beta ${'z '.repeat(5000)} gamma ray`)).toEqual([]);
  });

  it('reports separate mentions for separate places and merges overlapping hits', () => {
    const one = 'Proud Boys emails to Democrats.';
    const text = `${one} ${'Unrelated filler sentence. '.repeat(20)} ${one}`;
    const ms = matchMentions(emails, text);
    expect(ms).toHaveLength(2);
    expect(ms[1]!.ranges[0]!.start).toBeGreaterThan(400);
    const dense = 'Proud Boys emails Democrats Proud Boys emails Democrats';
    expect(matchMentions(emails, dense).length).toBeGreaterThanOrEqual(1);
    for (const m of matchMentions(emails, dense)) {
      for (let i = 1; i < m.ranges.length; i++) expect(m.ranges[i]!.start).toBeGreaterThanOrEqual(m.ranges[i - 1]!.end);
    }
  });

  it('keeps claims apart and orders mentions by position', () => {
    const m = compileMatcher([
      { id: 'one', match: rules({ terms: { a: { '*': ['alpha'] } }, rules: [{ all: ['a'], window: 10 }] }) },
      { id: 'two', match: rules({ terms: { b: { '*': ['beta'] } }, rules: [{ all: ['b'], window: 10 }] }) },
    ]);
    expect(matchMentions(m, 'beta then alpha').map((x) => x.claim)).toEqual(['two', 'one']);
  });

  // No wall-clock bound here (speed is measured by the bench): a catastrophic
  // slowdown shows as this test's timeout.
  it('survives hostile input: 1 MB without spaces, 1 MB of anchors, deep punctuation', () => {
    expect(matchMentions(emails, 'a'.repeat(1_000_000))).toEqual([]);
    expect(matchMentions(emails, 'proudboys'.repeat(120_000))).toEqual([]);
    expect(matchMentions(emails, 'Proud Boys '.repeat(100_000)).length).toBe(0);
    const many = matchMentions(emails, 'Proud Boys emails Democrats. '.repeat(30_000));
    expect(many.length).toBeGreaterThan(0);
    expect(matchMentions(emails, '\u00AD'.repeat(500_000))).toEqual([]);
  }, 60_000);

  it('returns nothing for empty text', () => {
    expect(matchMentions(emails, '')).toEqual([]);
  });
});
