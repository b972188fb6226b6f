// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceView } from '@/data/queries';
import { SourceLine } from './source-line';
import { installEnglishI18n } from './test-i18n';

let restore: () => void;
beforeAll(() => (restore = installEnglishI18n()));
afterAll(() => restore());
afterEach(cleanup);

const source = (over: Partial<SourceView> = {}): SourceView => ({
  id: 's',
  publisher: 'Example Daily',
  title: 'Officials describe the announcement',
  published: '2020-10-21',
  url: 'https://example.org/a?b=1',
  note: null,
  ...over,
});

describe('SourceLine', () => {
  it('shows outlet, title and the date in the given locale, linked to the https source in a new tab', () => {
    const { container } = render(<SourceLine source={source()} locale="en-US" />);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('https://example.org/a?b=1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toContain('Example Daily');
    expect(link.textContent).toContain('Officials describe the announcement');
    expect(link.textContent).toContain('(opens in a new tab)');
    const time = container.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2020-10-21');
    expect(time.textContent).toBe('Oct 21, 2020');
  });

  it('formats the date for another locale', () => {
    const { container } = render(<SourceLine source={source()} locale="de-DE" />);
    expect(container.querySelector('time')!.textContent).toBe('21. Okt. 2020');
  });

  it('keeps a partial date at its precision', () => {
    const { container } = render(<SourceLine source={source({ published: '2020-10' })} locale="en-US" />);
    expect(container.querySelector('time')!.textContent).toBe('October 2020');
  });

  it('shows the note when there is one', () => {
    render(<SourceLine source={source({ note: 'reprint of an Example Radio article' })} />);
    expect(screen.getByText('(reprint of an Example Radio article)', { exact: false })).toBeTruthy();
  });

  it('leaves out a missing date and renders no link without a URL', () => {
    const { container } = render(<SourceLine source={source({ published: null, url: null })} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('time')).toBeNull();
    expect(container.textContent).toBe('Example Daily: Officials describe the announcement');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.org/plain-http',
    '//example.org/protocol-relative',
    '/relative/path',
    'https://user:pw@example.org/creds',
  ])('never links %s', (url) => {
    const { container } = render(<SourceLine source={source({ url })} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.innerHTML).not.toContain('href');
    expect(container.textContent).toContain('Example Daily');
  });

  it('renders hostile text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <SourceLine source={source({ publisher: hostile, title: `${hostile}<script>alert(2)</script>`, note: hostile })} />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(hostile);
    expect(container.textContent).toContain('<script>alert(2)</script>');
  });
});
