// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_DELAYS_MS, MAX_PENDING, PendingHosts } from './pending-hosts';

let seq = 0;
/** A fresh custom element name, defined later by `define`. */
function host(): { el: HTMLElement; define: (withShadow: boolean) => void } {
  const name = `late-box-${++seq}`;
  const el = document.createElement(name);
  document.body.append(el);
  return {
    el,
    define: (withShadow) =>
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            if (withShadow) this.attachShadow({ mode: 'open' }).innerHTML = '<p>late text</p>';
          }
        },
      ),
  };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('PendingHosts', () => {
  it('reports an element once it is defined with a shadow root, and only once', () => {
    vi.useFakeTimers();
    const attached: Element[] = [];
    const pending = new PendingHosts((el) => attached.push(el));
    const h = host();
    pending.add(h.el);
    expect(pending.size).toBe(1);
    vi.advanceTimersByTime(CHECK_DELAYS_MS[0]);
    expect(attached).toEqual([]);
    h.define(true);
    vi.advanceTimersByTime(CHECK_DELAYS_MS[1]);
    expect(attached).toEqual([h.el]);
    vi.advanceTimersByTime(60_000);
    expect(attached).toEqual([h.el]);
    expect(pending.size).toBe(0);
  });

  // happy-dom never matches :defined, so dropping defined elements is left to the end-to-end test
  // (tests/e2e/detection.e2e.test.ts, real browsers).
  it('drops elements that left the page and gives up after the last delay', () => {
    vi.useFakeTimers();
    const attached: Element[] = [];
    const pending = new PendingHosts((el) => attached.push(el));
    const gone = host();
    const never = host();
    pending.add(gone.el);
    pending.add(never.el);
    gone.el.remove();
    vi.advanceTimersByTime(CHECK_DELAYS_MS[0]);
    expect(pending.size).toBe(1);
    vi.advanceTimersByTime(CHECK_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(pending.size).toBe(0);
    never.define(true);
    vi.advanceTimersByTime(60_000);
    expect(attached).toEqual([]);
  });

  it('keeps at most MAX_PENDING elements and forgets them all on clear', () => {
    vi.useFakeTimers();
    const pending = new PendingHosts(() => {});
    for (let i = 0; i < MAX_PENDING + 5; i++) pending.add(document.createElement(`never-defined-${i}`));
    expect(pending.size).toBe(MAX_PENDING);
    pending.clear();
    expect(pending.size).toBe(0);
  });
});
