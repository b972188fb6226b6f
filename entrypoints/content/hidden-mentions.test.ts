// @vitest-environment happy-dom
// happy-dom's checkVisibility applies the page's stylesheets (display, visibility), so the CSS
// here is what decides visibility, as in a browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentMention } from '@/lib/dom/scan-document';
import { HiddenMentions, MAX_HIDDEN, rangeVisibility, REVEALING_ATTRIBUTES, splitByVisibility } from './hidden-mentions';
import { SliceClock } from './time-slice';

function rangeOver(node: Node, start = 0, end = (node as Text).data.length): Range {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

/** A mention of claim `pb` over the text of each element given by id. */
function mentionOf(...ids: string[]): DocumentMention {
  const ranges = ids.map((id) => rangeOver(document.getElementById(id)!.firstChild!));
  return { claim: 'pb', text: ranges.map(String).join(' … '), ranges };
}

const PAGE = `<style>.collapsed .more { display: none } .ghost { visibility: hidden }</style>
  <article id="story" class="collapsed">
    <p id="lead">Proud Boys</p>
    <div class="more"><p id="more1">emails</p><p id="more2">Proud Boys emails again</p></div>
    <p id="ghost" class="ghost">a ghost</p>
  </article>`;

let hidden: HiddenMentions | null = null;
afterEach(() => {
  hidden?.clear();
  hidden = null;
  vi.restoreAllMocks();
});

function recheckCounter() {
  const calls = { n: 0 };
  hidden = new HiddenMentions(() => calls.n++);
  return { hidden, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('splitByVisibility', () => {
  it('keeps the visible ranges of a mention and sets aside mentions with none', () => {
    document.body.innerHTML = PAGE;
    const partly = mentionOf('lead', 'more1');
    const whollyHidden = mentionOf('more2');
    const inGhost = mentionOf('ghost');
    const { shown, hidden: set } = splitByVisibility([partly, whollyHidden, inGhost], rangeVisibility());
    expect(shown.map((m) => m.ranges.map(String))).toEqual([['Proud Boys']]);
    expect(set).toEqual([whollyHidden, inGhost]);
  });
});

describe('HiddenMentions', () => {
  it('hands back the mentions a class change revealed, once', async () => {
    document.body.innerHTML = PAGE;
    const { hidden, calls } = recheckCounter();
    const more = mentionOf('more2');
    hidden.remember([more, mentionOf('ghost')]);
    expect(await hidden.takeVisible(new SliceClock(), () => false)).toEqual([]);
    document.getElementById('story')!.classList.remove('collapsed');
    await flush();
    expect(calls.n).toBe(1);
    expect(await hidden.takeVisible(new SliceClock(), () => false)).toEqual([more]);
    expect(hidden.size).toBe(1); // the ghost is still hidden
    expect(await hidden.takeVisible(new SliceClock(), () => false)).toEqual([]);
  });

  it('also hears the other revealing attributes, and not unrelated ones', async () => {
    document.body.innerHTML = PAGE;
    const { hidden, calls } = recheckCounter();
    hidden.remember([mentionOf('more2')]);
    const story = document.getElementById('story')!;
    story.setAttribute('data-x', '1');
    story.setAttribute('title', 'x');
    await flush();
    expect(calls.n).toBe(0);
    for (const name of REVEALING_ATTRIBUTES) {
      story.setAttribute(name, 'changed');
      await flush();
    }
    expect(calls.n).toBe(REVEALING_ATTRIBUTES.length);
  });

  it('observes nothing while it remembers nothing', async () => {
    document.body.innerHTML = PAGE;
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { hidden, calls } = recheckCounter();
    hidden.remember([]);
    expect(observe).not.toHaveBeenCalled();
    const story = document.getElementById('story')!;
    story.classList.remove('collapsed');
    await flush();
    expect(calls.n).toBe(0);

    story.classList.add('collapsed');
    hidden.remember([mentionOf('more2'), mentionOf('more1')]);
    expect(observe).toHaveBeenCalledTimes(1); // the document, once
    story.classList.remove('collapsed');
    await flush();
    expect(calls.n).toBe(1);
    expect(await hidden.takeVisible(new SliceClock(), () => false)).toHaveLength(2);
    expect(disconnect).toHaveBeenCalledTimes(1);
    story.classList.add('collapsed');
    await flush();
    expect(calls.n).toBe(1);
  });

  it('hears revealing changes inside the open shadow roots that hold its mentions', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<style>.collapsed .more { display: none }</style><section class="collapsed"><p class="more">Proud Boys emails</p></section>';
    const { hidden, calls } = recheckCounter();
    const text = shadow.querySelector('p')!.firstChild!;
    const inShadow = { claim: 'pb', text: 'Proud Boys emails', ranges: [rangeOver(text)] };
    hidden.remember([inShadow]);
    shadow.querySelector('section')!.classList.remove('collapsed');
    await flush();
    expect(calls.n).toBe(1);
    expect(await hidden.takeVisible(new SliceClock(), () => false)).toEqual([inShadow]);
  });

  it('forgets mentions whose text is removed or read again, and clears', () => {
    document.body.innerHTML = PAGE;
    const { hidden } = recheckCounter();
    const one = mentionOf('more1');
    const two = mentionOf('more2');
    hidden.remember([one, two, mentionOf('ghost')]);
    hidden.remember([mentionOf('more1')]); // the same mention found again
    expect(hidden.size).toBe(3);
    document.getElementById('more1')!.remove();
    hidden.forgetGone();
    expect(hidden.size).toBe(2);
    hidden.forgetIn([document.getElementById('more2')!.firstChild!]);
    expect(hidden.size).toBe(1);
    hidden.clear();
    expect(hidden.size).toBe(0);
  });

  it(`remembers at most ${MAX_HIDDEN} mentions`, () => {
    document.body.innerHTML = `<style>.more { display: none }</style><div class="more">${'<p>Proud Boys emails</p>'.repeat(MAX_HIDDEN + 5)}</div>`;
    const { hidden } = recheckCounter();
    const all = [...document.querySelectorAll('p')].map((p) => ({ claim: 'pb', text: 'Proud Boys', ranges: [rangeOver(p.firstChild!)] }));
    hidden.remember(all);
    expect(hidden.size).toBe(MAX_HIDDEN);
  });

  it('gives nothing back and forgets nothing when cancelled between slices', async () => {
    document.body.innerHTML = PAGE;
    const { hidden } = recheckCounter();
    hidden.remember([mentionOf('more2'), mentionOf('more1')]);
    document.getElementById('story')!.classList.remove('collapsed');
    const clock = new SliceClock();
    vi.spyOn(clock, 'due').mockReturnValue(true);
    expect(await hidden.takeVisible(clock, () => true)).toBeNull();
    expect(hidden.size).toBe(2);
  });
});
