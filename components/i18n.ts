/**
 * UI strings through the WebExtension i18n API (public/_locales/<lang>/messages.json),
 * so translators add a language by adding a folder.
 *
 * Contract: `t(key, subs)` returns the message for `key` in the browser's UI
 * language with `$1`… replaced by `subs`; `plural(key, n)` picks
 * `key_one` / `key_other` (… per Intl.PluralRules) and substitutes `n`.
 * Where no i18n API exists (unit tests, Node) or the key is unknown, the key
 * itself comes back, so a missing string shows up instead of a blank. Never throws.
 */
type Subs = string | number | ReadonlyArray<string | number>;
interface I18nApi {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage?(): string;
}

// Read the global at call time: extension pages and content scripts have
// `browser` (Firefox, recent Chromium) or `chrome`; tests may install one late.
function api(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

export function t(key: string, subs?: Subs): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  try {
    return api()?.getMessage(key, list) || key;
  } catch {
    return key;
  }
}

export function plural(key: string, n: number): string {
  let form = 'other';
  try {
    form = new Intl.PluralRules(api()?.getUILanguage?.()).select(n);
  } catch {
    // An unknown UI language tag: "other" is the form every language has.
  }
  const exact = t(`${key}_${form}`, n);
  return exact === `${key}_${form}` ? t(`${key}_other`, n) : exact;
}
