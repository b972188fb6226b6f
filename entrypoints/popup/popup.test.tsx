// @vitest-environment happy-dom
// The popup's views against the real store queries over an in-memory
// IndexedDB (the sample pack), with only the tab's scan report supplied.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installEnglishI18n } from '@/components/test-i18n';
import { openDb, type SourcelightDB } from '@/data/db';
import { importPack } from '@/data/import-pack';
import * as q from '@/data/queries';
import { samplePack } from '@/data/test-pack';
import { LIST_LIMIT } from './all-claims';
import { Popup } from './popup';
import type { PopupApi, TabReport } from './popup-api';

let restore: () => void;
beforeAll(() => (restore = installEnglishI18n()));
afterAll(() => restore());

let db: SourcelightDB;
let n = 0;
beforeEach(async () => {
  db = openDb(`popup-test-${++n}`);
  await importPack(db, samplePack(), 'bundled');
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const done = { state: 'done' } as const;
const found: TabReport = {
  host: 'news.example',
  claims: [
    { claimId: 'alpha-claim', count: 3 },
    { claimId: 'beta-claim', count: 1 },
  ],
  status: done,
};

function storeApi(report: TabReport | null, over: Partial<PopupApi> = {}): PopupApi {
  return {
    tabReport: async () => report,
    showOnPage: vi.fn(async () => {}),
    claimContext: (id) => q.getClaimContext(db, id),
    listClaims: (limit) => q.listClaims(db, limit),
    searchClaims: (query) => q.searchClaims(db, query),
    listPacks: () => q.listPacks(db),
    syncNow: async () => [],
    settings: () => q.getSettings(db),
    setEnabled: (on) => q.setEnabled(db, on),
    setSiteEnabled: (host, on) => q.setSiteEnabled(db, host, on),
    ...over,
  };
}

const PANELS = { 'On this page': 'page', 'All claims': 'claims', Packs: 'packs' } as const;
const panel = (name: keyof typeof PANELS) => document.getElementById(`pp-panel-${PANELS[name]}`)!;

describe('Popup: On this page', () => {
  it('lists the claims found with their counts; a claim expands to its full timeline', async () => {
    render(<Popup api={storeApi(found)} tabId={7} />);
    const page = panel('On this page');
    const toggle = await within(page).findByRole('button', { name: 'Alpha widget shortage' });
    const row = toggle.closest('li')!;
    expect(within(row).getByText('3 mentions')).toBeTruthy();
    expect(within(page).getByText('1 mention')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    await waitFor(() => expect(body.querySelectorAll('.sl-statement')).toHaveLength(3));
    // Timeline order: dated first, oldest first; the undated context last.
    expect([...body.querySelectorAll('.sl-badge')].map((b) => b.textContent)).toEqual(['Allegation', 'Denial', 'Context']);
    expect(body.textContent).toContain('There is no shortage of widgets whatsoever.');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(body.hidden).toBe(true);
  });

  it('"Show on page" asks the tab to show the next mention of that claim, and shows a failure', async () => {
    const showOnPage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<Popup api={storeApi(found, { showOnPage })} tabId={7} />);
    const row = (await screen.findByRole('button', { name: 'Beta gadget recall' })).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Show on page\W+Beta gadget recall$/ }));
    expect(showOnPage).toHaveBeenCalledWith(7, 'beta-claim');
    expect((await within(row).findByRole('alert')).textContent).toContain('Receiving end does not exist');
  });

  it('shows an empty state that leads to the search, with focus in the field', async () => {
    render(<Popup api={storeApi({ host: 'quiet.example', claims: [], status: done })} tabId={7} />);
    await screen.findByText('No claims from your packs were found on this page.');
    expect(screen.getByRole('tab', { name: 'On this page' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Search all claims' }));
    expect(screen.getByRole('tab', { name: 'All claims' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it.each([
    [{ state: 'gave-up', detail: 'the page is too large' }, 'Sourcelight stopped reading this page: the page is too large'],
    [{ state: 'error', detail: 'boom' }, 'Reading this page failed: boom'],
    [{ state: 'scanning' }, 'Still reading this page…'],
    [{ state: 'no-rules' }, 'No claim pack is installed, so nothing can be found.'],
  ] as const)('explains the scanner state %o', async (status, text) => {
    render(<Popup api={storeApi({ host: 'big.example', claims: [], status })} tabId={7} />);
    await screen.findByText(text);
  });

  it('asks again while the page is still being read', async () => {
    const reports: TabReport[] = [
      { host: 'slow.example', claims: [], status: { state: 'scanning' } },
      { host: 'slow.example', claims: [{ claimId: 'beta-claim', count: 2 }], status: done },
    ];
    const tabReport = vi.fn(async () => reports.shift() ?? found);
    render(<Popup api={storeApi(null, { tabReport })} tabId={7} />);
    await screen.findByText('Still reading this page…');
    await screen.findByText('2 mentions', {}, { timeout: 2000 });
    expect(screen.queryByText('Still reading this page…')).toBeNull();
    await new Promise((r) => setTimeout(r, 600));
    expect(tabReport).toHaveBeenCalledTimes(2); // no polling once done
  });

  it('asks again for a tab that has not reported yet, and shows its mentions once they arrive', async () => {
    const reports: Array<TabReport | null> = [null, null];
    const tabReport = vi.fn(async () => (reports.length > 0 ? reports.shift()! : found));
    render(<Popup api={storeApi(null, { tabReport })} tabId={7} />);
    await screen.findByText('3 mentions', {}, { timeout: 3000 });
    await waitFor(() => expect(screen.getByRole('tab', { name: /On this page/ }).getAttribute('aria-selected')).toBe('true'));
    await new Promise((r) => setTimeout(r, 600));
    expect(tabReport).toHaveBeenCalledTimes(3); // no polling once it has reported
  });

  it('opens on "All claims", every claim expanded, for a page that was never read', async () => {
    render(<Popup api={storeApi(null)} tabId={7} />);
    await waitFor(() => expect(screen.getByRole('tab', { name: 'All claims' }).getAttribute('aria-selected')).toBe('true'));
    const claims = panel('All claims');
    await within(claims).findByText('There is no shortage of widgets whatsoever.');
    expect(within(claims).getByText('Chen Liu announced the recall.')).toBeTruthy();
    expect(within(claims).getByText('2 claims installed')).toBeTruthy();
    // The "On this page" panel explains why it is empty.
    expect(within(panel('On this page')).getByText(/has not read this page/)).toBeTruthy();
  });

  it('lists many installed claims collapsed, loading a timeline only when opened', async () => {
    await db.delete();
    db = openDb(`popup-test-${++n}`);
    const pack = samplePack();
    const base = pack.claims[1]!;
    for (let i = 1; i <= 4; i++) pack.claims.push({ ...base, id: `gamma-${i}`, title: `Gamma item ${i}`, statements: base.statements.map((s) => ({ ...s, id: `${s.id}-${i}` })) });
    await importPack(db, pack, 'bundled');
    const claimContext = vi.fn((id: string) => q.getClaimContext(db, id));
    render(<Popup api={storeApi(null, { claimContext })} tabId={null} />);
    const claims = panel('All claims');
    await within(claims).findByText('6 claims installed');
    await waitFor(() => expect(claims.hidden).toBe(false));
    expect(within(claims).getAllByRole('button', { expanded: false })).toHaveLength(6);
    expect(claimContext).not.toHaveBeenCalled();
    fireEvent.click(within(claims).getByRole('button', { name: 'Gamma item 3' }));
    expect(claimContext).toHaveBeenCalledWith('gamma-3');
    await within(claims).findByText('Chen Liu announced the recall.');
  });

  it('asks for only the first LIST_LIMIT claims of a big pack, and says how many there are', async () => {
    await db.delete();
    db = openDb(`popup-test-${++n}`);
    const pack = samplePack();
    const base = pack.claims[1]!;
    for (let i = 1; i <= LIST_LIMIT + 5; i++) {
      const id = String(i).padStart(3, '0');
      pack.claims.push({ ...base, id: `many-${id}`, title: `Many ${id}`, eventDate: null, statements: base.statements.map((s) => ({ ...s, id: `${s.id}-${id}` })) });
    }
    await importPack(db, pack, 'bundled');
    const listClaims = vi.fn((limit: number) => q.listClaims(db, limit));
    render(<Popup api={storeApi(null, { listClaims })} tabId={null} />);
    const claims = panel('All claims');
    await within(claims).findByText(`Showing the first ${LIST_LIMIT} of ${LIST_LIMIT + 7} claims; type to search them all.`);
    expect(listClaims).toHaveBeenCalledWith(LIST_LIMIT);
    const rows = within(claims).getAllByRole('button', { expanded: false });
    expect(rows).toHaveLength(LIST_LIMIT);
    // List order: dated claims first (beta, alpha), then the undated by title.
    expect(rows.slice(0, 3).map((b) => b.textContent)).toEqual(['Beta gadget recall', 'Alpha widget shortage', 'Many 001']);
  });

  it('renders hostile pack text as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await db.delete();
    db = openDb(`popup-test-${++n}`);
    const pack = samplePack();
    pack.claims[0]!.title = hostile;
    pack.claims[0]!.statements[1]!.quote = hostile;
    await importPack(db, pack, 'bundled');
    const { container } = render(<Popup api={storeApi(found)} tabId={7} />);
    const toggle = await screen.findByRole('button', { name: hostile });
    fireEvent.click(toggle);
    await waitFor(() => expect(container.querySelectorAll('blockquote').length).toBeGreaterThan(0));
    expect(container.querySelector('img')).toBeNull();
    expect([...container.querySelectorAll('blockquote')].some((b) => b.textContent === hostile)).toBe(true);
  });
});

describe('Popup: All claims', () => {
  it('searches as you type (debounced) and finds a denial by its speaker', async () => {
    const searchClaims = vi.fn((query: string) => q.searchClaims(db, query));
    render(<Popup api={storeApi(found, { searchClaims })} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: /All claims/ }));
    const box = screen.getByRole('searchbox', { name: 'Search claims, quotes, speakers, sources' });
    for (const partial of ['Ñ', 'Ña', 'Ñan', 'nandu']) fireEvent.input(box, { target: { value: partial } });
    await screen.findByText('1 claim matches');
    expect(searchClaims).toHaveBeenCalledTimes(1); // keystrokes within the delay coalesce
    expect(searchClaims).toHaveBeenCalledWith('nandu');
    const hit = panel('All claims').querySelector('.pp-hit')!;
    expect(hit.textContent).toContain('Zoë Ñandú');
    const toggle = within(panel('All claims')).getByRole('button', { name: 'Alpha widget shortage' });
    fireEvent.click(toggle);
    await within(panel('All claims')).findByText('There is no shortage of widgets whatsoever.');
  });

  it('never lets an older answer replace a newer one', async () => {
    let releaseSlow: (v: q.SearchHit[]) => void = () => {};
    const searchClaims = vi.fn((query: string) =>
      query === 'slow' ? new Promise<q.SearchHit[]>((r) => (releaseSlow = r)) : q.searchClaims(db, query),
    );
    render(<Popup api={storeApi(found, { searchClaims })} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: /All claims/ }));
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'slow' } });
    await waitFor(() => expect(searchClaims).toHaveBeenCalledWith('slow'));
    fireEvent.input(box, { target: { value: 'gadget' } });
    await screen.findByText('1 claim matches');
    releaseSlow([{ claimId: 'alpha-claim', title: 'Alpha widget shortage', hit: 'stale' }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('stale')).toBeNull();
    expect(within(panel('All claims')).getByRole('button', { name: 'Beta gadget recall' })).toBeTruthy();
  });

  it('says so when nothing matches, and shows a failing search', async () => {
    const api = storeApi(found);
    render(<Popup api={api} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: /All claims/ }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzzz' } });
    await screen.findByText('0 claims match');
    cleanup();
    render(<Popup api={storeApi(found, { searchClaims: async () => Promise.reject(new Error('store closed')) })} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: /All claims/ }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'alpha' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Search failed: store closed');
  });
});

