import { describe, expect, it } from 'vitest';
import { parseNumber } from './money.js';
import { PreparedText } from './text.js';

describe('folding', () => {
  it('drops case, Latin accents and compatibility forms, and makes digits ASCII', () => {
    expect(new PreparedText('PASOŠ Đak İstanbul ＦＥＥ २५०० ৩০').folded).toBe('pasos dak istanbul fee 2500 30');
  });

  it('keeps Devanagari vowel signs but folds the optional nukta', () => {
    expect(new PreparedText('फ़ीस').folded).toBe('फीस');
  });

  it('quotes the original behind any folded range, across decomposed accents and removed characters', () => {
    const original = 'Cafe\u0301 \u200bPASOŠ ﬁnal';
    const p = new PreparedText(original);
    const at = p.folded.indexOf('pasos');
    expect(p.quote(at, at + 5)).toBe('PASOŠ');
    const fi = p.folded.indexOf('final');
    expect(p.quote(fi, fi + 5)).toBe('ﬁnal');
    expect(p.quote(0, 4)).toBe('Cafe\u0301');
  });
});

describe('numbers', () => {
  it.each([
    ['2500', 2500],
    ['2.500', 2500],
    ['2,500', 2500],
    ['2 500', 2500],
    ['1,20,000', 120000],
    ['120.000,50', 120000.5],
    ['12.82', 12.82],
    ['2,5', 2.5],
  ])('reads %s as %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });
});
