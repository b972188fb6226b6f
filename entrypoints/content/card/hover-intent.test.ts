import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, type HoverTarget } from './hover-intent';

const mention = (id: number): HoverTarget => ({ kind: 'mention', id });
const card: HoverTarget = { kind: 'card' };
const none: HoverTarget = { kind: 'none' };

function setup() {
  const events: string[] = [];
  const intent = new HoverIntent({
    openDelay: 300,
    closeDelay: 300,
    onOpen: (id, pinned) => events.push(`open ${id}${pinned ? ' pinned' : ''}`),
    onClose: () => events.push('close'),
    onDwellStart: (id) => events.push(`dwell ${id}`),
  });
  return { intent, events };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after the pointer dwells on a mention', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['dwell 1']);
    intent.pointerAt(mention(1)); // further moves over the same mention do not restart the dwell
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['dwell 1', 'open 1']);
    expect(intent.openId).toBe(1);
  });

  it('opens nothing when the pointer merely crosses a mention', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(120);
    intent.pointerAt(none);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['dwell 1']);
    expect(intent.openId).toBeNull();
  });

  it('restarts the dwell when the pointer moves to another mention', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(200);
    intent.pointerAt(mention(2));
    vi.advanceTimersByTime(200);
    expect(intent.openId).toBeNull();
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['dwell 1', 'dwell 2', 'open 2']);
  });

  it('keeps the card open while the pointer travels from the text into the card (grace period)', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(300);
    intent.pointerAt(none); // the gap between text and card
    vi.advanceTimersByTime(250);
    intent.pointerAt(card);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['dwell 1', 'open 1']);
    expect(intent.openId).toBe(1);
  });

  it('closes after the grace period once the pointer left both mention and card', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(300);
    intent.pointerAt(card);
    intent.pointerAt(none);
    vi.advanceTimersByTime(299);
    expect(intent.openId).toBe(1);
    intent.pointerAt(none); // more moves outside do not extend the grace period
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['dwell 1', 'open 1', 'close']);
    expect(intent.openId).toBeNull();
  });

  it('switches the card when the pointer rests on another mention, without closing in between', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(300);
    intent.pointerAt(none);
    vi.advanceTimersByTime(100);
    intent.pointerAt(mention(2));
    vi.advanceTimersByTime(299);
    expect(intent.openId).toBe(1);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['dwell 1', 'open 1', 'dwell 2', 'open 2']);
  });

  it('dismiss closes at once and keeps the card shut until the pointer leaves the mention', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(300);
    intent.dismiss();
    expect(events).toEqual(['dwell 1', 'open 1', 'close']);
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(1000);
    expect(intent.openId).toBeNull();
    intent.pointerAt(none);
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(300);
    expect(intent.openId).toBe(1);
  });

  it('a pinned card (keyboard, touch) ignores pointer movement but closes on dismiss', () => {
    const { intent, events } = setup();
    intent.openPinned(3);
    intent.pointerAt(none);
    intent.pointerAt(mention(4));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open 3 pinned']);
    expect(intent.pinned).toBe(true);
    intent.dismiss();
    expect(events).toEqual(['open 3 pinned', 'close']);
    expect(intent.pinned).toBe(false);
    intent.pointerAt(mention(3)); // a pinned dismissal does not suppress hovering
    vi.advanceTimersByTime(300);
    expect(intent.openId).toBe(3);
  });

  it('pinning the card that hover opened reports the change once', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    vi.advanceTimersByTime(300);
    intent.openPinned(1);
    intent.openPinned(1);
    expect(events).toEqual(['dwell 1', 'open 1', 'open 1 pinned']);
  });

  it('close cancels a pending dwell and reports nothing when nothing was open', () => {
    const { intent, events } = setup();
    intent.pointerAt(mention(1));
    intent.close();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['dwell 1']);
  });
});
