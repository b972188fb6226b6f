/**
 * The typed message protocol between the content script / popup / card and
 * the background, which alone opens the store.
 *
 * Contract: a message is `{ type, payload }` where `type` is a key of
 * `MessageMap`; `sendMessage` resolves with that entry's `response`, or
 * rejects with the handler's error (the polyfill carries the message across).
 * Topics other than the store add their messages WITHOUT editing this file,
 * by declaration merging in their own module:
 *
 *   declare module '@/lib/messages' {
 *     interface MessageMap { getBadge: { request: { tabId: number }; response: string } }
 *   }
 */
import { browser } from 'wxt/browser';
import type {
  ClaimContext,
  ClaimList,
  ClaimMatchRules,
  PackInfo,
  SearchHit,
  Settings,
} from '@/data/queries';

export interface MessageMap {
  getClaimContext: { request: { claimId: string }; response: ClaimContext | null };
  listClaims: { request: { limit: number }; response: ClaimList };
  listPacks: { request: Record<string, never>; response: PackInfo[] };
  searchClaims: { request: { query: string }; response: SearchHit[] };
  loadMatchRules: { request: Record<string, never>; response: ClaimMatchRules[] };
  getSettings: { request: Record<string, never>; response: Settings };
  setEnabled: { request: { on: boolean }; response: Settings };
  setSiteEnabled: { request: { host: string; on: boolean }; response: Settings };
}

export type MessageType = keyof MessageMap;
export type MessageRequest<K extends MessageType> = MessageMap[K]['request'];
export type MessageResponse<K extends MessageType> = MessageMap[K]['response'];
export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: MessageRequest<K>;
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { payload?: unknown }).payload === 'object' &&
    (value as { payload?: unknown }).payload !== null
  );
}

export async function sendMessage<K extends MessageType>(
  type: K,
  payload: MessageRequest<K>,
): Promise<MessageResponse<K>> {
  const message: Message<K> = { type, payload };
  return (await browser.runtime.sendMessage(message)) as MessageResponse<K>;
}
