/**
 * One claim in a popup list: a disclosure button (aria-expanded) with the
 * claim's title that reveals its full timeline, loaded from the store on
 * first opening; `detail` (count, search hit) and `actions` sit beside it.
 *
 * Contract: shows "loading" while the context loads, the error text if it
 * fails (closing and opening again retries), and a note if the claim no
 * longer exists. A `context` given by the list is used as is.
 * Never throws.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { ClaimTimeline } from '@/components/claim-timeline';
import { t } from '@/components/i18n';
import type { ClaimContext } from '@/data/queries';
import { errorText, type PopupApi } from './popup-api';

export interface ClaimRowProps {
  api: Pick<PopupApi, 'claimContext'>;
  claimId: string;
  title: string;
  detail?: ComponentChildren;
  actions?: ComponentChildren;
  initiallyOpen?: boolean;
  /** Context already loaded by the list: opening shows it without asking again. */
  context?: ClaimContext;
}

type Loaded = { state: 'idle' | 'loading' } | { state: 'done'; context: ClaimContext | null } | { state: 'error'; message: string };

export function ClaimRow({ api, claimId, title, detail, actions, initiallyOpen = false, context }: ClaimRowProps) {
  const panelId = `pp-claim${useId()}`;
  const [open, setOpen] = useState(initiallyOpen);
  const [loaded, setLoaded] = useState<Loaded>(context ? { state: 'done', context } : { state: 'idle' });

  // Load on opening (also when opened from the start); a failed load is retried on the next opening.
  useEffect(() => {
    if (!open || !(loaded.state === 'idle' || loaded.state === 'error')) return;
    setLoaded({ state: 'loading' });
    api.claimContext(claimId).then(
      (c) => setLoaded({ state: 'done', context: c }),
      (e: unknown) => setLoaded({ state: 'error', message: errorText(e) }),
    );
  }, [open]);

  return (
    <li class="pp-claim" data-claim={claimId}>
      <div class="pp-claim-head">
        <h3 class="pp-claim-heading">
          <button
            type="button"
            class="pp-claim-toggle"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            <span class="pp-chevron" aria-hidden="true" />
            <span class="pp-claim-title">{title}</span>
          </button>
        </h3>
        {actions && <div class="pp-claim-actions">{actions}</div>}
      </div>
      {detail && <div class="pp-claim-detail">{detail}</div>}
      <div class="pp-claim-body" id={panelId} hidden={!open}>
        {open && (loaded.state === 'loading' || loaded.state === 'idle') && <p class="pp-muted">{t('loading')}</p>}
        {open && loaded.state === 'error' && (
          <p class="pp-error" role="alert">
            {t('loadFailed', loaded.message)}
          </p>
        )}
        {open && loaded.state === 'done' &&
          (loaded.context ? <ClaimTimeline context={loaded.context} /> : <p class="pp-muted">{t('claimGone')}</p>)}
      </div>
    </li>
  );
}
