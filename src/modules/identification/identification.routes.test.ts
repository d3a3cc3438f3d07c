import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

const PRESUMED = ['dr_nature_of_job', 'dr_housing', 'ec_excessive_hours', 'ec_hazardous_work', 'cd_isolation', 'cd_threat_violence'];

describeEachDb('the identification assessment API', (dialect) => {
  let h: Harness;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    h = await harness(dialect);
    for (const role of ['caseworker', 'coordinator', 'hotline', 'campaign', 'admin'] as const) {
      await addUser(h.ctx, `${role}@example.test`, [role]);
      as[role] = await signIn(h.app, `${role}@example.test`);
    }
  });
  afterAll(() => h.close());

  it('assesses ticked indicators for a caseworker and a coordinator alike', async () => {
    for (const role of ['caseworker', 'coordinator']) {
      const r = await as[role]!('POST', '/api/v1/identification/assessments', { indicators: PRESUMED });
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.presumedVictim).toBe(true);
      expect(body.types).toEqual(['deceptive']);
      expect(body.child).toBe(false);
      expect(body.dimensions.map((d: { id: string; positive: boolean; strong: number; medium: number; weak: number }) => [d.id, d.positive, d.strong, d.medium, d.weak])).toEqual([
        ['deceptive_recruitment', true, 1, 1, 0],
        ['coercive_recruitment', false, 0, 0, 0],
        ['recruitment_abuse_of_vulnerability', false, 0, 0, 0],
        ['exploitative_conditions', true, 1, 1, 0],
        ['coercion_at_destination', true, 1, 1, 0],
        ['abuse_of_vulnerability_at_destination', false, 0, 0, 0],
      ]);
      expect(typeof body.explanation).toBe('string');
    }
  });

  it('applies the child rule when the age is under 18', async () => {
    const r = await as.caseworker!('POST', '/api/v1/identification/assessments', { indicators: ['ec_excessive_hours', 'ec_low_or_no_salary'], age: 16 });
    expect(r.json()).toMatchObject({ child: true, presumedVictim: true, types: [] });
    expect(r.json().explanation).toMatch(/means element is not required/);
  });

  it('answers 400 naming each unknown indicator id', async () => {
    const r = await as.caseworker!('POST', '/api/v1/identification/assessments', { indicators: ['dr_wages', 'not_an_indicator', 'made_up'] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([
      { field: 'indicators.1', message: 'unknown indicator not_an_indicator' },
      { field: 'indicators.2', message: 'unknown indicator made_up' },
    ]);
  });

  it('answers 400 naming a missing indicator list and an impossible age', async () => {
    const r = await as.caseworker!('POST', '/api/v1/identification/assessments', { age: -3 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['age', 'indicators']);
  });

  it('refuses the hotline, campaign and admin roles, and anyone signed out', async () => {
    for (const role of ['hotline', 'campaign', 'admin']) {
      expect((await as[role]!('POST', '/api/v1/identification/assessments', { indicators: PRESUMED })).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/identification/assessments', payload: { indicators: PRESUMED } })).statusCode).toBe(401);
  });

  it('lists the six dimensions and 67 indicators for the identification screen', async () => {
    const r = await as.coordinator!('GET', '/api/v1/identification/indicators');
    expect(r.statusCode).toBe(200);
    const dims = r.json().dimensions as { indicators: unknown[] }[];
    expect(dims).toHaveLength(6);
    expect(dims.flatMap((d) => d.indicators)).toHaveLength(67);
  });
});
