/**
 * Popup entry: renders the popup at once (the shell paints before any
 * message round trip) and tells it the tab to show.
 *
 * Contract: `?tab=ID` (the pop-out view and the e2e tests) names the tab;
 * otherwise the active tab of the current window (tabs.query returns ids
 * without the `tabs` permission), filled in when the query answers. `?claim=ID` expands that claim. The pop-out
 * control opens `popup.html?tab=ID` in a new tab and closes the popup; it is
 * absent when the view already is a tab.
 */
import '@/components/components.css';
import './popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from './popup';
import { extensionApi } from './popup-api';

const params = new URLSearchParams(location.search);
const givenTab = parseTabId(params.get('tab'));
const app = document.getElementById('app')!;
// Opened in a tab (pop-out, "more statements" from the card): use the tab's height.
document.documentElement.classList.toggle('pp-in-tab', givenTab !== null);

function parseTabId(raw: string | null): number | null {
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function show(tabId: number | null | undefined) {
  const popOut =
    tabId != null && givenTab === null
      ? () => {
          // Relative to this page, which is popup.html itself.
          void browser.tabs.create({ url: new URL(`popup.html?tab=${tabId}`, location.href).href }).then(() => window.close());
        }
      : undefined;
  render(
    <Popup
      api={extensionApi}
      tabId={tabId}
      openClaim={params.get('claim')}
      onPopOut={popOut}
      onOptions={() => void browser.runtime.openOptionsPage()}
      // For `npm run bench` (tools/bench/popup-paint.ts): when the real content is on screen.
      onReady={() => performance.mark('sourcelight:popup-ready')}
    />,
    app,
  );
}

if (givenTab !== null) show(givenTab);
else {
  show(undefined);
  activeTabId().then(show, () => show(null));
}
