/**
 * Messages of the sync topic (popup / options → background), added to
 * lib/messages.ts's MessageMap by declaration merging.
 *
 * - `syncNow`: runs a sync of every subscription now (joins a sync already
 *   running) and answers one report per subscription.
 * - `listSubscriptions`: pinned publishers and those added in options.
 * - `addSubscription`: subscribes to a publisher's pack (rejects with a
 *   message naming the problem: bad URL, bad key, pack id pinned to another
 *   key or already subscribed with another key); then starts a sync.
 * - `removeSubscription`: unsubscribes (pinned ones cannot be removed; the
 *   installed pack stays until a later release replaces it).
 * - `setSubscriptionEnabled`: pauses (`on: false`: no longer synced, the
 *   installed pack stays in use) or resumes (then starts a sync) a listed
 *   subscription, pinned ones included; rejects for an unknown pack id.
 * Types only; throws nothing.
 */
import type { PackCheck } from '@/data/queries';
import type { SyncErrorCode } from '@/lib/sync/sync-error';

export interface SyncReport {
  packId: string;
  /** 'installed': a new version is in the store; 'up-to-date': nothing to do; 'failed': the store is unchanged. */
  status: 'installed' | 'up-to-date' | 'failed';
  code: SyncErrorCode | null;
  /** Human message, also recorded as the pack's lastCheck. */
  message: string;
  at: string;
  /** Installed version after the sync, null when none is installed. */
  version: number | null;
}

export interface SubscriptionView {
  packId: string;
  /** null: pinned publisher without a release host yet (never synced). */
  manifestUrl: string | null;
  publicKey: string;
  keyId: string;
  /** Pinned in the build (cannot be removed or re-keyed). */
  pinned: boolean;
  /** false: paused by the user, not synced. */
  enabled: boolean;
  lastCheck: PackCheck | null;
}

export interface NewSubscription {
  packId: string;
  manifestUrl: string;
  publicKey: string;
}

declare module '@/lib/messages' {
  interface MessageMap {
    syncNow: { request: Record<string, never>; response: SyncReport[] };
    listSubscriptions: { request: Record<string, never>; response: SubscriptionView[] };
    addSubscription: { request: NewSubscription; response: SubscriptionView[] };
    removeSubscription: { request: { packId: string }; response: SubscriptionView[] };
    setSubscriptionEnabled: { request: { packId: string; on: boolean }; response: SubscriptionView[] };
  }
}
