/**
 * Everything the options page asks of the extension, as one interface so
 * its views take it as a prop (tests pass one over a real in-memory store).
 *
 * Contract: `extensionOptionsApi` answers through the background's message
 * protocol (site switches: store topic; subscriptions: sync topic) and
 * `browser.storage.local` (preferences). Methods reject with the other
 * side's Error, whose message is meant for people.
 */
import type { Settings } from '@/data/queries';
import { sendMessage } from '@/lib/messages';
import { loadPreferences, savePreferences, type Preferences } from '@/lib/preferences';
import type { NewSubscription, SubscriptionView } from '@/lib/sync-messages';

export interface OptionsApi {
  settings(): Promise<Settings>;
  setEnabled(on: boolean): Promise<Settings>;
  setSiteEnabled(host: string, on: boolean): Promise<Settings>;
  loadPreferences(): Promise<Preferences>;
  savePreferences(p: Preferences): Promise<Preferences>;
  listSubscriptions(): Promise<SubscriptionView[]>;
  addSubscription(s: NewSubscription): Promise<SubscriptionView[]>;
  removeSubscription(packId: string): Promise<SubscriptionView[]>;
  setSubscriptionEnabled(packId: string, on: boolean): Promise<SubscriptionView[]>;
}

export const extensionOptionsApi: OptionsApi = {
  settings: () => sendMessage('getSettings', {}),
  setEnabled: (on) => sendMessage('setEnabled', { on }),
  setSiteEnabled: (host, on) => sendMessage('setSiteEnabled', { host, on }),
  loadPreferences,
  savePreferences,
  listSubscriptions: () => sendMessage('listSubscriptions', {}),
  addSubscription: (s) => sendMessage('addSubscription', s),
  removeSubscription: (packId) => sendMessage('removeSubscription', { packId }),
  setSubscriptionEnabled: (packId, on) => sendMessage('setSubscriptionEnabled', { packId, on }),
};
