/**
 * Custom elements that may attach a shadow root later.
 *
 * Contract: `PendingHosts.add(el)` keeps a custom element that is not defined yet (`:defined`
 * does not match it), at most MAX_PENDING; from then on it checks the kept elements after
 * CHECK_DELAYS_MS (counted again from each add) and calls `onAttached(el)` once for each that now
 * hosts an open shadow root, dropping it. Elements that left the page, or were defined and host
 * none (they render into the light DOM, which the page's observer sees), are dropped too; what
 * is left after the last delay is given up. Why: a page that defines its elements after load
 * (`customElements.define` in a late script) has them upgraded and their shadow content
 * rendered without any mutation record for the observed tree. `clear()` forgets everything and
 * stops the checks. Throws nothing: a DOM whose selector engine lacks `:defined` keeps nothing.
 */

export const MAX_PENDING = 500;
/** When to look again, after the last add: an upgrade usually follows load within a second. */
export const CHECK_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000] as const;

export class PendingHosts {
  private readonly hosts = new Set<Element>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private step = 0;

  constructor(private readonly onAttached: (host: Element) => void) {}

  get size(): number {
    return this.hosts.size;
  }

  add(el: Element): void {
    if (this.hosts.has(el) || this.hosts.size >= MAX_PENDING || !undefinedElement(el)) return;
    this.hosts.add(el);
    this.step = 0;
    this.arm();
  }

  clear(): void {
    this.hosts.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const delay = CHECK_DELAYS_MS[this.step];
    if (delay === undefined) this.hosts.clear(); // given up
    else this.timer = setTimeout(() => this.check(), delay);
  }

  private check(): void {
    this.timer = null;
    for (const el of [...this.hosts]) {
      if (el.shadowRoot) {
        this.hosts.delete(el);
        this.onAttached(el);
      } else if (!el.isConnected || !undefinedElement(el)) {
        this.hosts.delete(el);
      }
    }
    this.step++;
    if (this.hosts.size > 0) this.arm();
  }
}

function undefinedElement(el: Element): boolean {
  try {
    return el.matches(':not(:defined)');
  } catch {
    return false;
  }
}
