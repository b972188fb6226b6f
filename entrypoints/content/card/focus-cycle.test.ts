// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cycleTarget, focusableIn } from './focus-cycle';

describe('focus cycle', () => {
  function card() {
    document.body.innerHTML = `
      <div id="card">
        <h2>Title</h2>
        <a id="a1" href="https://example.org/1">one</a>
        <a id="nohref">not focusable</a>
        <button id="b1" type="button">expand</button>
        <button id="b2" type="button" disabled>disabled</button>
        <span id="t1" tabindex="0">focusable span</span>
        <span id="t2" tabindex="-1">programmatic only</span>
        <a id="a2" href="https://example.org/2">two</a>
        <a id="gone" href="https://example.org/3" hidden>hidden</a>
        <p style="display: none"><a id="undisplayed" href="https://example.org/4">not rendered</a></p>
      </div>`;
    return document.getElementById('card')!;
  }

  it('lists rendered links with href, enabled buttons and tabbable elements in tree order', () => {
    expect(focusableIn(card()).map((e) => e.id)).toEqual(['a1', 'b1', 't1', 'a2']);
  });

  it('Tab moves forward and wraps from the last to the first', () => {
    const list = focusableIn(card());
    const ids = (el: HTMLElement | null) => el?.id;
    expect(ids(cycleTarget(list, document.getElementById('a1'), false))).toBe('b1');
    expect(ids(cycleTarget(list, document.getElementById('a2'), false))).toBe('a1');
  });

  it('Shift+Tab moves backward and wraps from the first to the last', () => {
    const list = focusableIn(card());
    expect(cycleTarget(list, document.getElementById('a1'), true)?.id).toBe('a2');
    expect(cycleTarget(list, document.getElementById('t1'), true)?.id).toBe('b1');
  });

  it('enters at the first (or last) element from outside the list, e.g. the dialog itself', () => {
    const root = card();
    const list = focusableIn(root);
    expect(cycleTarget(list, root, false)?.id).toBe('a1');
    expect(cycleTarget(list, null, true)?.id).toBe('a2');
    expect(cycleTarget([], root, false)).toBeNull();
  });
});
