import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDb, harness, signIn, type Harness } from '../../../test/support.js';
import { loadDemoData } from '../demo/demo-data.js';

describeEachDb('demo case files and the retention command', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(dialect);
  });
  afterEach(() => h.close());

  it('fills the demo with cases a caseworker can work on', async () => {
    await loadDemoData(h.ctx);
    await h.ctx.db.updateTable('users').set({ must_change_password: 0 }).execute();
    const { hashPassword } = await import('../../platform/auth/passwords.js');
    await h.ctx.db.updateTable('users').set({ password_hash: await hashPassword('demo password for tests 42') }).execute();
    const caseworker = await signIn(h.app, 'caseworker@demo.labour-justice.org', 'demo password for tests 42');
    const list = (await caseworker('GET', '/api/v1/cases')).json();
    expect(list.items).toHaveLength(6);
    expect(list.items.map((c: { citizenship: string }) => c.citizenship).sort()).toEqual(['IN', 'NP', 'PH', 'RS', 'RS', 'VN']);
    const identified2020 = (await caseworker('GET', '/api/v1/cases?status=identified&from=2020-01-01&to=2020-12-31')).json().items;
    expect(identified2020.map((c: { child: boolean }) => c.child).sort()).toEqual([false, false, true]);
    const indian = identified2020.find((c: { citizenship: string }) => c.citizenship === 'IN');
    const file = (await caseworker('GET', `/api/v1/cases/${indian.id}`)).json();
    expect(file).toMatchObject({ reference: 'LJ-2020-0001', assessment: { result: { presumedVictim: true, types: ['deceptive'] } } });
    expect(file.statusHistory.map((s: { status: string }) => s.status)).toEqual(['presumed', 'identified']);
    expect((await caseworker('GET', '/api/v1/cases/follow-ups')).json().items).toHaveLength(1);
    // The demo campaign's contact list is linked to the directory these cases refer to, where names agree.
    const campaign = await signIn(h.app, 'campaign@demo.labour-justice.org', 'demo password for tests 42');
    const linked = (await campaign('GET', '/api/v1/stakeholders')).json().items.filter((s: { partner: unknown }) => s.partner);
    expect(linked.map((s: { name: string; partner: { name: string } }) => [s.name, s.partner.name])).toEqual([['Ana Nikolić', 'Centre for Protection of Victims of Trafficking in Human Beings']]);
  });

  it('erases expired identities from the command line, saying how many', async () => {
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'cases', 'purge-expired'], { env: { ...process.env, ...h.env }, encoding: 'utf8' });
    const { CasesService } = await import('./cases.service.js');
    const cases = new CasesService(h.ctx);
    const actor = { userId: 'system-test', name: 'Test', roles: ['caseworker' as const] };
    await h.ctx.db.transaction().execute((trx) =>
      cases.create({ status: 'closed', openedOn: '2001-01-01', statusDate: '2002-01-01', sex: 'male', citizenship: 'RS', exploitationTypes: ['labour'], name: 'Old case' }, actor, trx),
    );
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Erased the identity of 1 cases closed before \d{4}-\d{2}-\d{2} \(RETENTION_YEARS=10\)/);
    expect(run().stdout).toMatch(/Erased the identity of 0 cases/);
  });
});
