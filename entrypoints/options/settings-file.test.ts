import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '@/lib/preferences';
import { exportSettings, parseSettingsFile } from './settings-file';

const good = () => exportSettings({ enabled: false, disabledSites: ['a.example', 'b.example'] }, DEFAULT_PREFERENCES);

describe('settings file', () => {
  it('round-trips an export', () => {
    const parsed = parseSettingsFile(JSON.stringify(good()));
    expect(parsed).toEqual({ ok: true, settings: good() });
  });

  it('normalises host names and colours (case, spaces, duplicates)', () => {
    const file = { ...good(), disabledSites: [' News.Example ', 'news.example', 'a.example'], preferences: { ...DEFAULT_PREFERENCES, highlight: { style: 'underline', color: ' #AABBCC ' } } };
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok && parsed.settings.disabledSites).toEqual(['a.example', 'news.example']);
    expect(parsed.ok && parsed.settings.preferences.highlight).toEqual({ style: 'underline', color: '#aabbcc' });
  });

  it('refuses bad JSON with the parser message', () => {
    const parsed = parseSettingsFile('{"format": ');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^JSON is not valid: /);
  });

  it('lists every problem with its place in the file', () => {
    const file = {
      ...good(),
      format: 'other',
      enabled: 'yes',
      disabledSites: ['ok.example', 'not a host', '<img src=x>'],
      preferences: { highlight: { style: 'blink', color: 'red' }, syncIntervalHours: 2 },
    };
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toEqual([
      'format: must be "sourcelight-settings"',
      'enabled: must be true or false',
      'disabledSites.1: must be a host name such as news.example.org',
      'disabledSites.2: must be a host name such as news.example.org',
      'preferences.highlight.style: must be "background" or "underline"',
      'preferences.highlight.color: must be a colour written #rrggbb, e.g. #ffbe00',
      'preferences.syncIntervalHours: must be one of 1, 3, 6, 12, 24 hours',
    ]);
  });

  it('refuses unknown keys, a missing part and a non-object', () => {
    const extra = parseSettingsFile(JSON.stringify({ ...good(), script: 'alert(1)' }));
    expect(!extra.ok && extra.errors.join('\n')).toContain('script');
    const { preferences: _, ...missing } = good();
    expect(parseSettingsFile(JSON.stringify(missing)).ok).toBe(false);
    expect(parseSettingsFile('[]').ok).toBe(false);
    expect(parseSettingsFile('null').ok).toBe(false);
  });

  it('refuses an oversized file before parsing it', () => {
    const parsed = parseSettingsFile(' '.repeat(1_000_001));
    expect(!parsed.ok && parsed.errors[0]).toMatch(/too large/);
  });
});
