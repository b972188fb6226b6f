import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { samplePack } from '@/data/test-pack';
import type { Message } from '@/lib/messages';
import { dispatch, handle, type Sender } from './router';
import { registerStoreMessages } from './store-messages';

const db = openDb('store-messages-test');
let releaseReady!: () => void;
const ready = new Promise<void>((resolve) => (releaseReady = resolve));
const sender: Sender = { id: 'test' };
const send = (message: Message | unknown) => dispatch(message, sender);

beforeAll(() => registerStoreMessages(db, () => ready));
afterAll(() => db.delete());

describe('store message handlers', () => {
  it('wait for the startup import before answering', async () => {
    let answered: unknown = 'pending';
    const reply = send({ type: 'listClaims', payload: { limit: 10 } })!.then((r) => (answered = r));
    await importPack(db, samplePack(), 'bundled');
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe('pending');
    releaseReady();
    await reply;
    expect(answered).toMatchObject({ total: 2, claims: [{ id: 'beta-claim' }, { id: 'alpha-claim' }] });
  });

  it('answer each store query', async () => {
    expect(await send({ type: 'getClaimContext', payload: { claimId: 'beta-claim' } })).toMatchObject({ packId: 'sample', claim: { id: 'beta-claim' } });
    expect(await send({ type: 'getClaimContext', payload: { claimId: 'nope' } })).toBeNull();
    expect(await send({ type: 'listPacks', payload: {} })).toMatchObject([{ id: 'sample', version: 1 }]);
    expect(await send({ type: 'searchClaims', payload: { query: 'gadget' } })).toMatchObject([{ claimId: 'beta-claim' }]);
    expect(await send({ type: 'loadMatchRules', payload: {} })).toHaveLength(2);
    expect(await send({ type: 'setEnabled', payload: { on: false } })).toEqual({ enabled: false, disabledSites: [] });
    expect(await send({ type: 'setSiteEnabled', payload: { host: 'x.example', on: false } })).toEqual({ enabled: false, disabledSites: ['x.example'] });
    expect(await send({ type: 'getSettings', payload: {} })).toEqual({ enabled: false, disabledSites: ['x.example'] });
  });

  it('reject malformed payloads with the field named', async () => {
    await expect(send({ type: 'getClaimContext', payload: { claimId: 7 } })).rejects.toThrow('message field "claimId" must be a string');
    await expect(send({ type: 'setSiteEnabled', payload: { host: 'x', on: 'yes' } })).rejects.toThrow('message field "on" must be a boolean');
    await expect(send({ type: 'listClaims', payload: {} })).rejects.toThrow('message field "limit" must be a number >= 0');
  });
});

describe('router', () => {
  it('rejects unknown message types and ignores non-messages', async () => {
    await expect(send({ type: 'noSuchThing', payload: {} })).rejects.toThrow('no handler for message "noSuchThing"');
    expect(send('hello')).toBeUndefined();
    expect(send({ type: 'listClaims' })).toBeUndefined();
  });

  it('refuses a second handler for the same type', () => {
    expect(() => handle('listClaims', () => ({ total: 0, claims: [] }))).toThrow('a handler for message "listClaims" is already registered');
  });
});
