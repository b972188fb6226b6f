// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClaimTimeline } from './claim-timeline';
import { testContext } from './test-context';
import { installEnglishI18n } from './test-i18n';

let restore: () => void;
beforeAll(() => (restore = installEnglishI18n()));
afterAll(() => restore());
afterEach(cleanup);

describe('ClaimTimeline', () => {
  it('shows the summary and every statement by date, undated last, pack order within a date', () => {
    const ctx = testContext();
    ctx.statements.reverse(); // the component orders by itself
    const { container } = render(<ClaimTimeline context={ctx} />);
    expect(container.querySelector('.sl-claim-summary')!.textContent).toBe(ctx.claim.summary);
    const list = screen.getByRole('list', { name: 'Statements, oldest first' });
    const items = [...list.children].map((li) => li.querySelector('.sl-badge')!.textContent + ':' + li.querySelector('.sl-statement-date')?.getAttribute('datetime'));
    expect(items).toEqual([
      'Context:2020-10-20',
      'Allegation:2020-10-21',
      'Allegation:2020-10-21',
      'Denial:2020-10-22',
      'Denial:undefined',
    ]);
    // Reversed input: equal dates keep the order they were given in.
    expect(within(list.children[1] as HTMLElement).getByText('Ben Sample')).toBeTruthy();
  });

  it('renders an empty timeline without failing', () => {
    const ctx = testContext();
    ctx.statements = [];
    render(<ClaimTimeline context={ctx} />);
    expect(screen.getByRole('list').children).toHaveLength(0);
  });
});
