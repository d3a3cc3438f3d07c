import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDb, harness, signedInAs, type Client, type Harness } from '../../../test/support.js';

// 61 days, so the windows are 1 March – 30 April before and 1 July – 30 August after (days in Europe/Belgrade).
const safeWork = { name: 'Safe work', slug: 'safe-work-2021', startsOn: '2021-05-01', endsOn: '2021-06-30', languages: ['en'] };

describeEachDb('the campaign report: helpline contacts that heard of us through the campaign', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let hotline: Client;

  const call = async (receivedAt: string, heardAbout?: string) => {
    const r = await hotline('POST', '/api/v1/contacts', { receivedAt, channel: 'phone', topics: ['job_offer_check'], summary: 'Offer abroad, no contract', ...(heardAbout ? { heardAbout } : {}) });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };

  beforeEach(async () => {
    h = await harness(dialect);
    campaign = await signedInAs(h, 'campaign');
    hotline = await signedInAs(h, 'hotline');
  });
  afterEach(() => h.close());

  it('counts the contacts naming the campaign in as many days before, during and after it, by the organisation’s days', async () => {
    const id = (await campaign('POST', '/api/v1/campaigns', safeWork)).json().id as string;
    const ids = [
      await call('2021-02-28T22:30:00Z', 'safe-work-2021'), // 28 February, 23:30 in Belgrade: before the window
      await call('2021-02-28T23:30:00Z', 'safe-work-2021'), // 1 March, 00:30 in Belgrade: the first day before
      await call('2021-04-30T12:00:00+02:00', 'safe-work-2021'),
      await call('2021-05-01T00:10:00+02:00', 'safe-work-2021'),
      await call('2021-06-12T09:00:00+02:00', 'safe-work-2021'),
      await call('2021-06-30T23:50:00+02:00', 'safe-work-2021'),
      await call('2021-06-12T09:00:00+02:00', 'radio'),
      await call('2021-06-12T10:00:00+02:00', 'Saw the safe-work-2021 poster'),
      await call('2021-06-13T10:00:00+02:00'),
      await call('2021-08-30T20:00:00+02:00', 'safe-work-2021'),
      await call('2021-08-31T08:00:00+02:00', 'safe-work-2021'),
    ];

    const r = await campaign('GET', `/api/v1/campaigns/${id}/report`);
    expect(r.statusCode).toBe(200);
    expect(r.json().impact).toEqual({
      heardAbout: 'safe-work-2021',
      days: 61,
      before: { from: '2021-03-01', to: '2021-04-30', contacts: 2, ongoing: false },
      during: { from: '2021-05-01', to: '2021-06-30', contacts: 3, ongoing: false },
      after: { from: '2021-07-01', to: '2021-08-30', contacts: 1, ongoing: false },
    });
    expect(r.json().narrative.en).toContain(
      'During the campaign, 3 people who contacted the helpline said they had heard of us through it, against 2 in as many days before it and 1 in as many days after it.',
    );
    expect(r.json().narrative['sr-Latn']).toContain('Tokom kampanje 3 osobe koje su se javile SOS liniji rekle su da su za nas čule preko nje, naspram 2 u istom broju dana pre nje i 1 u istom broju dana posle nje.');
    // Counts only: nothing of a contact reaches the campaign team, who may not open the contacts themselves.
    for (const contactId of ids) expect(r.body).not.toContain(contactId);
    expect(r.body).not.toContain('Offer abroad');
    expect((await campaign('GET', '/api/v1/contacts')).statusCode).toBe(403);

    const csv = await campaign('GET', `/api/v1/campaigns/${id}/report/export?format=csv&lang=en`);
    expect(csv.body).toContain('Helpline contacts that heard of us through the campaign,Before (2021-03-01 – 2021-04-30),2');
    expect(csv.body).toContain('Helpline contacts that heard of us through the campaign,During (2021-05-01 – 2021-06-30),3');
    expect(csv.body).toContain('Helpline contacts that heard of us through the campaign,After (2021-07-01 – 2021-08-30),1');
  });

  it('leaves the days after a campaign still running out of the narrative, and says nothing when nobody named it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const running = (await campaign('POST', '/api/v1/campaigns', { ...safeWork, slug: 'running', startsOn: '2021-01-01', endsOn: '2099-12-31' })).json().id as string;
    const quiet = (await campaign('POST', '/api/v1/campaigns', { ...safeWork, slug: 'quiet' })).json().id as string;
    await call('2021-03-01T10:00:00+01:00', 'running');

    const report = (await campaign('GET', `/api/v1/campaigns/${running}/report`)).json();
    expect(report.impact.during).toMatchObject({ contacts: 1, ongoing: true });
    expect(report.impact.after.ongoing).toBe(true);
    expect(report.impact.after.from > today).toBe(true);
    expect(report.narrative.en).toBe('During the campaign, 1 person who contacted the helpline said they had heard of us through it, against 0 in as many days before it.');

    const nothing = (await campaign('GET', `/api/v1/campaigns/${quiet}/report`)).json();
    expect(nothing.impact.during.contacts).toBe(0);
    expect(nothing.narrative.en).toBe('');
  });
});
