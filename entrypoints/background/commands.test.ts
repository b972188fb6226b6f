import { describe, expect, it } from 'vitest';
import { isShowNextMention, SHOW_NEXT_MENTION } from '@/entrypoints/content/card/protocol';
import { claimViewTab } from './commands';

describe('claimViewTab', () => {
  it('opens the popup page for the claim next to the sender tab', () => {
    const tab = claimViewTab('ratcliffe-announcement', { id: 42, index: 3, windowId: 7 });
    const url = new URL(tab.url);
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('tab')).toBe('42');
    expect(url.searchParams.get('claim')).toBe('ratcliffe-announcement');
    expect(tab).toMatchObject({ openerTabId: 42, index: 4, windowId: 7 });
  });

  it('encodes the claim id and leaves out the tab when the sender is not a tab', () => {
    const tab = claimViewTab('a&b=c', undefined);
    const url = new URL(tab.url);
    expect(url.searchParams.get('claim')).toBe('a&b=c');
    expect(url.searchParams.has('tab')).toBe(false);
    expect(tab).not.toHaveProperty('openerTabId');
  });
});

describe('isShowNextMention', () => {
  it('accepts the message with or without a claim id and rejects anything else', () => {
    expect(isShowNextMention({ type: SHOW_NEXT_MENTION, payload: {} })).toBe(true);
    expect(isShowNextMention({ type: SHOW_NEXT_MENTION, payload: { claimId: 'proud-boys-emails' } })).toBe(true);
    expect(isShowNextMention({ type: SHOW_NEXT_MENTION, payload: { claimId: 5 } })).toBe(false);
    expect(isShowNextMention({ type: SHOW_NEXT_MENTION })).toBe(false);
    expect(isShowNextMention({ type: 'getClaimContext', payload: {} })).toBe(false);
    expect(isShowNextMention(null)).toBe(false);
  });
});
