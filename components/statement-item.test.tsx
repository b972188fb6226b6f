// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StatementView } from '@/data/queries';
import { StatementItem } from './statement-item';
import { testContext } from './test-context';
import { installEnglishI18n } from './test-i18n';

let restore: () => void;
beforeAll(() => (restore = installEnglishI18n()));
afterAll(() => restore());
afterEach(cleanup);

const byId = (id: string): StatementView => testContext().statements.find((s) => s.id === id)!;

describe('StatementItem', () => {
  it('shows kind, speaker, date, quote and sources', () => {
    const { container } = render(<StatementItem statement={byId('alleg-1')} locale="en-US" />);
    expect(container.querySelector('.sl-badge')!.textContent).toBe('Allegation');
    expect(container.querySelector('article')!.className).toContain('sl-kind-allegation');
    expect(container.textContent).toContain('Ada Example, Director of Examples, Office of Examples');
    expect(container.querySelector('.sl-statement-date')!.textContent).toBe('Oct 21, 2020');
    expect(container.querySelector('blockquote')!.textContent).toBe(
      'We have confirmed that some voter registration information has been obtained.',
    );
    // The paraphrase is not shown where the verbatim quote is.
    expect(container.textContent).not.toContain('Says a foreign actor obtained voter data.');
    expect(screen.getByRole('list', { name: 'Sources' }).textContent).toContain('Example Daily');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each([
    ['deny-1', 'Denial'],
    ['ctx-1', 'Context'],
  ])('labels %s as %s', (id, label) => {
    const { container } = render(<StatementItem statement={byId(id)} />);
    expect(container.querySelector('.sl-badge')!.textContent).toBe(label);
  });

  it('shows the summary when there is no quote, and leaves out a missing date and speaker', () => {
    const { container } = render(<StatementItem statement={byId('ctx-1')} />);
    expect(container.querySelector('blockquote')).toBeNull();
    expect(container.querySelector('.sl-statement-summary')!.textContent).toBe(
      'Voters reported receiving threatening emails.',
    );
    expect(container.querySelector('.sl-speaker')).toBeNull();
    expect(container.querySelector('.sl-statement-by')).toBeNull();
    const undated = render(<StatementItem statement={byId('deny-2')} />);
    expect(undated.container.querySelector('.sl-statement-date')).toBeNull();
    expect(undated.container.textContent).toContain('Example Mission to the UN');
  });

  it('lists every source', () => {
    render(<StatementItem statement={byId('ctx-1')} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('clamps a long quote and expands and collapses it with a button', () => {
    const long = `${'word '.repeat(80)}END`;
    const s = { ...byId('alleg-1'), quote: long };
    const { container } = render(<StatementItem statement={s} clampAt={100} />);
    const quote = container.querySelector('blockquote')!;
    const button = screen.getByRole('button', { name: 'Show full quote' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(quote.id);
    expect(quote.textContent!.length).toBeLessThanOrEqual(101);
    expect(quote.textContent).toMatch(/word…$/);
    expect(quote.textContent).not.toContain('END');

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Show less');
    expect(container.querySelector('blockquote')!.textContent).toBe(long);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('blockquote')!.textContent).not.toContain('END');
  });

  it('does not clamp a quote at the limit', () => {
    const s = { ...byId('alleg-1'), quote: 'x'.repeat(100) };
    const { container } = render(<StatementItem statement={s} clampAt={100} />);
    expect(container.querySelector('blockquote')!.textContent).toBe('x'.repeat(100));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('renders hostile text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const s: StatementView = {
      ...byId('deny-1'),
      quote: hostile,
      speaker: { name: hostile, role: null, organisation: null },
      sources: [{ id: 'h', publisher: hostile, title: hostile, published: null, url: 'javascript:alert(1)', note: null }],
    };
    const { container } = render(<StatementItem statement={s} />);
    expect(container.querySelector('img, a')).toBeNull();
    expect(container.querySelector('blockquote')!.textContent).toBe(hostile);
    expect(container.textContent!.split(hostile).length - 1).toBe(4);
  });
});
