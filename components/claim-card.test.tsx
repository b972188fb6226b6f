// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from './claim-card';
import { testContext } from './test-context';
import { installEnglishI18n } from './test-i18n';

let restore: () => void;
beforeAll(() => (restore = installEnglishI18n()));
afterAll(() => restore());
afterEach(cleanup);

describe('ClaimCard', () => {
  it('names itself by the title heading and shows summary, principal allegation, every denial', () => {
    const ctx = testContext();
    const { container } = render(<ClaimCard context={ctx} onMore={() => {}} locale="en-US" />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe(ctx.claim.title);
    expect(heading.id).not.toBe('');
    expect(container.querySelector('article')!.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(container.querySelector('.sl-card-summary')!.textContent).toBe(ctx.claim.summary);
    expect(container.querySelector('.sl-eyebrow time')!.textContent).toBe('Oct 21, 2020');

    const allegation = screen.getByRole('region', { name: 'Principal allegation' });
    expect(allegation.querySelectorAll('.sl-statement')).toHaveLength(1);
    expect(allegation.textContent).toContain('Ada Example');
    expect(container.textContent).not.toContain('Ben Sample'); // the second allegation is "more"

    const denials = screen.getByRole('region', { name: 'Denials' });
    expect(denials.querySelectorAll('.sl-kind-denial')).toHaveLength(2);
    expect(denials.textContent).toContain('These accusations are baseless.');
    expect(denials.textContent).toContain('Denies any involvement.');
  });

  it('uses the given title id', () => {
    render(<ClaimCard context={testContext()} onMore={() => {}} titleId="card-title-7" />);
    expect(screen.getByRole('heading').id).toBe('card-title-7');
    expect(document.querySelector('[aria-labelledby="card-title-7"]')).not.toBeNull();
  });

  it('counts the further statements and calls onMore', () => {
    const onMore = vi.fn();
    render(<ClaimCard context={testContext()} onMore={onMore} />);
    const more = screen.getByRole('button', { name: '2 more statements' });
    fireEvent.click(more);
    expect(onMore).toHaveBeenCalledTimes(1);
  });

  it('says "1 more statement" for one', () => {
    const ctx = testContext();
    ctx.statements = ctx.statements.filter((s) => s.id !== 'ctx-1');
    render(<ClaimCard context={ctx} onMore={() => {}} />);
    expect(screen.getByRole('button', { name: '1 more statement' })).toBeTruthy();
  });

  it('has no "more" control when everything is shown, and no sections for missing kinds', () => {
    const ctx = testContext();
    ctx.statements = ctx.statements.filter((s) => s.kind === 'denial');
    ctx.claim.eventDate = null;
    const { container } = render(<ClaimCard context={ctx} onMore={() => {}} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Principal allegation' })).toBeNull();
    expect(container.querySelector('.sl-eyebrow time')).toBeNull();
    expect(container.querySelector('.sl-eyebrow')!.textContent).toBe('Sourcelight');
  });

  it('renders hostile text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const ctx = testContext();
    ctx.claim.title = hostile;
    ctx.claim.summary = hostile;
    ctx.statements[0]!.quote = hostile;
    const { container } = render(<ClaimCard context={ctx} onMore={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe(hostile);
    expect(container.querySelector('blockquote')!.textContent).toBe(hostile);
  });
});
