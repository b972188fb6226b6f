/**
 * The publishers this browser syncs from: the ones pinned in the build
 * (data/publisher-keys.ts) plus those added in options, stored in
 * `browser.storage.local` under "subscriptions" (small config, read by the
 * background only). Each pack id is bound to exactly one key. Any of them
 * can be paused (the pack ids under "subscriptionsPaused"): a paused one is
 * not synced, its installed pack stays in use as it is.
 *
 * Contract: `addSubscription` validates and throws an Error with a human
 * message (URL not https, key not an Ed25519 key, pack id pinned to another
 * key, or already subscribed with another key — remove it first); adding a
 * pinned pack id with its pinned key only sets its URL. `removeSubscription`
 * throws for a pinned pack without a stored URL. Adding (again) resumes a
 * paused subscription; removing one forgets its pause. `setSubscriptionEnabled`
 * pauses or resumes, and throws for a pack id that is not listed.
 * `activeSubscriptions` lists those with a URL that are not paused;
 * `allPublicKeys` every key known (to name 'wrong-key').
 */
import { browser } from 'wxt/browser';
import type { PackCheck } from '@/data/queries';
import { PINNED_PUBLISHERS, type PinnedPublisher } from '@/data/publisher-keys';
import type { NewSubscription, SubscriptionView } from '@/lib/sync-messages';
import { checkFetchUrl } from '@/lib/sync/fetch-policy';
import { importPublicKey, keyIdOf } from '@/lib/sync/publisher-key';
import type { Subscription } from '@/lib/sync/sync-pack';

const STORAGE_KEY = 'subscriptions';
const PAUSED_KEY = 'subscriptionsPaused';

interface StoredSubscription {
  packId: string;
  manifestUrl: string;
  publicKey: string;
  lastCheck: PackCheck | null;
}

export async function listSubscriptions(pinned: readonly PinnedPublisher[] = PINNED_PUBLISHERS): Promise<SubscriptionView[]> {
  const { stored, paused } = await readAll();
  const views: SubscriptionView[] = [];
  for (const p of pinned) {
    const s = stored.find((x) => x.packId === p.packId);
    views.push({
      packId: p.packId,
      manifestUrl: s?.manifestUrl ?? p.manifestUrl,
      publicKey: p.publicKey,
      keyId: p.keyId,
      pinned: true,
      enabled: !paused.includes(p.packId),
      lastCheck: s?.lastCheck ?? null,
    });
  }
  for (const s of stored) {
    if (pinned.some((p) => p.packId === s.packId)) continue;
    views.push({
      packId: s.packId,
      manifestUrl: s.manifestUrl,
      publicKey: s.publicKey,
      keyId: await keyIdOf(s.publicKey),
      pinned: false,
      enabled: !paused.includes(s.packId),
      lastCheck: s.lastCheck,
    });
  }
  return views;
}

export async function activeSubscriptions(pinned: readonly PinnedPublisher[] = PINNED_PUBLISHERS): Promise<Subscription[]> {
  return (await listSubscriptions(pinned)).flatMap((v) =>
    v.manifestUrl && v.enabled ? [{ packId: v.packId, manifestUrl: v.manifestUrl, publicKey: v.publicKey }] : [],
  );
}

export async function allPublicKeys(pinned: readonly PinnedPublisher[] = PINNED_PUBLISHERS): Promise<string[]> {
  return [...new Set((await listSubscriptions(pinned)).map((v) => v.publicKey))];
}

export async function addSubscription(input: NewSubscription, pinned: readonly PinnedPublisher[] = PINNED_PUBLISHERS): Promise<SubscriptionView[]> {
  const packId = String(input.packId ?? '').trim();
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(packId)) throw new Error('The pack id must be a lower-case id of letters, digits, ".", "_" or "-".');
  let manifestUrl: string;
  try {
    manifestUrl = checkFetchUrl(String(input.manifestUrl ?? '').trim()).href;
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
  const publicKey = String(input.publicKey ?? '').trim();
  try {
    await importPublicKey(publicKey);
  } catch (e) {
    throw new Error(`The public key is not usable: ${e instanceof Error ? e.message : String(e)}`);
  }
  const bound = pinned.find((p) => p.packId === packId);
  if (bound && (await keyIdOf(publicKey)) !== bound.keyId) {
    throw new Error(`Pack "${packId}" is pinned to ${bound.publisher}'s key; another key cannot sign it.`);
  }
  const { stored, paused } = await readAll();
  const existing = stored.find((s) => s.packId === packId);
  if (existing && existing.publicKey !== publicKey) {
    throw new Error(`Pack "${packId}" is already subscribed with another key; remove that subscription first.`);
  }
  const next = stored.filter((s) => s.packId !== packId);
  next.push({ packId, manifestUrl, publicKey, lastCheck: existing?.lastCheck ?? null });
  await writeAll(next, paused.filter((id) => id !== packId));
  return listSubscriptions(pinned);
}

export async function removeSubscription(packId: string, pinned: readonly PinnedPublisher[] = PINNED_PUBLISHERS): Promise<SubscriptionView[]> {
  const { stored, paused } = await readAll();
  const isPinned = pinned.some((p) => p.packId === packId);
  if (!stored.some((s) => s.packId === packId)) {
    if (isPinned) throw new Error(`Pack "${packId}" is built in and cannot be removed.`);
    throw new Error(`There is no subscription to pack "${packId}".`);
  }
  // A pinned pack stays listed (with its built-in URL), and so keeps its pause.
  await writeAll(
    stored.filter((s) => s.packId !== packId),
    isPinned ? paused : paused.filter((id) => id !== packId),
  );
  return listSubscriptions(pinned);
}

export async function setSubscriptionEnabled(packId: string, on: boolean, pinned: readonly PinnedPublisher[] = PINNED_PUBLISHERS): Promise<SubscriptionView[]> {
  const { stored, paused } = await readAll();
  if (!stored.some((s) => s.packId === packId) && !pinned.some((p) => p.packId === packId)) {
    throw new Error(`There is no subscription to pack "${packId}".`);
  }
  const others = paused.filter((id) => id !== packId);
  await browser.storage.local.set({ [PAUSED_KEY]: on ? others : [...others, packId] });
  return listSubscriptions(pinned);
}

/** Remembers a check's result with the subscription (shown by options, also before the pack is installed). */
export async function recordSubscriptionCheck(packId: string, check: PackCheck): Promise<void> {
  const stored = await readStored();
  const s = stored.find((x) => x.packId === packId);
  if (!s) return;
  s.lastCheck = check;
  await writeStored(stored);
}

async function readStored(): Promise<StoredSubscription[]> {
  return (await readAll()).stored;
}

async function readAll(): Promise<{ stored: StoredSubscription[]; paused: string[] }> {
  const got = (await browser.storage.local.get([STORAGE_KEY, PAUSED_KEY])) as Record<string, unknown>;
  const list = got[STORAGE_KEY];
  const paused = got[PAUSED_KEY];
  return {
    stored: Array.isArray(list) ? (list as StoredSubscription[]) : [],
    paused: Array.isArray(paused) ? paused.filter((id): id is string => typeof id === 'string') : [],
  };
}

async function writeStored(list: StoredSubscription[]): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: list });
}

/** Both keys in one write, so a subscription and its pause change together. */
async function writeAll(list: StoredSubscription[], paused: string[]): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: list, [PAUSED_KEY]: paused });
}
