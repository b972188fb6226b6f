/**
 * Wires pack sync into the background: a `browser.alarms` alarm (every sync
 * interval of the user's preferences, 6 h by default, with jitter; sooner
 * then exponentially later after failed runs; the alarm is re-created
 * whenever the worker starts without one, and re-armed when the interval
 * changes, unless a back-off is under way: that retry stands), the
 * `syncNow` message (popup), and the subscription messages (options).
 *
 * Contract: one sync run at a time: a request while a run is going joins it
 * (same reports). Each run syncs every active subscription (sync-all.ts)
 * and records results on the pack rows (lastCheck, shown by the popup).
 * Open tabs learn of a new pack through tab-results.ts, which broadcasts
 * `packsChanged` whenever an installed pack's version changes. Run failures
 * other than a pack's own (e.g. the store) are logged and count as failed
 * for the back-off; message handlers reject with their error.
 */
import { browser } from 'wxt/browser';
import type { SourcelightDB } from '@/data/db';
import { loadPreferences, watchPreferences } from '@/lib/preferences';
import type { SyncReport } from '@/lib/sync-messages';
import { nextSyncDelayMs } from '@/lib/sync/schedule';
import { handle } from './router';
import {
  activeSubscriptions,
  addSubscription,
  allPublicKeys,
  listSubscriptions,
  recordSubscriptionCheck,
  removeSubscription,
  setSubscriptionEnabled,
} from './subscriptions';
import { syncAll } from './sync-all';

export const SYNC_ALARM = 'sourcelight-sync';
/** Consecutive failed runs, for the back-off (survives worker restarts). */
const FAILURES_KEY = 'syncFailures';

export function registerSync(db: SourcelightDB, ready: () => Promise<void>): void {
  let running: Promise<SyncReport[]> | null = null;

  const runOnce = (): Promise<SyncReport[]> => {
    running ??= (async () => {
      await ready();
      let reports: SyncReport[] = [];
      let failed = true;
      try {
        reports = await syncAll({
          db,
          subscriptions: await activeSubscriptions(),
          knownKeys: await allPublicKeys(),
          fetch: (url, init) => fetch(url, init),
          now: () => new Date(),
          recordSubscriptionCheck,
        });
        failed = reports.some((r) => r.status === 'failed');
        return reports;
      } finally {
        await reschedule(failed).catch((e: unknown) => console.error('[sourcelight] could not schedule the next sync:', e));
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  handle('syncNow', () => runOnce());
  handle('listSubscriptions', () => listSubscriptions());
  const syncSoon = () => void runOnce().catch((e: unknown) => console.error('[sourcelight] sync failed:', e));
  handle('addSubscription', async (p) => {
    const views = await addSubscription(p);
    syncSoon();
    return views;
  });
  handle('removeSubscription', (p) => removeSubscription(String(p.packId)));
  handle('setSubscriptionEnabled', async (p) => {
    const on = p.on === true;
    const views = await setSubscriptionEnabled(String(p.packId), on);
    if (on) syncSoon();
    return views;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) syncSoon();
  });
  watchPreferences((next, previous) => {
    if (next.syncIntervalHours !== previous.syncIntervalHours) {
      void rearmForInterval().catch((e: unknown) => console.error('[sourcelight] could not reschedule sync:', e));
    }
  });
  void ensureAlarm().catch((e: unknown) => console.error('[sourcelight] could not schedule sync:', e));
}

/** Creates the alarm if the browser lost it (first start, browser update, alarms cleared). */
async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(SYNC_ALARM)) return;
  await arm(await failures());
}

/** A new interval counts from now; a back-off retry is left as it is (it does not depend on the interval). */
async function rearmForInterval(): Promise<void> {
  const n = await failures();
  if (n === 0) await arm(0);
}

async function reschedule(failed: boolean): Promise<void> {
  const n = failed ? (await failures()) + 1 : 0;
  await browser.storage.local.set({ [FAILURES_KEY]: n });
  await arm(n);
}

async function arm(consecutiveFailures: number): Promise<void> {
  const periodMs = (await loadPreferences()).syncIntervalHours * 3600_000;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: nextSyncDelayMs(consecutiveFailures, Math.random, periodMs) / 60_000 });
}

async function failures(): Promise<number> {
  const v = ((await browser.storage.local.get(FAILURES_KEY)) as Record<string, unknown>)[FAILURES_KEY];
  return typeof v === 'number' && v >= 0 ? v : 0;
}
