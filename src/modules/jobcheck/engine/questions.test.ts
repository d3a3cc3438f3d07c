import { describe, expect, it } from 'vitest';
import { questions } from './all-languages.js';
import { validateAnswers } from './questions.js';
import { ZJobCheckRequest } from './schemas.js';

describe('the questionnaire', () => {
  it('lists the questions the issue asks for, with typed options', () => {
    const qs = questions('en');
    expect(qs.map((q) => q.id)).toEqual(
      expect.arrayContaining(['offered_by', 'fee_requested', 'contract_before_departure', 'passport_keeper', 'work_permit', 'pay_amount', 'hours_per_day', 'days_off_per_week', 'housing', 'deductions', 'contact_channel', 'destination_country']),
    );
    expect(qs.find((q) => q.id === 'pay_amount')).toMatchObject({ type: 'number', min: 0 });
    expect(qs.find((q) => q.id === 'fee_currency')?.options?.map((o) => o.value)).toContain('RSD');
  });

  it('names destination countries in the language asked for', () => {
    const label = (lang: string) => questions(lang).find((q) => q.id === 'destination_country')?.options?.find((o) => o.value === 'DE')?.label;
    expect(label('en')).toBe('Germany');
    expect(label('sr-Latn')).toBe('Nemačka');
  });

  it('falls back to English for an unknown language', () => {
    expect(questions('xx')[0]?.label).toBe('Who offered you the job?');
  });
});

describe('answer validation', () => {
  it('accepts valid answers, numbers sent as strings included', () => {
    expect(validateAnswers({ fee_requested: 'to_agency', fee_amount: '900', destination_country: 'DE' })).toEqual({
      ok: true,
      answers: { fee_requested: 'to_agency', fee_amount: 900, destination_country: 'DE' },
    });
  });

  it('takes an empty form field or a null as a question left unanswered', () => {
    expect(validateAnswers({ fee_requested: '', fee_amount: '  ', agency_name: '', passport_keeper: null, housing: 'own' })).toEqual({ ok: true, answers: { housing: 'own' } });
  });

  it('rejects unknown question ids and bad option values, naming each field', () => {
    const result = validateAnswers({ fee_requested: 'maybe', hours_per_day: 30, favourite_colour: 'blue' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field).sort()).toEqual(['favourite_colour', 'fee_requested', 'hours_per_day']);
  });

  it('bounds the request: text up to 20,000 characters and a known language', () => {
    expect(ZJobCheckRequest.safeParse({ text: 'x'.repeat(20_000), lang: 'sr-Cyrl' }).success).toBe(true);
    expect(ZJobCheckRequest.safeParse({ text: 'x'.repeat(20_001) }).success).toBe(false);
    expect(ZJobCheckRequest.safeParse({ lang: 'de' }).success).toBe(false);
  });
});
