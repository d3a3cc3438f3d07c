import { describe, expect, it } from 'vitest';
import en from '../locales/en/staff.json' with { type: 'json' };
import srLatn from '../locales/sr-Latn/staff.json' with { type: 'json' };
import { ILO_CATALOGUE } from '../src/modules/identification/ilo-catalogue.js';

const english: Record<string, string> = en;
const serbian: Record<string, string> = srLatn;
const dimensions = ILO_CATALOGUE.dimensions.map((d) => ({ key: `identification.dimension.${d.id}`, label: d.label }));
const indicators = [...ILO_CATALOGUE.indicators.values()].map((i) => ({ key: `identification.indicator.${i.id}`, label: i.label }));

describe('the identification screen in the staff app', () => {
  it('names every ILO dimension and indicator in English exactly as the ILO file does', () => {
    expect(indicators).toHaveLength(67);
    for (const { key, label } of [...dimensions, ...indicators]) expect({ key, text: english[key] }).toEqual({ key, text: label });
  });

  it('has every ILO dimension and indicator in Serbian, each in words of its own', () => {
    const missing = [...dimensions, ...indicators].filter(({ key }) => !serbian[key] || serbian[key] === english[key]).map(({ key }) => key);
    expect(missing).toEqual([]);
  });
});
