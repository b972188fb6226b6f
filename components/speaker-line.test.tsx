// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SpeakerLine } from './speaker-line';

afterEach(cleanup);

describe('SpeakerLine', () => {
  it('shows name, role and organisation', () => {
    const { container } = render(
      <SpeakerLine speaker={{ name: 'Ada Example', role: 'Director of Examples', organisation: 'Office of Examples' }} />,
    );
    expect(container.textContent).toBe('Ada Example, Director of Examples, Office of Examples');
    expect(container.querySelector('.sl-speaker-name')!.textContent).toBe('Ada Example');
  });

  it.each([
    [{ name: 'Ada Example', role: null, organisation: null }, 'Ada Example'],
    [{ name: null, role: 'Spokesperson', organisation: 'Ministry of Examples' }, 'Spokesperson, Ministry of Examples'],
    [{ name: null, role: null, organisation: 'Example Mission' }, 'Example Mission'],
    [{ name: 'Ben Sample', role: null, organisation: 'Example Bureau' }, 'Ben Sample, Example Bureau'],
  ])('leaves out missing fields: %o', (speaker, text) => {
    const { container } = render(<SpeakerLine speaker={speaker} />);
    expect(container.textContent).toBe(text);
  });

  it('renders nothing for an unknown speaker', () => {
    const { container } = render(<SpeakerLine speaker={{ name: null, role: null, organisation: null }} />);
    expect(container.innerHTML).toBe('');
  });

  it('renders hostile text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(<SpeakerLine speaker={{ name: hostile, role: hostile, organisation: null }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(`${hostile}, ${hostile}`);
  });
});
