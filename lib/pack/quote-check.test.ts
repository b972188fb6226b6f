import { describe, expect, it } from 'vitest';
import { findUnquoted } from './quote-check';
import type { Pack, Statement } from './schema';

function statement(id: string, quote: string | null): Statement {
  return {
    id,
    kind: 'context',
    speaker: { name: null, role: null, organisation: null },
    date: null,
    summary: 'A summary.',
    quote,
    sources: ['src'],
  };
}

function pack(...quotes: Array<string | null>): Pack {
  return {
    format: 1,
    id: 'p',
    version: 1,
    title: 'P',
    publisher: 'P',
    issued: '2026-11-23T00:00:00Z',
    sources: [{ id: 'src', publisher: 'S', title: 'S', published: null, url: null }],
    claims: [
      {
        id: 'c',
        title: 'C',
        summary: 'C.',
        eventDate: null,
        match: { terms: { t: { en: ['tt'] } }, rules: [{ all: ['t'], window: 10 }], guards: [] },
        statements: quotes.map((q, i) => statement(`s${i}`, q)),
      },
    ],
  };
}

/** Markup as saved from the ABC News article the bundled pack cites. */
const abcPage = `<div><p id="x">Senior <a href="https://abcnews.go.com/alerts/nsa" target="_blank">national security</a> officials alerted the American public Wednesday that <a href="https://abcnews.go.com/alerts/iran">Iran</a> and <a href="https://abcnews.go.com/alerts/russia-nation">Russia</a> have both obtained voter data in their efforts to interfere in the 2020 U.S. <a href="https://abcnews.go.com/alerts/elections">election</a>.</p><p>"Unlike the Obama-Biden Administration, President Trump has and will always put America First," White House press secretary Judd Deere said in a statement. "He has directed the FBI, DOJ, and defense and intel agencies to proactively monitor and thwart any attempts to interfere in US elections, and because of the great work of our law enforcement agencies we have stopped an attempt by America&#8217;s adversaries to undermine our elections."</p><p>ABC News' John Santucci contributed</p></div>`;

const amnText = `“Unlike the United States, Iran does not interfere in other country’s elections,” the mission’s spokesman, Alireza Miryousefi tweeted late on October 21.`;

const sources = [
  { name: 'abc.html', text: abcPage },
  { name: 'amn.txt', text: amnText },
];

describe('findUnquoted', () => {
  it('passes quotes found verbatim, decoding entities and joining text split by inline tags', () => {
    const p = pack(
      'He has directed the FBI, DOJ, and defense and intel agencies to proactively monitor and thwart any attempts to interfere in US elections, and because of the great work of our law enforcement agencies we have stopped an attempt by America’s adversaries to undermine our elections.',
      'have both obtained voter data in their efforts to interfere in the 2020 U.S. election.',
      'Unlike the United States, Iran does not interfere in other country’s elections',
    );
    expect(findUnquoted(p, sources)).toEqual([]);
  });

  it('reports a quote with one word changed, with its claim', () => {
    const p = pack('Unlike the United States, Iran does not interfere in other country’s elections', 'Unlike the United States, Iran does not meddle in other country’s elections');
    expect(findUnquoted(p, sources)).toEqual([{ claim: 'c', statement: p.claims[0]!.statements[1] }]);
  });

  it('folds curly, straight and angled quote marks and apostrophes both ways', () => {
    const p = pack(
      'we have stopped an attempt by America\'s adversaries', // straight vs the page's &#8217;
      'Unlike the United States, Iran does not interfere in other country\'s elections', // straight vs curly
      '"Unlike the Obama-Biden Administration', // straight vs straight
      '«Unlike the United States', // angled vs curly
    );
    expect(findUnquoted(p, sources)).toEqual([]);
  });

  it('folds whitespace and line breaks but not case or punctuation', () => {
    const wrapped = pack('Iran does not\n  interfere in other\u00A0country’s elections');
    expect(findUnquoted(wrapped, sources)).toEqual([]);
    const changed = pack('iran does not interfere', 'Iran does not interfere in other countrys elections');
    expect(findUnquoted(changed, sources).map((u) => u.statement.id)).toEqual(['s0', 's1']);
  });

  it('does not join words across block elements or read markup as text', () => {
    const p = pack('contributed</p></div>', 'election.Unlike the Obama-Biden', 'election. "Unlike the Obama-Biden');
    expect(findUnquoted(p, sources).map((u) => u.statement.id)).toEqual(['s0', 's1']);
  });

  it('decodes named and hexadecimal entities', () => {
    const page = [{ name: 'x.html', text: '<p>Fish &amp; chips &ldquo;are&rdquo; &#x2019;n&#39; good&hellip;</p>' }];
    expect(findUnquoted(pack('Fish & chips "are" \'n\' good…'), page)).toEqual([]);
  });

  it('skips statements without a quote, and fails every quote when there are no sources', () => {
    expect(findUnquoted(pack(null), [])).toEqual([]);
    expect(findUnquoted(pack('anything'), []).map((u) => u.statement.id)).toEqual(['s0']);
  });
});
