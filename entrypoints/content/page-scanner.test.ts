// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile-matcher';
import type { ScanStatus } from '@/lib/tab-messages';
import { MentionStore } from './page-mentions';
import { PageScanner } from './page-scanner';

// A small real rule set (not the bundled pack, which other work tunes): "Proud Boys" near "email".
const matcher = compileMatcher([
  {
    id: 'pb',
    match: {
      terms: { pb: { '*': ['Proud Boys'] }, mail: { en: ['email*'] } },
      rules: [{ all: ['pb', 'mail'], window: 200 }],
      guards: [],
    },
  },
]);

let scanner: PageScanner | null = null;
afterEach(() => scanner?.stop());

function start() {
  const store = new MentionStore();
  const statuses: ScanStatus[] = [];
  scanner = new PageScanner({ matcher, store, highlighter: null, onStatus: (s) => statuses.push(s), onError: () => {} });
  scanner.start();
  return { store, statuses };
}

const texts = (store: MentionStore) => store.all().map((m) => m.ranges.map(String).join('+'));

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('PageScanner', () => {
  it('scans the page, follows added, changed and removed text, and ignores inputs', async () => {
    document.body.innerHTML =
      '<div id="feed"><p id="a">The Proud <b>Boys</b> emails arrived.</p></div><textarea>Proud Boys emails</textarea>';
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'));
    expect(texts(store)).toEqual(['Proud Boys+emails']);

    const p = document.createElement('p');
    p.textContent = 'Later: more emails from the Proud Boys.';
    document.getElementById('feed')!.append(p);
    await until(() => store.size === 2);
    expect(texts(store)).toEqual(['Proud Boys+emails', 'emails+Proud Boys']);

    document.getElementById('a')!.remove();
    await until(() => store.size === 1);
    (p.firstChild as Text).data = 'Later: nothing to see.';
    await until(() => store.size === 0);

    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.innerHTML = '<p>Proud Boys emails</p>';
    document.body.append(editor);
    await new Promise((r) => setTimeout(r, 600));
    expect(store.size).toBe(0);
  });

  it('ignores its own card host coming and going (no rescan, mention ids kept)', async () => {
    document.body.innerHTML = '<p>The Proud Boys emails arrived.</p>';
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'));
    const ids = store.all().map((m) => m.id);
    const seen = statuses.length;
    const host = document.createElement('sourcelight-card-x1');
    document.documentElement.append(host);
    await new Promise((r) => setTimeout(r, 300));
    host.remove();
    // A change to <body> would queue a full rescan within FULL_RESCAN_GAP_MS (3 s).
    await new Promise((r) => setTimeout(r, 3_300));
    expect(store.all().map((m) => m.id)).toEqual(ids);
    expect(statuses.length).toBe(seen);
  }, 10_000);

  it('reads a large batch of added blocks incrementally (no full rescan) and reports each pass', async () => {
    document.body.innerHTML = '<article id="feed"><p>Nothing here yet.</p></article>';
    performance.clearMeasures('sourcelight:scan');
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'));
    const feed = document.getElementById('feed')!;
    // More blocks than one batch used to hold before it fell back to a full rescan.
    for (let i = 0; i < 500; i++) {
      const p = document.createElement('p');
      p.textContent = i % 10 === 9 ? `Item ${i}: the Proud Boys emails.` : `Item ${i}: a quiet garden.`;
      feed.append(p);
    }
    const passes = () => performance.getEntriesByName('sourcelight:scan', 'measure') as PerformanceMeasure[];
    const detail = (e: PerformanceMeasure) => e.detail as { phase: string; segments: number };
    const read = () => passes().reduce((sum, e) => sum + (detail(e).phase === 'update' ? detail(e).segments : 0), 0);
    await until(() => read() >= 500, 10_000);
    expect(read()).toBe(500);
    expect(store.size).toBe(50);
    const phases = passes().map((e) => detail(e).phase);
    expect(phases[0]).toBe('initial');
    expect(phases).not.toContain('full');
    expect(texts(store)[0]).toBe('Proud Boys+emails');
  }, 15_000);

  it('reads text inserted right after a title change without waiting for a full rescan', async () => {
    document.head.innerHTML = '<title>Loading</title>';
    document.body.innerHTML = '<main id="root"><p>Loading…</p></main>';
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'));
    const t0 = Date.now();
    // As a late-loading page does: retitle, then insert the story.
    document.title = 'The story';
    document.getElementById('root')!.insertAdjacentHTML('beforeend', '<article><p>More Proud Boys emails arrived.</p></article>');
    await until(() => store.size === 1);
    // A change in <head> used to queue a full rescan, held back FULL_RESCAN_GAP_MS (3 s) after the first.
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('matches a page longer than one piece while reading it, finding mentions at piece edges once', async () => {
    // ~900k characters (over ONE_SHOT_CHARS, so read and matched in 200k pieces), mentions spread
    // through it so that some straddle the edges of the pieces.
    const filler = 'The garden market opened early and the orchestra played in the evening. ';
    const blocks: string[] = [];
    let expected = 0;
    for (let i = 0; i < 2400; i++) {
      const mention = i % 97 === 0;
      if (mention) expected++;
      blocks.push(`<p>${filler.repeat(5)}${mention ? `Paragraph ${i}: the Proud Boys emails arrived.` : ''}</p>`);
    }
    document.body.innerHTML = blocks.join('');
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'), 20_000);
    expect(store.size).toBe(expected);
    expect(new Set(texts(store))).toEqual(new Set(['Proud Boys+emails']));
    const starts = store.all().map((m) => (m.ranges[0]!.startContainer as Text).data.slice(-40));
    expect(new Set(starts).size).toBe(expected);
  }, 30_000);

  it('shows a mention in stylesheet-hidden text once a class change reveals it, and forgets removed ones', async () => {
    document.head.innerHTML = '<style>.collapsed .more { display: none }</style>';
    document.body.innerHTML =
      '<article id="story" class="collapsed"><p>The Proud Boys emails arrived.</p>' +
      '<div class="more"><p id="more">Later, more Proud Boys emails.</p></div></article>' +
      '<section id="tabs" class="collapsed"><div class="more"><p id="apart">Proud Boys <span></span>emails in a tab.</p></div>' +
      '<div class="more"><p id="removed">Proud Boys emails in another tab.</p></div></section>' +
      // Keeps the words of the blocks below out of the rule's window of those above.
      `<p>${'A quiet garden. '.repeat(30)}</p><section id="later" class="collapsed"></section>`;
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'));
    expect(texts(store)).toEqual(['Proud Boys+emails']);
    document.getElementById('story')!.classList.remove('collapsed');
    await until(() => store.size === 2);
    expect(store.all()[1]!.ranges[0]!.startContainer).toBe(document.getElementById('more')!.firstChild);
    // Text put into a collapsed section after load: remembered, shown once revealed.
    document.getElementById('later')!.insertAdjacentHTML('beforeend', '<div class="more"><p id="late">Proud Boys emails, late.</p></div>');
    await new Promise((r) => setTimeout(r, 600));
    expect(store.size).toBe(2);
    // Hidden mentions whose text is removed, or changed so that it no longer matches (its words
    // pushed out of the rule's window, their ranges intact), are not shown when revealed.
    document.querySelector('#apart span')!.textContent = 'filler '.repeat(300);
    document.getElementById('removed')!.remove();
    await new Promise((r) => setTimeout(r, 600));
    document.getElementById('tabs')!.classList.remove('collapsed');
    document.getElementById('later')!.classList.remove('collapsed');
    await until(() => store.size === 3);
    await new Promise((r) => setTimeout(r, 600));
    expect(texts(store)).toEqual(['Proud Boys+emails', 'Proud Boys+emails', 'Proud Boys+emails']);
    expect(store.all()[2]!.ranges[0]!.startContainer).toBe(document.getElementById('late')!.firstChild);
    document.head.innerHTML = '';
  });

  it('watches no class changes when no mention is hidden', async () => {
    document.body.innerHTML = '<p class="a">The Proud Boys emails arrived.</p>';
    const watched: MutationObserverInit[] = [];
    const observe = MutationObserver.prototype.observe;
    MutationObserver.prototype.observe = function (target, options) {
      if (options) watched.push(options);
      observe.call(this, target, options);
    };
    try {
      const { statuses } = start();
      await until(() => statuses.some((s) => s.state === 'done'));
    } finally {
      MutationObserver.prototype.observe = observe;
    }
    expect(watched.length).toBeGreaterThan(0);
    expect(watched.filter((o) => o.attributeFilter?.includes('class'))).toEqual([]);
  });

  it('stops following changes after stop()', async () => {
    document.body.innerHTML = '<p>nothing</p>';
    const { store, statuses } = start();
    await until(() => statuses.some((s) => s.state === 'done'));
    scanner!.stop();
    document.body.insertAdjacentHTML('beforeend', '<p>Proud Boys emails</p>');
    await new Promise((r) => setTimeout(r, 600));
    expect(store.size).toBe(0);
  });
});
