/**
 * "All claims": instant search over every claim, statement, speaker and
 * source of the installed packs (the store's indexed word-prefix search),
 * and, while the query is empty, every claim. Each result expands to the
 * full timeline; while the query is empty and at most `EXPAND_ALL_UP_TO`
 * claims are installed, all are shown expanded (loaded before they show);
 * with more than `LIST_LIMIT`, only the first ones are asked for and listed
 * (with the total) and search finds the rest.
 *
 * Contract: queries go out `SEARCH_DELAY_MS` after the last keystroke; an
 * answer to an older query never replaces a newer one. A failed search shows
 * its error and keeps the field usable. Never throws.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '@/components/i18n';
import type { ClaimContext, ClaimList, SearchHit } from '@/data/queries';
import { ClaimRow } from './claim-row';
import { errorText, type PopupApi } from './popup-api';

export const SEARCH_DELAY_MS = 120;
/** A handful of claims reads best in full; more would bury the list. */
export const EXPAND_ALL_UP_TO = 3;
/** Rows listed while the query is empty: a big pack is explored by searching, and stays fast. */
export const LIST_LIMIT = 100;

export interface AllClaimsProps {
  api: Pick<PopupApi, 'claimContext' | 'searchClaims'>;
  /** The first LIST_LIMIT claims and the number installed; null while loading. */
  claims: ClaimList | null;
  openClaim: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

type Results = { query: string; hits: SearchHit[] } | { query: string; error: string };

export function AllClaims({ api, claims, openClaim, inputRef }: AllClaimsProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const latest = useRef('');
  const full = useFullContexts(api, claims);

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    if (!q) {
      setResults(null);
      return;
    }
    const timer = setTimeout(() => {
      api.searchClaims(q).then(
        (hits) => latest.current === q && setResults({ query: q, hits }),
        (e: unknown) => latest.current === q && setResults({ query: q, error: errorText(e) }),
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const searching = query.trim() !== '';
  return (
    <>
      <div class="pp-search">
        <label class="pp-label" for="pp-search-input">
          {t('searchLabel')}
        </label>
        <input
          ref={inputRef}
          id="pp-search-input"
          class="pp-input"
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <p class="pp-muted pp-result-count" role="status">
        {searching
          ? results && 'hits' in results
            ? plural('results', results.hits.length)
            : ''
          : claims &&
            (claims.total > claims.claims.length
              ? t('claimsFirstOf', [claims.claims.length, claims.total])
              : plural('claimsInstalled', claims.total))}
      </p>
      {results && 'error' in results && (
        <p class="pp-error" role="alert">
          {t('searchFailed', results.error)}
        </p>
      )}
      {!searching && claims && full !== 'loading' && (
        <ul class="pp-claims">
          {claims.claims.map((c) => (
            <ClaimRow
              key={c.id}
              api={api}
              claimId={c.id}
              title={c.title}
              initiallyOpen={openClaim === c.id || !!full?.get(c.id)}
              context={full?.get(c.id)}
            />
          ))}
        </ul>
      )}
      {searching && results && 'hits' in results && (
        <ul class="pp-claims">
          {results.hits.map((h) => (
            <ClaimRow key={h.claimId} api={api} claimId={h.claimId} title={h.title} detail={<p class="pp-hit">{h.hit}</p>} />
          ))}
        </ul>
      )}
    </>
  );
}

/** Contexts of all claims when there are few (null: too many, or loading failed — rows load on demand). */
function useFullContexts(
  api: Pick<PopupApi, 'claimContext'>,
  claims: ClaimList | null,
): Map<string, ClaimContext> | null | 'loading' {
  const few = claims !== null && claims.total <= EXPAND_ALL_UP_TO;
  const [full, setFull] = useState<Map<string, ClaimContext> | null | 'loading'>('loading');
  useEffect(() => {
    if (!claims || !few) return;
    let live = true;
    setFull('loading');
    Promise.all(claims.claims.map((c) => api.claimContext(c.id))).then(
      (contexts) => live && setFull(new Map(contexts.flatMap((c) => (c ? [[c.claim.id, c] as const] : [])))),
      () => live && setFull(null),
    );
    return () => void (live = false);
  }, [api, claims]);
  if (claims === null) return 'loading';
  return few ? full : null;
}
