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
