/**
 * Tab order inside the open card: Tab and Shift+Tab cycle through the card's
 * links and buttons without leaving it (the card is a non-modal dialog; Esc
 * or the pointer leave it, not Tab).
 *
 * Contract: `focusableIn(root)` lists, in tree order, the enabled links with
 * an href, buttons and elements with a non-negative tabindex under `root`
 * that are rendered (not `hidden`, not inside `display: none`).
 * `cycleTarget(list, current, backwards)` returns the element Tab should
 * move to: the next (or previous) one, wrapping around; the first (or last)
 * when `current` is not in the list; null for an empty list. Never throws.
 */

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusableIn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.hidden && (typeof el.checkVisibility !== 'function' || el.checkVisibility()),
  );
}

export function cycleTarget(
  list: ReadonlyArray<HTMLElement>,
  current: Element | null,
  backwards: boolean,
): HTMLElement | null {
  if (list.length === 0) return null;
  const index = current ? list.indexOf(current as HTMLElement) : -1;
  if (index < 0) return (backwards ? list[list.length - 1] : list[0]) ?? null;
  const next = (index + (backwards ? -1 : 1) + list.length) % list.length;
  return list[next] ?? null;
}
