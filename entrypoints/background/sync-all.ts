/**
 * One sync run over every active subscription, one pack after another,
 * recording each result as the pack's lastCheck (popup) and on the
 * subscription (options).
 *
 * Contract: never throws for a pack's failure: each subscription gets a
 * SyncReport (status 'failed' with the SyncError's code and message, and
 * the store unchanged for that pack). A pack is written only through
 * `importPack` (one transaction), so a worker stopped mid-run leaves each
 * pack fully old or fully new. Dexie errors while recording propagate.
 */
import type { SourcelightDB } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { getSyncedPack, recordPackCheck } from '@/data/sync-state';
import type { SyncReport } from '@/lib/sync-messages';
import type { FetchLike } from '@/lib/sync/fetch-capped';
import { SyncError } from '@/lib/sync/sync-error';
import { syncPack, type Subscription } from '@/lib/sync/sync-pack';

export interface SyncAllDeps {
  db: SourcelightDB;
  subscriptions: readonly Subscription[];
  /** Every pinned/subscribed public key, to tell 'wrong-key' from 'unknown-key'. */
  knownKeys: readonly string[];
  fetch: FetchLike;
  now: () => Date;
  recordSubscriptionCheck?: (packId: string, check: { at: string; ok: boolean; message: string }) => Promise<void>;
  timeoutMs?: number;
}

export async function syncAll(d: SyncAllDeps): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (const sub of d.subscriptions) {
    const { report, etag } = await syncOne(d, sub);
    const check = { at: report.at, ok: report.status !== 'failed', message: report.message };
    // A failed run keeps the ETag of the last accepted manifest, so the next run refetches.
    const accepted = report.status === 'failed' ? undefined : { manifestUrl: sub.manifestUrl, etag };
    await recordPackCheck(d.db, sub.packId, check, accepted);
    await d.recordSubscriptionCheck?.(sub.packId, check);
    reports.push(report);
  }
  return reports;
}

async function syncOne(d: SyncAllDeps, sub: Subscription): Promise<{ report: SyncReport; etag: string | null }> {
  const installed = await getSyncedPack(d.db, sub.packId, sub.manifestUrl);
  const result = (status: SyncReport['status'], code: SyncReport['code'], message: string, version: number | null, etag: string | null = null) => ({
    report: { packId: sub.packId, status, code, message, at: d.now().toISOString(), version },
    etag,
  });
  try {
    const r = await syncPack({
      subscription: sub,
      installed,
      fetch: d.fetch,
      now: d.now,
      install: (pack) => importPack(d.db, pack, 'sync', d.now),
      otherKeys: d.knownKeys.filter((k) => k !== sub.publicKey),
      timeoutMs: d.timeoutMs,
    });
    if (r.status === 'up-to-date') return result('up-to-date', null, `Up to date (version ${r.version ?? '?'}).`, r.version, r.etag);
    if (r.installResult === 'kept-newer' || r.installResult === 'unchanged') {
      // Another run installed this (or a newer) version meanwhile.
      const version = (await getSyncedPack(d.db, sub.packId, sub.manifestUrl))?.version ?? r.version;
      return result('up-to-date', null, `Up to date (version ${version}).`, version, r.etag);
    }
    return result('installed', null, `Updated to version ${r.version}.`, r.version, r.etag);
  } catch (e) {
    const err = e instanceof SyncError ? e : new SyncError('network', e instanceof Error ? e.message : String(e));
    return result('failed', err.code, err.message, installed?.version ?? null);
  }
}
