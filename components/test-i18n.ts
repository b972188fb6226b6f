/**
 * Test support: installs a `chrome.i18n` that answers from
 * public/_locales/en/messages.json with the browser's substitution rules
 * ($NAME$ placeholders, then $1…$9), so component tests see the real
 * English strings and a key missing from messages.json shows up as the key.
 *
 * Contract: `installEnglishI18n()` returns a function restoring the
 * previous globals. Only for tests; throws if messages.json is unreadable.
 */
import messages from '../public/_locales/en/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function getMessage(key: string, subs?: string | string[]): string {
  const entry = (messages as Record<string, Entry | undefined>)[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return ph ? ph[1].content : whole;
  });
  return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
}

export function installEnglishI18n(): () => void {
  // Under WxtVitest `browser` and `chrome` are WXT's fake browser, whose i18n
  // is not implemented: swap only their `i18n`, keep the rest of the fake.
  const g = globalThis as unknown as Record<'browser' | 'chrome', { i18n?: unknown } | undefined>;
  const i18n = { getMessage, getUILanguage: () => 'en' };
  const undo = (['browser', 'chrome'] as const).map((name) => {
    const host = g[name];
    if (!host) {
      g[name] = { i18n };
      return () => void (g[name] = undefined);
    }
    const previous = host.i18n;
    host.i18n = i18n;
    return () => void (host.i18n = previous);
  });
  return () => undo.forEach((fn) => fn());
}
