/**
 * Display and sync preferences set on the options page: highlight style and
 * colour, and how often packs are synced. Kept in `browser.storage.local`
 * under "preferences" as ONE value, so a save is all or nothing. The options
 * page writes it; the content script (highlight look) and the background
 * (sync alarm) read it and follow changes live. Local extension storage
 * only: nothing here carries page data.
 *
 * Contract: `PreferencesSchema` is the one definition of valid preferences;
 * `loadPreferences` returns the stored ones, or the defaults when none or
 * invalid ones are stored (never throws for bad stored data);
 * `savePreferences` validates and rejects with a `v.ValiError` before
 * writing anything; storage errors propagate. `watchPreferences(fn)` calls
 * `fn(next, previous)` after each change of the stored value (invalid or
 * removed values read as the defaults, like `loadPreferences`) and returns
 * a function that stops watching; it throws nothing.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const PREFERENCES_KEY = 'preferences';
export const SYNC_INTERVALS_HOURS = [1, 3, 6, 12, 24] as const;

export const HexColor = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^#[0-9a-f]{6}$/, 'must be a colour written #rrggbb, e.g. #ffbe00'));

export const HIGHLIGHT_STYLES = ['background', 'underline'] as const;

export const PreferencesSchema = v.strictObject({
  highlight: v.strictObject({
    style: v.picklist(HIGHLIGHT_STYLES, 'must be "background" or "underline"'),
    color: HexColor,
  }),
  syncIntervalHours: v.picklist(SYNC_INTERVALS_HOURS, `must be one of ${SYNC_INTERVALS_HOURS.join(', ')} hours`),
});

export type Preferences = v.InferOutput<typeof PreferencesSchema>;
export type HighlightLook = Preferences['highlight'];

export const DEFAULT_PREFERENCES: Preferences = {
  highlight: { style: 'background', color: '#ffbe00' },
  syncIntervalHours: 6,
};

/** A stored value as preferences: the defaults when it is missing or invalid. */
function readPreferences(stored: unknown): Preferences {
  const parsed = v.safeParse(PreferencesSchema, stored);
  return parsed.success ? parsed.output : structuredClone(DEFAULT_PREFERENCES);
}

export async function loadPreferences(): Promise<Preferences> {
  return readPreferences(((await browser.storage.local.get(PREFERENCES_KEY)) as Record<string, unknown>)[PREFERENCES_KEY]);
}

export async function savePreferences(prefs: unknown): Promise<Preferences> {
  const valid = v.parse(PreferencesSchema, prefs);
  await browser.storage.local.set({ [PREFERENCES_KEY]: valid });
  return valid;
}

export function watchPreferences(fn: (next: Preferences, previous: Preferences) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[PREFERENCES_KEY];
    if (area !== 'local' || !change) return;
    fn(readPreferences(change.newValue), readPreferences(change.oldValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
