// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MentionStore } from './page-mentions';

function rangeOf(id: string): Range {
  const r = document.createRange();
  r.selectNodeContents(document.getElementById(id)!);
  return r;
}

describe('MentionStore', () => {
  it('lists mentions in document order and notifies subscribers once per change', () => {
    document.body.innerHTML = '<p id="one">one</p><p id="two">two</p>';
    const errors: unknown[] = [];
    const store = new MentionStore((e) => errors.push(e));
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.subscribe(() => {
      throw new Error('bad subscriber');
    });
    const added = store.add([
      { claim: 'b', ranges: [rangeOf('two')] },
      { claim: 'a', ranges: [rangeOf('one')] },
    ]);
    expect(added.map((m) => m.id)).toEqual([1, 2]);
    expect(store.all().map((m) => m.claim)).toEqual(['a', 'b']);
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
    expect(store.remove((m) => m.claim === 'a').map((m) => m.claim)).toEqual(['a']);
    expect(store.all().map((m) => m.claim)).toEqual(['b']);
    off();
    store.clear();
    expect(calls).toBe(2);
    expect(store.size).toBe(0);
  });

  it('finds no mention at a point outside every range', () => {
    document.body.innerHTML = '<p id="one">one</p>';
    const store = new MentionStore();
    store.add([{ claim: 'a', ranges: [rangeOf('one')] }]);
    expect(store.at(-100, -100)).toBeNull();
  });
});
