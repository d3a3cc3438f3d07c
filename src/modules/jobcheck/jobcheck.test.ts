import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FAIR_OFFER as FAIR, RISKY_OFFER as RISKY } from '../../../test/jobcheck-offers.js';
import { describeEachDb, harness, type Harness } from '../../../test/support.js';
import { JOB_CHECKS_PER_MINUTE } from './jobcheck.routes.js';

describeEachDb('POST /api/v1/job-checks', (dialect) => {
  let h: Harness;
  // Each test speaks from its own address, so the rate limit of one never reaches another.
  let client = 0;
  const check = (payload: unknown, from = `198.51.100.${++client}`) =>
    h.app.inject({ method: 'POST', url: '/api/v1/job-checks', payload: payload as object, remoteAddress: from });

  beforeAll(async () => {
    h = await harness(dialect, { SOS_PHONE: '+381 64 000 0000', SOS_HOURS: 'every day 8–20' });
  });
  afterAll(() => h.close());

  it('calls a fee to the agent, a kept passport and a contract on arrival high, quoting the offer word for word', async () => {
    const r = await check({ text: RISKY });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.risk).toBe('high');
    expect(body.detectedLanguage).toBe('en');
    expect(body.signals.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['recruitment_fee', 'passport_retention', 'no_written_contract']));
    for (const s of body.signals) {
      expect(s).toMatchObject({ id: expect.any(String), title: expect.any(String), explanation: expect.any(String), severity: expect.stringMatching(/^(high|medium|low)$/) });
      if (s.evidence !== undefined) expect(RISKY).toContain(s.evidence);
    }
    expect(body.disclaimer).toMatch(/does not mean the offer is safe/);
  });

  it('calls a fair local offer that rules out fees low, with no signals', async () => {
    const body = (await check({ text: FAIR })).json();
    expect(body.risk).toBe('low');
    expect(body.signals).toEqual([]);
  });

  it("gives the configured SOS line in the advice and explains in the language asked for", async () => {
    const body = (await check({ text: RISKY, lang: 'sr-Cyrl' })).json();
    expect(body.advice.at(-1)).toContain('+381 64 000 0000');
    expect(body.advice.at(-1)).toContain('every day 8–20');
    expect(body.signals[0].title).toMatch(/[\u0400-\u04ff]/);
  });

  it('judges answers alone, without any text', async () => {
    const body = (await check({ answers: { passport_keeper: 'employer', fee_requested: 'to_agency', hours_per_day: '14' } })).json();
    expect(body.risk).toBe('high');
    expect(body.signals.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['passport_retention', 'recruitment_fee', 'excessive_hours']));
  });

  it('refuses an empty check with a 400 naming text and answers, empty answers included', async () => {
    for (const payload of [{}, { text: '   \n' }, { answers: {} }, { text: '', answers: { fee_requested: '', hours_per_day: '' } }]) {
      const r = await check(payload);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['answers', 'text']);
    }
  });

  it('names each bad answer and an unknown language in a 400', async () => {
    const r = await check({ text: RISKY, lang: 'de', answers: { fee_requested: 'maybe', hours_per_day: 30, favourite_colour: 'blue' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['answers.favourite_colour', 'answers.fee_requested', 'answers.hours_per_day', 'lang']);
  });

  it('refuses an offer over 20,000 characters with a 400 naming text, and a body over the size limit with a 413', async () => {
    expect((await check({ text: 'x'.repeat(20_000) })).statusCode).toBe(200);
    const long = await check({ text: 'x'.repeat(20_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toEqual([{ field: 'text', message: 'must be at most 20,000 characters' }]);
    const huge = await check({ text: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('gives a verdict for any Unicode: right to left, emoji, mixed scripts, control characters, lone surrogates', async () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const texts = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }), fc.string({ unit: anyUnit, minLength: 1, maxLength: 400 }));
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const r = await check({ text }, '198.51.100.250');
        if (text.trim() === '') return r.statusCode === 400;
        return r.statusCode === 200 && ['high', 'medium', 'low'].includes(r.json().risk);
      }),
      // Under the rate limit of one client, which this test keeps to.
      { numRuns: JOB_CHECKS_PER_MINUTE - 10 },
    );
  });

  it(`allows ${JOB_CHECKS_PER_MINUTE} checks a minute from one client, more than the 60 promised, then answers 429`, async () => {
    for (let i = 0; i < JOB_CHECKS_PER_MINUTE; i++) expect((await check({ text: FAIR }, '203.0.113.9')).statusCode).toBe(200);
    const over = await check({ text: FAIR }, '203.0.113.9');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    expect((await check({ text: FAIR }, '203.0.113.10')).statusCode).toBe(200);
  });

  it('lists the questionnaire in the language asked for, and names an unknown language in a 400', async () => {
    const r = await h.app.inject({ url: '/api/v1/job-checks/questions?lang=ur' });
    expect(r.statusCode).toBe(200);
    const { items, nextCursor } = r.json();
    expect(nextCursor).toBeNull();
    expect(items.find((q: { id: string }) => q.id === 'passport_keeper')).toMatchObject({ type: 'single', label: expect.stringMatching(/[\u0600-\u06ff]/) });
    expect((await h.app.inject({ url: '/api/v1/job-checks/questions' })).json().items[0].label).toBe('Who offered you the job?');
    const bad = await h.app.inject({ url: '/api/v1/job-checks/questions?lang=xx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('lang');
  });
});
