/**
 * The full context of a claim: its summary and every statement as a
 * timeline, oldest first, undated statements last (pack order otherwise).
 *
 * Contract: pure; renders whatever order it is given into that order itself,
 * so callers need not pre-sort. Text only. Never throws.
 */
import type { ClaimContext, StatementView } from '@/data/queries';
import { t } from './i18n';
import { StatementItem } from './statement-item';

export interface ClaimTimelineProps {
  context: ClaimContext;
  locale?: string;
}

export function ClaimTimeline({ context, locale }: ClaimTimelineProps) {
  return (
    <div class="sl-timeline">
      <p class="sl-claim-summary">{context.claim.summary}</p>
      <ol class="sl-timeline-list" aria-label={t('timelineLabel')}>
        {byDateNullsLast(context.statements).map((s) => (
          <li key={s.id} class="sl-timeline-item">
            <StatementItem statement={s} locale={locale} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function byDateNullsLast(statements: StatementView[]): StatementView[] {
  // Array.prototype.sort is stable, so equal dates keep the pack's order.
  return [...statements].sort((a, b) => {
    if (a.date === b.date) return 0;
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  });
}
