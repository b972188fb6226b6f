// @vitest-environment happy-dom
// The options page over the real store queries (in-memory IndexedDB), the
// real preferences and subscription code (WXT's fake browser storage).
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installEnglishI18n } from '@/components/test-i18n';
import { openDb, type SourcelightDB } from '@/data/db';
import * as q from '@/data/queries';
import {
  activeSubscriptions,
  addSubscription,
  listSubscriptions,
  removeSubscription,
  setSubscriptionEnabled,
} from '@/entrypoints/background/subscriptions';
import { claimHighlightStyle, highlightDeclarations } from '@/lib/highlight-style';
import { loadPreferences, savePreferences } from '@/lib/preferences';
import { newPublisher } from '@/lib/sync/test-publisher';
import { Options } from './options';
import type { OptionsApi } from './options-api';

let restore: () => void;
beforeAll(() => (restore = installEnglishI18n()));
afterAll(() => restore());

let db: SourcelightDB;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`options-test-${++n}`);
  await q.setSiteEnabled(db, 'quiet.example', false);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function api(over: Partial<OptionsApi> = {}): OptionsApi {
  return {
    settings: () => q.getSettings(db),
    setEnabled: (on) => q.setEnabled(db, on),
    setSiteEnabled: (host, on) => q.setSiteEnabled(db, host, on),
    loadPreferences,
    savePreferences,
    listSubscriptions: () => listSubscriptions(),
    addSubscription: (s) => addSubscription(s),
    removeSubscription: (id) => removeSubscription(id),
    setSubscriptionEnabled: (id, on) => setSubscriptionEnabled(id, on),
    ...over,
  };
}

const section = (name: string) => screen.getByRole('region', { name }) as HTMLElement;

