/**
 * Messages between the hover card (content script), the background and the
 * popup.
 *
 * Contract:
 * - `openClaimView` (card → background, through lib/messages.ts): open the
 *   popup's full view of a claim in a new tab next to the sender's tab;
 *   resolves when the tab is created.
 * - `SHOW_NEXT_MENTION` (background or popup → content script, sent with
 *   tabs.sendMessage): move to the next mention on the page (of `claimId`
 *   only, when given), scroll it into view and open its card with focus
 *   inside. The background sends it for the keyboard command; the popup's
 *   "show on page" may send it with a claim id. Every frame of the tab
 *   receives it; exactly one (see `ownsKeyboardCommand`) acts.
 * `isShowNextMention` never throws.
 */
export const SHOW_NEXT_MENTION = 'showNextMention';

export interface ShowNextMention {
  type: typeof SHOW_NEXT_MENTION;
  payload: { claimId?: string };
}

export function isShowNextMention(value: unknown): value is ShowNextMention {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  if (type !== SHOW_NEXT_MENTION || typeof payload !== 'object' || payload === null) return false;
  const claimId = (payload as { claimId?: unknown }).claimId;
  return claimId === undefined || typeof claimId === 'string';
}

declare module '@/lib/messages' {
  interface MessageMap {
    openClaimView: { request: { claimId: string }; response: void };
  }
}
