/**
 * The background's sync wiring with the fake browser (alarms, storage), the
 * real store (fake-indexeddb) and a real local publisher server: messages,
 * one run at a time, lastCheck on the pack row, alarm re-creation and
 * back-off.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { listPacks } from '@/data/queries';
import { samplePack } from '@/data/test-pack';
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
    for (let i = 0; i < 100 && server.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests[0]).toMatchObject({ path: '/feed/manifest.json', headers: { 'if-none-match': '"v2"' } });
    expect((await listPacks(db))[0]?.lastCheck).toMatchObject({ ok: true, message: 'Up to date (version 2).' });
  });
});
