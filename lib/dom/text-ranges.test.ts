// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text';
import { textRanges } from './text-ranges';

function setup(html: string) {
  document.body.innerHTML = html;
  return extractText(document.body);
}

function spanOf(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${text}`);
  return [at, at + needle.length];
}

describe('textRanges', () => {
  it('maps a span inside one text node', () => {
    const page = setup('<p>the Proud Boys sent</p>');
    const ranges = textRanges(page, ...spanOf(page.text, 'Proud Boys'));
    expect(ranges.map(String)).toEqual(['Proud Boys']);
  });

  it('maps a span across inline elements to one Range', () => {
    const page = setup('<p>Director <a href="#">John</a> <em>Rat</em>cliffe said</p>');
    const ranges = textRanges(page, ...spanOf(page.text, 'John Ratcliffe'));
    expect(ranges).toHaveLength(1);
    expect(ranges[0]!.toString()).toBe('John Ratcliffe');
    expect(ranges[0]!.startContainer.textContent).toBe('John');
  });

  it('trims spans that begin or end in a block separator', () => {
    const page = setup('<p>alpha</p><p>beta</p>');
    expect(textRanges(page, 3, 7).map(String)).toEqual(['ha']);
    expect(textRanges(page, 5, 9).map(String)).toEqual(['be']);
    expect(textRanges(page, 5, 7)).toEqual([]);
    expect(textRanges(page, 4, 4)).toEqual([]);
  });

  it('splits a span that crosses a shadow boundary into one Range per text node', () => {
    document.body.innerHTML = '<div id="h"><b>John</b></div>';
    const shadow = document.getElementById('h')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span><slot></slot> Ratcliffe</span>';
    const page = extractText(document.body);
    expect(page.text).toBe('John Ratcliffe');
    expect(textRanges(page, 0, 14).map(String)).toEqual(['John', ' Ratcliffe']);
  });

  it('returns nothing when the text changed so the offsets no longer fit', () => {
    const page = setup('<p>Proud<br>Boys</p>');
    (page.nodes[0] as Text).data = 'x';
    expect(textRanges(page, 0, 5)).toEqual([]);
    const whole = setup('<p>Proud <em>Boys</em></p>');
    expect(whole.nodes[0]!.nodeName).toBe('P');
    (whole.nodes[0] as Element).querySelector('em')!.textContent = 'B';
    expect(textRanges(whole, 0, 10)).toEqual([]);
  });

  it('finds the text nodes of a span inside a block read whole, never ending at the start of the next node', () => {
    const page = setup('<p>The <em>Proud</em> <a href="#">Boys</a>, again</p>');
    expect(page.nodes.length).toBe(1);
    const [range] = textRanges(page, 4, 14);
    expect(String(range)).toBe('Proud Boys');
    expect([range!.startContainer.textContent, range!.startOffset, range!.endContainer.textContent, range!.endOffset]).toEqual(['Proud', 0, 'Boys', 4]);
    const [word] = textRanges(page, 4, 9);
    expect(word!.endContainer.textContent).toBe('Proud');
  });
});
