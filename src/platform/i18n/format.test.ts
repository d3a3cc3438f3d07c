import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format.js';

const day = new Date('2020-09-30T00:00:00Z');

describe('formatDate', () => {
  it('writes the month in the language, including those phone browsers often lack', () => {
    expect(formatDate('sr-Latn', day)).toBe('30. septembar 2020.');
    expect(formatDate('sr-Cyrl', day)).toBe('30. септембар 2020.');
    expect(formatDate('en', day)).toBe('30 September 2020');
    expect(formatDate('sq', day)).toBe('30 shtator 2020');
    expect(formatDate('ne', day)).toContain('सेप्टेम्बर');
  });

  it('keeps a calendar date on its day by default and shows instants in the given zone', () => {
    const lateEvening = new Date('2020-09-30T23:30:00Z');
    expect(formatDate('en', lateEvening)).toBe('30 September 2020');
    expect(formatDate('en', lateEvening, 'Europe/Belgrade')).toBe('1 October 2020');
  });
});

describe('formatNumber', () => {
  it('uses each language’s separators, grouping and digits', () => {
    expect(formatNumber('sr-Latn', 204660)).toBe('204.660');
    expect(formatNumber('en', 204660)).toBe('204,660');
    expect(formatNumber('hi', 204660)).toBe('2,04,660');
    expect(formatNumber('bn', 204660)).toBe('২,০৪,৬৬০');
    expect(formatNumber('ne', 9773)).toBe('९,७७३');
  });
});
