// npm run bench: every benchmark beside a baseline measured in the same run, as one table.
// Targets live here, never in timed unit tests. BENCH_SECONDS shortens the HTTP runs.
import { printTable, type BenchRow } from './lib.js';
import { helplineSuite } from './suites/helpline.js';
import { httpSuite } from './suites/http.js';
import { jobcheckSuite } from './suites/jobcheck.js';
import { summarySuite } from './suites/summary.js';

const suites: { name: string; run: () => Promise<BenchRow[]> }[] = [{ name: 'http', run: httpSuite }, { name: 'summary', run: summarySuite }, { name: 'jobcheck', run: jobcheckSuite }, { name: 'helpline', run: helplineSuite }];

const only = process.argv[2];
const rows: BenchRow[] = [];
for (const s of suites.filter((x) => !only || x.name === only)) {
  console.error(`running ${s.name}…`);
  rows.push(...(await s.run()));
}
printTable(rows);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
