// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../match/compile-matcher';
import { extractText } from './extract-text';
import { scanDocument, scanText } from './scan-document';

// A small real rule set: "Proud Boys" near "email".
const matcher = compileMatcher([
  {
    id: 'pb',
    match: {
      terms: { pb: { '*': ['Proud Boys'] }, mail: { en: ['email*'] } },
      rules: [{ all: ['pb', 'mail'], window: 100 }],
      guards: [],
    },
  },
]);

describe('scanDocument', () => {
  it('reports each mention with its triggering words and their Ranges, across inline elements', () => {
    document.body.innerHTML = '<p>The Proud <em>Boys</em>\n  emails.</p><textarea>Proud Boys emails</textarea>';
    const found = scanDocument(document, matcher);
    expect(found.map((f) => [f.claim, f.text])).toEqual([['pb', 'Proud Boys … emails']]);
    expect(found[0]!.ranges.map(String)).toEqual(['Proud Boys', 'emails']);
  });

  it('never joins a phrase across blocks or a blank line of two <br>', () => {
    document.body.innerHTML = '<p>Proud</p><p>Boys emails</p>';
    expect(scanDocument(document, matcher)).toEqual([]);
    document.body.innerHTML = '<p>Proud<br><br>Boys emails</p>';
    expect(scanDocument(document, matcher)).toEqual([]);
  });

  it('reads on across a single <br> (a line of verse, OCR or PDF text) and joins a word hyphenated at its end', () => {
    document.body.innerHTML = '<p>sent by the Proud<br>Boys in e-<br>mails</p>';
    const found = scanDocument(document, matcher);
    expect(found.map((f) => f.text)).toEqual(['Proud Boys … e- mails']);
    // One Range per piece, across the <br> (a Range's text leaves the line break out).
    expect(found[0]!.ranges.map(String)).toEqual(['ProudBoys', 'e-mails']);
  });
});

describe('scanText with a region', () => {
  it('reads context around the owned part but keeps only mentions that begin in it', () => {
    document.body.innerHTML = '<p>Proud Boys emails one.</p><p>Proud Boys emails two.</p>';
    const page = extractText(document.body);
    const second = page.text.indexOf('\n\n') + 2;
    const all = { start: 0, end: page.text.length };
    expect(scanText(page, matcher, { ...all, ownStart: second, ownEnd: page.text.length }).map((f) => f.ranges[0]!.startContainer.textContent)).toEqual(['Proud Boys emails two.']);
    expect(scanText(page, matcher, { ...all, ownStart: 0, ownEnd: second })).toHaveLength(1);
  });
});
