/**
 * The settings backup file (export / import on the options page): site
 * switches and preferences in one JSON document.
 *
 * Contract: `exportSettings` builds the document; `parseSettingsFile(text)`
 * returns `{ ok: true, settings }` only when the WHOLE file is valid, else
 * `{ ok: false, errors }` with one readable line per problem ("JSON is not
 * valid: …", "disabledSites.2: must be a host name …"), so the caller can
 * refuse it before changing anything. Never throws. Subscriptions are not
 * part of it: each needs its publisher's key checked by the background.
 */
import * as v from 'valibot';
import type { Settings } from '@/data/queries';
import { PreferencesSchema, type Preferences } from '@/lib/preferences';

export const SETTINGS_FORMAT = 'sourcelight-settings';
/** Refuses files that could only be hostile or broken (the list is typed in by hand). */
const MAX_SITES = 5000;
const MAX_FILE_CHARS = 1_000_000;

const HostName = v.pipe(
  v.string('must be a host name'),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$|^\[[0-9a-f:.]+\]$/, 'must be a host name such as news.example.org'),
);

export const SettingsFileSchema = v.strictObject({
  format: v.literal(SETTINGS_FORMAT, `must be "${SETTINGS_FORMAT}"`),
  version: v.literal(1, 'must be 1'),
  enabled: v.boolean('must be true or false'),
  disabledSites: v.pipe(v.array(HostName, 'must be a list of host names'), v.maxLength(MAX_SITES, `must list at most ${MAX_SITES} sites`)),
  preferences: PreferencesSchema,
});

export type SettingsFile = v.InferOutput<typeof SettingsFileSchema>;

export function exportSettings(settings: Settings, preferences: Preferences): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    version: 1,
    enabled: settings.enabled,
    disabledSites: [...settings.disabledSites],
    preferences: structuredClone(preferences),
  };
}

export type ParsedSettings = { ok: true; settings: SettingsFile } | { ok: false; errors: string[] };

export function parseSettingsFile(text: string): ParsedSettings {
  if (text.length > MAX_FILE_CHARS) return { ok: false, errors: [`The file is too large (at most ${MAX_FILE_CHARS} characters).`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`JSON is not valid: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const parsed = v.safeParse(SettingsFileSchema, json);
  if (parsed.success) {
    return { ok: true, settings: { ...parsed.output, disabledSites: [...new Set(parsed.output.disabledSites)].sort() } };
  }
  return { ok: false, errors: parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(file)'}: ${issue.message}`) };
}
