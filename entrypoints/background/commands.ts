/**
 * The hover card's background side: the keyboard command and the popup's
 * full view of a claim.
 *
 * Contract: `registerCardCommands()` (call once at worker start)
 * - forwards the "next-mention" command (manifest `commands`, default
 *   Alt+Shift+L, user-changeable at chrome://extensions/shortcuts or
 *   about:addons → Manage Extension Shortcuts) to the active tab as the
 *   `showNextMention` message; a tab without the content script (browser
 *   pages, the store) is skipped silently;
 * - answers `openClaimView` by opening popup.html?tab=<sender tab>&claim=<id>
 *   in a new tab next to the sender (tabs.create needs no permission).
 *   Rejects with a TypeError for a malformed claim id.
 */
import { browser } from 'wxt/browser';
import { SHOW_NEXT_MENTION, type ShowNextMention } from '@/entrypoints/content/card/protocol';
import { handle } from './router';

export const NEXT_MENTION_COMMAND = 'next-mention';

export function registerCardCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    void sendToTab(tab?.id);
  });
  handle('openClaimView', async ({ claimId }, sender) => {
    if (typeof claimId !== 'string' || claimId === '') throw new TypeError('message field "claimId" must be a string');
    await browser.tabs.create(claimViewTab(claimId, sender.tab));
  });
}

/** Where the full view opens: the popup page in a tab, told which tab and claim to show. */
export function claimViewTab(
  claimId: string,
  from: { id?: number; index?: number; windowId?: number } | undefined,
): { url: string; openerTabId?: number; index?: number; windowId?: number } {
  const query = new URLSearchParams();
  if (from?.id !== undefined) query.set('tab', String(from.id));
  query.set('claim', claimId);
  return {
    url: `${popupUrl()}?${query}`,
    ...(from?.id !== undefined ? { openerTabId: from.id } : {}),
    ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
    ...(from?.windowId !== undefined ? { windowId: from.windowId } : {}),
  };
}

function popupUrl(): string {
  return browser.runtime.getURL('/popup.html');
}

async function sendToTab(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  const message: ShowNextMention = { type: SHOW_NEXT_MENTION, payload: {} };
  await browser.tabs.sendMessage(id, message).catch(() => {
    // No content script in that tab: nothing to walk.
  });
}
