import { describe, expect, it } from 'vitest';
import { spellingVariants } from './spelling-variants';

describe('spellingVariants', () => {
  it('adds the ae/oe/ue spelling of German umlauts, keeping case and the prefix star', () => {
    expect(spellingVariants('Wählerdaten')).toEqual(['Wählerdaten', 'Waehlerdaten']);
    expect(spellingVariants('Präsident*')).toEqual(['Präsident*', 'Praesident*']);
    expect(spellingVariants('Einschüchterungs-E-Mails')).toEqual(['Einschüchterungs-E-Mails', 'Einschuechterungs-E-Mails']);
    expect(spellingVariants('Übergriff auf Ölfelder')).toEqual(['Übergriff auf Ölfelder', 'Uebergriff auf Oelfelder']);
  });

  it('reads umlauts written as a vowel and a combining diaeresis', () => {
    expect(spellingVariants('Wa\u0308hler')).toEqual(['Wa\u0308hler', 'Waehler']);
  });

  it('leaves phrases without umlauts alone (ß and accents are folding’s business)', () => {
    expect(spellingVariants('Proud Boys')).toEqual(['Proud Boys']);
    expect(spellingVariants('Straße')).toEqual(['Straße']);
    expect(spellingVariants('élection présidentielle')).toEqual(['élection présidentielle']);
  });
});
