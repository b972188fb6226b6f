/**
 * The background's single `runtime.onMessage` listener, dispatching typed
 * messages (lib/messages.ts) to handlers registered per topic.
 *
 * Contract: `handle(type, fn)` registers the one handler of a type (throws if
 * one exists already). `dispatch` answers a message with the handler's
 * result, rejects with "no handler for message …" for an unknown type, and
 * ignores (returns undefined for) values that are not messages. Handlers
 * stay thin: logic lives in plain functions with their own unit tests.
 */
import { browser, type Browser } from 'wxt/browser';
import { isMessage, type MessageRequest, type MessageResponse, type MessageType } from '@/lib/messages';

export type Sender = Browser.runtime.MessageSender;
export type Handler<K extends MessageType> = (
  payload: MessageRequest<K>,
  sender: Sender,
) => MessageResponse<K> | Promise<MessageResponse<K>>;

const handlers = new Map<string, (payload: never, sender: Sender) => unknown>();

export function handle<K extends MessageType>(type: K, fn: Handler<K>): void {
  if (handlers.has(type)) throw new Error(`a handler for message "${type}" is already registered`);
  handlers.set(type, fn as (payload: never, sender: Sender) => unknown);
}

export function dispatch(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const fn = handlers.get(message.type);
  if (!fn) return Promise.reject(new Error(`no handler for message "${message.type}"`));
  return Promise.resolve().then(() => fn(message.payload as never, sender));
}

export function listenForMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => dispatch(message, sender));
}
