import type { FastifyInstance } from 'fastify';
import type { CasesService } from './cases.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The first run waits a little so starting the server stays quick. */
const FIRST_RUN_MS = 10 * 60 * 1000;

/**
 * Runs the retention rule once a day while the server is up (the `cases purge-expired` command
 * runs it on demand). Every instance may run it: erasing a case twice erases it once.
 */
export function scheduleRetention(app: FastifyInstance, cases: CasesService): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const r = await cases.purgeExpired();
      app.log.info({ erased: r.erased, cutoff: r.cutoff }, 'case retention run');
    } catch (err) {
      app.log.error({ err }, 'case retention run failed');
    }
    timer = setTimeout(run, DAY_MS).unref();
  };
  app.addHook('onReady', async () => {
    timer = setTimeout(run, FIRST_RUN_MS).unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
