// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageMention } from '../page-mentions';
import { nextMention, visited } from './mention-cycle';

function page(html: string, words: Array<[string, string]>): PageMention[] {
  document.body.innerHTML = html;
  const text = document.body.firstChild as Text;
  return words.map(([claim, word], id) => {
    const start = text.data.indexOf(word);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + word.length);
    return { id, claim, ranges: [range] };
  });
}

describe('nextMention', () => {
  const words: Array<[string, string]> = [
    ['ratcliffe-announcement', 'Ratcliffe'],
    ['proud-boys-emails', 'Proud Boys'],
    ['ratcliffe-announcement', 'Khatibzadeh'],
  ];
  const text = 'Ratcliffe said so. The Proud Boys emails. Khatibzadeh denied it.';

  it('starts at the first mention and walks in document order, wrapping', () => {
    const all = page(text, words);
    const order: number[] = [];
    let last = null;
    for (let i = 0; i < 4; i++) {
      const m = nextMention(all, last);
      expect(m).not.toBeNull();
      order.push(m!.id);
      last = visited(m!);
    }
    expect(order).toEqual([0, 1, 2, 0]);
  });

  it('walks only one claim when asked', () => {
    const all = page(text, words);
    const first = nextMention(all, null, 'ratcliffe-announcement')!;
    const second = nextMention(all, visited(first), 'ratcliffe-announcement')!;
    const third = nextMention(all, visited(second), 'ratcliffe-announcement')!;
    expect([first.id, second.id, third.id]).toEqual([0, 2, 0]);
    expect(nextMention(all, null, 'no-such-claim')).toBeNull();
  });

  it('continues after the remembered position when the visited mention was rescanned away', () => {
    const all = page(text, words);
    const gone = visited(all[1]!)!;
    const rescanned = all.map((m) => ({ ...m, id: m.id + 10 }));
    expect(nextMention(rescanned, gone)!.id).toBe(12);
    const afterLast = visited(all[2]!)!;
    expect(nextMention(rescanned, afterLast)!.id).toBe(10);
  });

  it('returns null when the page has no mentions', () => {
    expect(nextMention([], null)).toBeNull();
  });
});
