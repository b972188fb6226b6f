/**
 * The background's sync wiring with the fake browser (alarms, storage), the
 * real store (fake-indexeddb) and a real local publisher server: messages,
 * one run at a time, lastCheck on the pack row, alarm re-creation and
 * back-off, the user's sync interval (live), paused subscriptions.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { listPacks } from '@/data/queries';
import { samplePack } from '@/data/test-pack';
import { DEFAULT_PREFERENCES, savePreferences } from '@/lib/preferences';
import type { SyncReport } from '@/lib/sync-messages';
import { RETRY_FIRST_MS, SYNC_PERIOD_MS } from '@/lib/sync/schedule';
import { newPublisher, publish, startServer, type Publisher, type TestServer } from '@/lib/sync/test-publisher';
import { dispatch } from './router';
import { registerSync, SYNC_ALARM } from './sync';

const db = openDb('sync-wiring-test');
let server: TestServer;
let pub: Publisher;
const send = (type: string, payload: object) => dispatch({ type, payload }, { id: 'test' }) as Promise<unknown>;
const fresh = { issued: new Date(Date.now() - 3600_000), expires: new Date(Date.now() + 86400_000) };
const H = 3600_000;
const settle = () => new Promise((r) => setTimeout(r, 50));

async function alarmDelayMs(): Promise<number> {
  const a = await fakeBrowser.alarms.get(SYNC_ALARM);
  if (!a) throw new Error('no sync alarm');
  return a.scheduledTime - Date.now();
}

beforeAll(async () => {
  fakeBrowser.reset();
  server = await startServer();
  pub = await newPublisher();
  await importPack(db, samplePack(), 'bundled');
  registerSync(db, () => Promise.resolve());
  await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  await server.close();
  await db.delete();
});

describe('background sync', () => {
  it('creates the alarm when the worker starts without one (about 6 h)', async () => {
    expect(await alarmDelayMs()).toBeGreaterThan(SYNC_PERIOD_MS * 0.89);
    expect(await alarmDelayMs()).toBeLessThan(SYNC_PERIOD_MS * 1.11);
  });

  it('records a failure on the pack row and backs off (10 min, then 20 min)', async () => {
    await send('addSubscription', { packId: 'sample', manifestUrl: `${server.origin}/feed/manifest.json`, publicKey: pub.publicKey });
    // Adding starts a run; "Sync now" joins it.
    const [r] = (await send('syncNow', {})) as SyncReport[];
    expect(r).toMatchObject({ packId: 'sample', status: 'failed', code: 'http-status', version: 1 });
    const [info] = await listPacks(db);
    expect(info?.lastCheck).toMatchObject({ ok: false, message: expect.stringContaining('404') });
    expect(info?.version).toBe(1);
    expect(Math.abs((await alarmDelayMs()) - RETRY_FIRST_MS)).toBeLessThan(0.11 * RETRY_FIRST_MS);
    await send('syncNow', {});
    expect(Math.abs((await alarmDelayMs()) - 2 * RETRY_FIRST_MS)).toBeLessThan(0.11 * 2 * RETRY_FIRST_MS);
    expect(await send('listSubscriptions', {})).toEqual(
      expect.arrayContaining([expect.objectContaining({ packId: 'sample', lastCheck: expect.objectContaining({ ok: false }) })]),
    );
  });

  it('runs one sync at a time: concurrent "Sync now" requests share one run', async () => {
    await publish(server, pub, samplePack({ version: 2 }), fresh);
    server.requests.length = 0;
    const [a, b] = await Promise.all([send('syncNow', {}), send('syncNow', {})]);
    expect(a).toEqual(b);
    expect((a as SyncReport[])[0]).toMatchObject({ status: 'installed', version: 2, message: 'Updated to version 2.' });
    expect(server.requests.filter((r) => r.path === '/feed/manifest.json')).toHaveLength(1);
    const [info] = await listPacks(db);
    expect(info).toMatchObject({ version: 2, origin: 'sync', lastCheck: { ok: true, message: 'Updated to version 2.' } });
    // Success resets the back-off.
    expect(await alarmDelayMs()).toBeGreaterThan(SYNC_PERIOD_MS * 0.89);
  });

  it('the alarm runs a sync; the stored ETag makes it conditional', async () => {
    server.requests.length = 0;
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    const checked = async () => (await listPacks(db))[0]?.lastCheck?.message === 'Up to date (version 2).';
    // Poll rather than sleep: under a loaded machine the run can take longer than any fixed pause.
    for (let i = 0; i < 500 && !(await checked()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.requests[0]).toMatchObject({ path: '/feed/manifest.json', headers: { 'if-none-match': '"v2"' } });
    expect((await listPacks(db))[0]?.lastCheck).toMatchObject({ ok: true, message: 'Up to date (version 2).' });
  });

  it('follows the sync interval preference, re-arming the alarm when it changes', async () => {
    await savePreferences({ ...DEFAULT_PREFERENCES, syncIntervalHours: 1 });
    await settle();
    expect(Math.abs((await alarmDelayMs()) - H)).toBeLessThan(0.11 * H);
    // A finished run schedules the next one at the chosen interval too.
    await send('syncNow', {});
    expect(Math.abs((await alarmDelayMs()) - H)).toBeLessThan(0.11 * H);
    await savePreferences({ ...DEFAULT_PREFERENCES, syncIntervalHours: 24 });
    await settle();
    expect(Math.abs((await alarmDelayMs()) - 24 * H)).toBeLessThan(0.11 * 24 * H);
    // Saving other preferences leaves the alarm alone.
    const before = (await fakeBrowser.alarms.get(SYNC_ALARM))!.scheduledTime;
    await savePreferences({ highlight: { style: 'underline', color: '#000000' }, syncIntervalHours: 24 });
    await settle();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))!.scheduledTime).toBe(before);
  });

  it('keeps a back-off retry when the interval changes during it', async () => {
    server.route('/feed/manifest.json', { status: 500, body: 'down' });
    const [r] = (await send('syncNow', {})) as SyncReport[];
    expect(r).toMatchObject({ status: 'failed', code: 'http-status' });
    const retry = (await fakeBrowser.alarms.get(SYNC_ALARM))!.scheduledTime;
    expect(Math.abs(retry - Date.now() - RETRY_FIRST_MS)).toBeLessThan(0.11 * RETRY_FIRST_MS);
    await savePreferences({ ...DEFAULT_PREFERENCES, syncIntervalHours: 3 });
    await settle();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))!.scheduledTime).toBe(retry);
    // Back to health: the next run uses the new interval.
    await publish(server, pub, samplePack({ version: 3 }), fresh);
    expect(((await send('syncNow', {})) as SyncReport[])[0]).toMatchObject({ status: 'installed', version: 3 });
    expect(Math.abs((await alarmDelayMs()) - 3 * H)).toBeLessThan(0.11 * 3 * H);
  });

  it('does not sync a paused subscription; resuming syncs it', async () => {
    const paused = (await send('setSubscriptionEnabled', { packId: 'sample', on: false })) as Array<{ packId: string; enabled: boolean }>;
    expect(paused.find((v) => v.packId === 'sample')?.enabled).toBe(false);
    await publish(server, pub, samplePack({ version: 4 }), fresh);
    server.requests.length = 0;
    expect(await send('syncNow', {})).toEqual([]);
    expect(server.requests).toEqual([]);
    expect((await listPacks(db))[0]?.version).toBe(3);

    await send('setSubscriptionEnabled', { packId: 'sample', on: true });
    // Resuming starts a run; "Sync now" joins it or finds it done.
    for (let i = 0; i < 100 && (await listPacks(db))[0]?.version !== 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await listPacks(db))[0]).toMatchObject({ version: 4, lastCheck: { ok: true } });
    await expect(send('setSubscriptionEnabled', { packId: 'nobody', on: false })).rejects.toThrow('no subscription');
  });
});
