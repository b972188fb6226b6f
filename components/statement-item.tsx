/**
 * One statement: kind badge (allegation / denial / context), speaker, date,
 * the verbatim quote (or the summary when the source gives no quote) and its
 * sources.
 *
 * Contract: text only. A quote longer than `clampAt` characters shows
 * shortened at a word boundary with a button (aria-expanded, aria-controls)
 * that reveals and hides the rest. Missing speaker or date are left out.
 * Never throws.
 */
import { useId, useState } from 'preact/hooks';
import type { StatementView } from '@/data/queries';
import { formatDate } from './format-date';
import { t } from './i18n';
import { SourceLine } from './source-line';
import { SpeakerLine } from './speaker-line';

/** About three lines of the card at its maximum width. */
export const QUOTE_CLAMP = 240;

export interface StatementItemProps {
  statement: StatementView;
  clampAt?: number;
  locale?: string;
}

export function StatementItem({ statement: s, clampAt = QUOTE_CLAMP, locale }: StatementItemProps) {
  const [expanded, setExpanded] = useState(false);
  const quoteId = `sl-q${useId()}`;
  const long = s.quote !== null && s.quote.length > clampAt;
  return (
    <article class={`sl-statement sl-kind-${s.kind}`}>
      <p class="sl-statement-head">
        <span class="sl-badge">{t(`kind_${s.kind}`)}</span>
        {s.date && (
          <time class="sl-date sl-statement-date" dateTime={s.date}>
            {formatDate(s.date, locale)}
          </time>
        )}
      </p>
      {hasSpeaker(s) && (
        <p class="sl-statement-by">
          <SpeakerLine speaker={s.speaker} />
        </p>
      )}
      {s.quote !== null ? (
        <blockquote class="sl-quote" id={quoteId}>
          {long && !expanded ? shorten(s.quote, clampAt) : s.quote}
        </blockquote>
      ) : (
        <p class="sl-statement-summary">{s.summary}</p>
      )}
      {long && (
        <button
          type="button"
          class="sl-text-button"
          aria-expanded={expanded}
          aria-controls={quoteId}
          onClick={() => setExpanded(!expanded)}
        >
          {t(expanded ? 'quoteCollapse' : 'quoteExpand')}
        </button>
      )}
      {s.sources.length > 0 && (
        <ul class="sl-sources" aria-label={t('sourcesLabel')}>
          {s.sources.map((src) => (
            <li key={src.id}>
              <SourceLine source={src} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function hasSpeaker(s: StatementView): boolean {
  return !!(s.speaker.name || s.speaker.role || s.speaker.organisation);
}

/** Cut at the last space before `max` (or at `max` in a long word) and mark the cut. */
function shorten(text: string, max: number): string {
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, space > max / 2 ? space : max).trimEnd()}…`;
}
