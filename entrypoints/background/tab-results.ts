/**
 * Per-tab scan results, the toolbar badge, and broadcasts of settings and pack changes to the
 * content scripts.
 *
 * Contract: `TabResultsBook` keeps each tab's latest report per frame (a frame's new report
 * replaces its old one) and sums them (`results`); it is plain data, unit-tested alone.
 * `registerTabResults(db)` wires it: `reportMentions` from a content script (tab and frame
 * from the sender; reports without a tab are ignored) updates the tab's badge to the total
 * number of mentions over its frames (empty when none); `getTabResults { tabId }` answers the
 * popup; a tab starting to load a new page, or closed, is forgotten and its badge cleared.
 * Results survive a service-worker restart in `storage.session` where it exists. When the
 * store's settings or installed packs change, every tab is sent `settingsChanged` /
 * `packsChanged` (tabs without our content script just fail to receive, ignored). Needs no
 * `tabs` permission. Badge and broadcast failures are ignored (the tab may be gone).
 */
import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import type { SourcelightDB } from '@/data/db';
import { getSettings, listPacks } from '@/data/queries';
import type { ClaimCount, FrameReport, TabBroadcast, TabResults } from '@/lib/tab-messages';
import { handle } from './router';

type Frames = Record<number, FrameReport>;

export class TabResultsBook {
  private tabs = new Map<number, Frames>();

  record(tabId: number, frameId: number, report: FrameReport): void {
    const frames = this.tabs.get(tabId) ?? {};
    frames[frameId] = report;
    this.tabs.set(tabId, frames);
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  results(tabId: number): TabResults {
    const frames = Object.entries(this.tabs.get(tabId) ?? {}).map(([id, r]) => ({ frameId: Number(id), ...r }));
    frames.sort((a, b) => a.frameId - b.frameId);
    const claims = new Map<string, ClaimCount>();
    let total = 0;
    for (const frame of frames) {
      for (const c of frame.claims) {
        total += c.count;
        const sum = claims.get(c.claim) ?? { claim: c.claim, count: 0, texts: [] };
        sum.count += c.count;
        for (const t of c.texts) if (!sum.texts.includes(t)) sum.texts.push(t);
        claims.set(c.claim, sum);
      }
    }
    return { tabId, total, claims: [...claims.values()].sort((a, b) => b.count - a.count), frames };
  }

  toJSON(): Record<number, Frames> {
    return Object.fromEntries(this.tabs);
  }

  static fromJSON(json: unknown): TabResultsBook {
    const book = new TabResultsBook();
    if (typeof json === 'object' && json !== null) {
      for (const [tabId, frames] of Object.entries(json)) {
        if (typeof frames === 'object' && frames !== null) book.tabs.set(Number(tabId), frames as Frames);
      }
    }
    return book;
  }
}

export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}

const SESSION_KEY = 'tabResults';

function sessionArea() {
  return (browser.storage as { session?: typeof browser.storage.local }).session;
}

function action() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Sends a broadcast to every tab; only frames running our content script listen. */
export async function broadcastToTabs(message: TabBroadcast): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, message).catch(() => undefined))),
  );
}

function watch<T>(query: () => Promise<T>, key: (v: T) => string, onChange: (v: T) => void): void {
  let last: string | null = null;
  liveQuery(query).subscribe({
    next: (value) => {
      const k = key(value);
      if (last !== null && k !== last) onChange(value);
      last = k;
    },
    error: () => {},
  });
}

export function registerTabResults(db: SourcelightDB): void {
  let book = new TabResultsBook();
  const session = sessionArea();
  const restored: Promise<void> = session
    ? session.get(SESSION_KEY).then(
        (stored) => {
          book = TabResultsBook.fromJSON(stored[SESSION_KEY]);
        },
        () => {},
      )
    : Promise.resolve();
  let saving: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (!session || saving !== undefined) return;
    saving = setTimeout(() => {
      saving = undefined;
      session.set({ [SESSION_KEY]: book.toJSON() }).catch(() => {});
    }, 200);
  };
  const showBadge = (tabId: number) => {
    action()
      .setBadgeText({ tabId, text: badgeText(book.results(tabId).total) })
      .catch(() => {});
  };

  action()
    .setBadgeBackgroundColor({ color: '#5b3cc4' })
    .catch(() => {});

  handle('reportMentions', async (report, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return null;
    await restored;
    book.record(tabId, sender.frameId ?? 0, {
      url: String(report.url),
      claims: Array.isArray(report.claims) ? report.claims : [],
      status: report.status,
      ...(report.stats ? { stats: report.stats } : {}),
    });
    showBadge(tabId);
    save();
    return null;
  });

  handle('getTabResults', async ({ tabId }) => {
    if (typeof tabId !== 'number') throw new TypeError('message field "tabId" must be a number');
    await restored;
    return book.results(tabId);
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void restored.then(() => {
      book.forget(tabId);
      showBadge(tabId);
      save();
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void restored.then(() => {
      book.forget(tabId);
      save();
    });
  });

  watch(
    () => getSettings(db),
    (s) => JSON.stringify(s),
    (settings) => void broadcastToTabs({ type: 'settingsChanged', payload: { settings } }).catch(() => {}),
  );
  watch(
    () => listPacks(db),
    (packs) => packs.map((p) => `${p.id}@${p.version}@${p.installedAt}`).join(','),
    () => void broadcastToTabs({ type: 'packsChanged', payload: {} }).catch(() => {}),
  );
}
