/**
 * The background (MV3 service worker / MV2 event page): owns the store.
 *
 * Contract: on install and update, imports the bundled pack (and on every
 * worker start when the store holds no pack); registers each topic's
 * message handlers (one import + one call line per topic) and then the
 * single runtime.onMessage listener. Import failures are logged, never
 * thrown: the worker keeps answering with what the store holds.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb } from '@/data/db';
import { installBundledPack, installBundledPackIfEmpty } from './bundled-pack';
import { listenForMessages } from './router';
import { registerStoreMessages } from './store-messages';
import { registerCardCommands } from './commands';
import { registerTabResults } from './tab-results';
import { registerSync } from './sync';

export default defineBackground(() => {
  const db = openDb();
  // Queries wait for the latest pending import; a failed import must not block them.
  let pending: Promise<unknown> = log('startup', installBundledPackIfEmpty(db));
  const ready = () => pending.then(() => undefined);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      pending = pending.then(() => log(reason, installBundledPack(db)));
    }
  });

  registerStoreMessages(db, ready);
  registerCardCommands();
  registerTabResults(db);
  registerSync(db, ready);
  listenForMessages();
});

function log(when: string, result: Promise<string>): Promise<void> {
  return result.then(
    (r) => console.info(`[sourcelight] bundled pack (${when}): ${r}`),
    (e: unknown) => console.error(`[sourcelight] bundled pack (${when}) failed:`, e),
  );
}