describe('Popup: tabs and keyboard', () => {
  it('moves between tabs with the arrow keys, Home and End', async () => {
    render(<Popup api={storeApi(found)} tabId={7} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    fireEvent.keyDown(tabs[1]!, { key: 'End' });
    expect(document.activeElement).toBe(tabs[2]);
    fireEvent.keyDown(tabs[2]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[0]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tabs[2]);
    expect(panel('Packs').hidden).toBe(false);
    expect(panel('On this page').hidden).toBe(true);
  });

  it('offers "pop out" only when given a way to do it', async () => {
    const onPopOut = vi.fn();
    render(<Popup api={storeApi(found)} tabId={7} onPopOut={onPopOut} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in a tab' }));
    expect(onPopOut).toHaveBeenCalledTimes(1);
    cleanup();
    render(<Popup api={storeApi(found)} tabId={7} />);
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
  });

  it('reports once that its first content is shown', async () => {
    const onReady = vi.fn();
    render(<Popup api={storeApi(null)} tabId={7} onReady={onReady} />);
    await screen.findByText('2 claims installed');
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('tab', { name: 'Packs' }));
    fireEvent.click(screen.getByRole('tab', { name: 'All claims' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('expands the claim asked for in the URL', async () => {
    render(<Popup api={storeApi(found)} tabId={7} openClaim="beta-claim" />);
    await screen.findByText('Chen Liu announced the recall.');
    expect(screen.getByRole('button', { name: 'Beta gadget recall' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('Popup: switches', () => {
  it('switches highlighting off for the site and everywhere, saved in the store', async () => {
    render(<Popup api={storeApi(found)} tabId={7} />);
    const site = (await screen.findByRole('switch', { name: 'Highlight on news.example' })) as HTMLInputElement;
    await waitFor(() => expect(site.checked).toBe(true));
    fireEvent.click(site);
    await waitFor(async () => expect((await q.getSettings(db)).disabledSites).toEqual(['news.example']));
    await screen.findByText('Highlighting is switched off on news.example.');
    expect(site.checked).toBe(false);

    const all = screen.getByRole('switch', { name: 'Highlight everywhere' }) as HTMLInputElement;
    fireEvent.click(all);
    await waitFor(async () => expect((await q.getSettings(db)).enabled).toBe(false));
    await screen.findByText('Highlighting is switched off everywhere.');
    expect(all.checked).toBe(false);
  });

  it('keeps the old state and says why when saving fails', async () => {
    const api = storeApi(found, { setSiteEnabled: async () => Promise.reject(new Error('quota exceeded')) });
    render(<Popup api={api} tabId={7} />);
    const site = (await screen.findByRole('switch', { name: 'Highlight on news.example' })) as HTMLInputElement;
    await waitFor(() => expect(site.checked).toBe(true));
    fireEvent.click(site);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: quota exceeded');
    await waitFor(() => expect(site.checked).toBe(true));
  });

  it('disables the site switch, with a reason, when the page reported no host', async () => {
    render(<Popup api={storeApi(null)} tabId={7} />);
    const site = screen.getByRole('switch', { name: /Highlight on this site/ }) as HTMLInputElement;
    expect(site.disabled).toBe(true);
    expect(document.getElementById(site.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Not available: this page was not read.',
    );
  });
});

describe('Popup: startup', () => {
  it('shows the shell before the tab is known and asks for lists only when their tab opens', async () => {
    const tabReport = vi.fn(async () => found);
    const listPacks = vi.fn(() => q.listPacks(db));
    const listClaims = vi.fn((limit: number) => q.listClaims(db, limit));
    const api = storeApi(found, { tabReport, listPacks, listClaims });
    const { rerender } = render(<Popup api={api} tabId={undefined} />);
    expect(screen.getByRole('tab', { name: 'On this page' }).getAttribute('aria-selected')).toBe('true');
    expect(within(panel('On this page')).getByText('Loading…')).toBeTruthy();
    expect(tabReport).not.toHaveBeenCalled();

    rerender(<Popup api={api} tabId={7} />);
    await within(panel('On this page')).findByRole('button', { name: 'Alpha widget shortage' });
    expect(tabReport).toHaveBeenCalledWith(7);
    expect(listPacks).not.toHaveBeenCalled();
    expect(listClaims).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('tab', { name: 'Packs' }));
    await within(panel('Packs')).findByRole('heading', { name: 'Sample pack' });
    expect(listPacks).toHaveBeenCalledTimes(1);
    expect(listClaims).not.toHaveBeenCalled();
  });
});

describe('Popup: Packs', () => {
  it('lists each pack with publisher, version, origin, issue date and last check', async () => {
    await db.packs.update('sample', { lastCheck: { at: '2026-01-02T10:00:00Z', ok: false, message: 'manifest signature is invalid' } });
    render(<Popup api={storeApi(found)} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Packs' }));
    const pack = await within(panel('Packs')).findByRole('heading', { name: 'Sample pack' });
    const facts = pack.closest('li')!.textContent!;
    expect(facts).toContain('Test Publisher');
    expect(facts).toMatch(/Version\s*1 · bundled/);
    expect(facts).toContain('2020');
    expect(facts).toContain('failed manifest signature is invalid');
  });

  it('shows progress while syncing, then each result', async () => {
    let finish: (r: Awaited<ReturnType<PopupApi['syncNow']>>) => void = () => {};
    const syncNow = vi.fn(() => new Promise<Awaited<ReturnType<PopupApi['syncNow']>>>((r) => (finish = r)));
    render(<Popup api={storeApi(found, { syncNow })} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Packs' }));
    const button = screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement;
    fireEvent.click(button);
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Syncing…');
    expect(screen.getByText('Checking publishers for updates…')).toBeTruthy();
    finish([
      { packId: 'sample', status: 'up-to-date', code: null, message: 'already at version 1', at: '2026-01-02T10:00:00Z', version: 1 },
    ]);
    await screen.findByText('already at version 1', { exact: false });
    expect(button.disabled).toBe(false);
    expect(button.textContent).toBe('Sync now');
  });

  it('gives a clear message when sync fails or does not exist', async () => {
    render(<Popup api={storeApi(found, { syncNow: () => Promise.reject(new Error('network unreachable')) })} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Packs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Sync failed: network unreachable');
    cleanup();
    render(<Popup api={storeApi(found, { syncNow: () => Promise.reject(new Error('no handler for message "syncNow"')) })} tabId={7} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Packs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Sync is not available in this version; the bundled pack is used.',
    );
  });
});