describe('Options: highlighting and sync', () => {
  it('saves style, colour and interval together', async () => {
    render(<Options api={api()} />);
    const form = await screen.findByRole('form', { name: 'Highlighting and sync' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Underline' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Colour' }), { target: { value: '#3366FF' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Check publishers for new packs' }), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText('Saved.');
    expect(await loadPreferences()).toEqual({ highlight: { style: 'underline', color: '#3366ff' }, syncIntervalHours: 12 });
  });

  it('refuses an invalid colour with a message at the field and saves nothing', async () => {
    render(<Options api={api()} />);
    const form = await screen.findByRole('form', { name: 'Highlighting and sync' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Underline' }));
    const colour = within(form).getByRole('textbox', { name: 'Colour' });
    fireEvent.input(colour, { target: { value: 'javascript:red' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByText('Not saved: please correct the fields marked.');
    expect(colour.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(colour.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Colour: must be a colour written #rrggbb, e.g. #ffbe00',
    );
    expect(await fakeBrowser.storage.local.get('preferences')).toEqual({});
  });
});

describe('Options: highlight preview', () => {
  it('previews the chosen style and colour as pages will show them', async () => {
    render(<Options api={api()} />);
    const form = await screen.findByRole('form', { name: 'Highlighting and sync' });
    const mark = () => form.querySelector('.op-preview-mark') as HTMLElement;
    const expected = (look: { style: 'background' | 'underline'; color: string }) => {
      const probe = document.createElement('span');
      probe.setAttribute('style', highlightDeclarations(claimHighlightStyle(look, 0)));
      return probe.style.cssText;
    };
    expect(mark().style.cssText).toBe(expected({ style: 'background', color: '#ffbe00' }));
    fireEvent.click(within(form).getByRole('radio', { name: 'Underline' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Colour' }), { target: { value: '#3366FF' } });
    await waitFor(() => expect(mark().style.cssText).toBe(expected({ style: 'underline', color: '#3366ff' })));
    expect(mark().style.backgroundColor).toBe('transparent');
  });
});

describe('Options: sites', () => {
  it('lists the sites switched off and switches one back on', async () => {
    render(<Options api={api()} />);
    await screen.findByText('quiet.example');
    fireEvent.click(screen.getByRole('button', { name: 'Highlight on quiet.example again' }));
    await screen.findByText(/Highlighting is on for every site/);
    expect((await q.getSettings(db)).disabledSites).toEqual([]);
  });

  it('switches highlighting off everywhere', async () => {
    render(<Options api={api()} />);
    const all = (await screen.findByRole('checkbox', { name: 'Highlight everywhere' })) as HTMLInputElement;
    expect(all.checked).toBe(true);
    fireEvent.click(all);
    await waitFor(async () => expect((await q.getSettings(db)).enabled).toBe(false));
  });
});

describe('Options: subscriptions', () => {
  it('shows the built-in publisher, adds one with a real key and removes it', async () => {
    const publisher = await newPublisher();
    render(<Options api={api()} />);
    const subs = await waitFor(() => section('Pack subscriptions'));
    await within(subs).findByText('sourcelight-election-2020');
    expect(within(subs).getByText('built in')).toBeTruthy();
    expect(within(subs).queryByRole('button', { name: /Unsubscribe from sourcelight-election-2020/ })).toBeNull();

    fireEvent.input(within(subs).getByLabelText('Pack id'), { target: { value: 'community-pack' } });
    fireEvent.input(within(subs).getByLabelText('Manifest URL (https)'), { target: { value: 'https://packs.example/manifest.json' } });
    fireEvent.input(within(subs).getByLabelText("Publisher's public key (Ed25519)"), { target: { value: publisher.publicKey } });
    fireEvent.click(within(subs).getByRole('button', { name: 'Subscribe' }));
    await within(subs).findByText('Subscribed to community-pack; syncing now.');
    expect(within(subs).getByText('https://packs.example/manifest.json')).toBeTruthy();
    expect((within(subs).getByLabelText('Pack id') as HTMLInputElement).value).toBe('');

    fireEvent.click(within(subs).getByRole('button', { name: 'Unsubscribe from community-pack' }));
    await waitFor(() => expect(within(subs).queryByText('https://packs.example/manifest.json')).toBeNull());
    expect((await listSubscriptions()).map((s) => s.packId)).toEqual(['sourcelight-election-2020']);
  });

  it('pauses and resumes updates of a subscription', async () => {
    const publisher = await newPublisher();
    await addSubscription({ packId: 'community-pack', manifestUrl: 'https://packs.example/m.json', publicKey: publisher.publicKey });
    render(<Options api={api()} />);
    const subs = await waitFor(() => section('Pack subscriptions'));
    const sw = (await within(subs).findByRole('switch', { name: 'Check for updates of community-pack' })) as HTMLInputElement;
    // The built-in pack has no release address: nothing to pause.
    expect(within(subs).queryByRole('switch', { name: /sourcelight-election-2020/ })).toBeNull();
    expect(sw.checked).toBe(true);
    expect(within(subs).queryByText('paused: not checked for updates')).toBeNull();

    fireEvent.click(sw);
    await within(subs).findByText('paused: not checked for updates');
    expect(sw.checked).toBe(false);
    expect(await activeSubscriptions()).toEqual([]);

    fireEvent.click(sw);
    await waitFor(() => expect(within(subs).queryByText('paused: not checked for updates')).toBeNull());
    expect(sw.checked).toBe(true);
    expect((await activeSubscriptions()).map((s) => s.packId)).toEqual(['community-pack']);
  });

  it('shows why pausing failed and keeps the saved state', async () => {
    const publisher = await newPublisher();
    await addSubscription({ packId: 'community-pack', manifestUrl: 'https://packs.example/m.json', publicKey: publisher.publicKey });
    render(<Options api={api({ setSubscriptionEnabled: () => Promise.reject(new Error('storage is full')) })} />);
    const subs = await waitFor(() => section('Pack subscriptions'));
    const sw = (await within(subs).findByRole('switch', { name: 'Check for updates of community-pack' })) as HTMLInputElement;
    fireEvent.click(sw);
    expect((await within(subs).findByRole('alert')).textContent).toBe('storage is full');
    await waitFor(() => expect(sw.checked).toBe(true));
    expect((await listSubscriptions())[1]?.enabled).toBe(true);
  });

  it('checks the form, then shows the background\'s reason and keeps what was typed', async () => {
    render(<Options api={api()} />);
    const subs = await waitFor(() => section('Pack subscriptions'));
    fireEvent.input(within(subs).getByLabelText('Manifest URL (https)'), { target: { value: 'http://packs.example/m.json' } });
    fireEvent.click(within(subs).getByRole('button', { name: 'Subscribe' }));
    expect(within(subs).getByText('Must be an https:// address.')).toBeTruthy();
    expect(within(subs).getAllByText('Required.')).toHaveLength(2);

    fireEvent.input(within(subs).getByLabelText('Pack id'), { target: { value: 'community-pack' } });
    fireEvent.input(within(subs).getByLabelText('Manifest URL (https)'), { target: { value: 'https://packs.example/m.json' } });
    fireEvent.input(within(subs).getByLabelText("Publisher's public key (Ed25519)"), { target: { value: 'not-a-key' } });
    fireEvent.click(within(subs).getByRole('button', { name: 'Subscribe' }));
    expect((await within(subs).findByRole('alert')).textContent).toMatch(/^The public key is not usable/);
    expect((within(subs).getByLabelText('Pack id') as HTMLInputElement).value).toBe('community-pack');
    expect((await listSubscriptions()).map((s) => s.packId)).toEqual(['sourcelight-election-2020']);
  });
});

describe('Options: backup', () => {
  const importFile = (text: string) => {
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'settings.json', { type: 'application/json' })] });
    fireEvent.change(input);
  };

  it('exports the current settings and imports them back', async () => {
    let exported = '';
    const { unmount } = render(<Options api={api()} />);
    await screen.findByText('quiet.example');
    unmount();
    // Export through the section's download hook, then change things, then import.
    const { BackupSection } = await import('./backup-section');
    const prefs = await loadPreferences();
    render(<BackupSection api={api()} settings={await q.getSettings(db)} preferences={prefs} onImported={() => {}} download={(_, json) => (exported = json)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export settings…' }));
    expect(JSON.parse(exported)).toMatchObject({ format: 'sourcelight-settings', enabled: true, disabledSites: ['quiet.example'] });
    cleanup();

    await q.setSiteEnabled(db, 'quiet.example', true);
    await q.setSiteEnabled(db, 'other.example', false);
    render(<Options api={api()} />);
    await screen.findByText('other.example');
    importFile(exported);
    await screen.findByText('Imported settings from settings.json.');
    expect((await q.getSettings(db)).disabledSites).toEqual(['quiet.example']);
    expect(screen.getByText('quiet.example')).toBeTruthy();
    expect(screen.queryByText('other.example')).toBeNull();
  });

  it('refuses an invalid file, lists why, and changes nothing', async () => {
    render(<Options api={api()} />);
    await screen.findByText('quiet.example');
    importFile(JSON.stringify({ format: 'sourcelight-settings', version: 1, enabled: false, disabledSites: ['bad host'], preferences: {} }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('settings.json was not imported (nothing changed):');
    expect(within(alert).getByText('disabledSites.0: must be a host name such as news.example.org')).toBeTruthy();
    expect(await q.getSettings(db)).toEqual({ enabled: true, disabledSites: ['quiet.example'] });
  });

  it('restores the previous settings when a write fails part-way', async () => {
    let calls = 0;
    const failing = api({
      setSiteEnabled: async (host, on) => {
        if (++calls === 2) throw new Error('disk full');
        return q.setSiteEnabled(db, host, on);
      },
    });
    render(<Options api={failing} />);
    await screen.findByText('quiet.example');
    importFile(
      JSON.stringify({
        format: 'sourcelight-settings',
        version: 1,
        enabled: false,
        disabledSites: ['a.example', 'b.example'],
        preferences: { highlight: { style: 'underline', color: '#000000' }, syncIntervalHours: 1 },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Import failed; your previous settings are kept: disk full');
    expect(await q.getSettings(db)).toEqual({ enabled: true, disabledSites: ['quiet.example'] });
    expect(await loadPreferences()).toEqual({ highlight: { style: 'background', color: '#ffbe00' }, syncIntervalHours: 6 });
  });
});
