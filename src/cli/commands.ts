import { Command, Option } from 'commander';
import { buildApp, openContext } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { backup, restore } from '../db/backup.js';
import { CasesService } from '../modules/cases/cases.service.js';
import { loadDemoData } from '../modules/demo/demo-data.js';
import { checkFromCommandLine } from '../modules/jobcheck/check-command.js';
import { LANGUAGES, type Language } from '../modules/jobcheck/engine/index.js';
import { UsersService } from '../modules/users/users.service.js';
import { AppError } from '../platform/errors.js';
import { rotateKeys } from '../platform/key-rotation.js';
import { ROLES } from '../platform/roles.js';

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.destroy();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const describe = (err: unknown): string =>
  err instanceof AppError && Array.isArray(err.details) ? `${err.message} ${(err.details as { field: string; message: string }[]).map((d) => `${d.field} ${d.message}`).join('; ')}` : err instanceof Error ? err.message : String(err);

export function registerCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the public site, the staff app and the API')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .option('--host <h>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--demo-data', 'load demo records first when the database is empty')
    .action(async (opts: { port?: string; host?: string; demoData?: boolean }) => {
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
      const ctx = await openContext(config);
      const demo = opts.demoData ? await loadDemoData(ctx) : null;
      const app = await buildApp(ctx);
      const close = async () => {
        await app.close();
        await ctx.db.destroy();
        process.exit(0);
      };
      process.once('SIGTERM', close);
      process.once('SIGINT', close);
      await app.listen({ port: config.port, host: config.host });
      const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
      console.log(`\nLabour Justice is running on ${url}`);
      console.log(`  public site: ${url}/en/   staff app: ${url}/app/`);
      if (demo?.admin) {
        console.log(`\nDemo data loaded. Sign in to ${url}/app/ as ${demo.admin.email} with the one-time password`);
        console.log(`    ${demo.admin.oneTimePassword}`);
        console.log('  (shown only now: you will choose your own password and set up two-factor sign-in).');
      } else if (opts.demoData) {
        console.log('\nThe database already has data; sign in with your account. A new account: labour-justice user add --help');
      }
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(() => withContext(async () => console.log('The database is up to date.')));

  const user = program.command('user').description('manage staff users');
  user
    .command('add')
    .description('create a staff user; prints a one-time password unless --password-stdin is given')
    .requiredOption('--email <e>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <n>', 'full name')
    .addOption(new Option('--role <r...>', 'role (repeat for several)').choices(ROLES).makeOptionMandatory())
    .option('--password-stdin', 'read the password from standard input')
    .action((opts: { email: string; name: string; role: string[]; passwordStdin?: boolean }) =>
      withContext(async (ctx) => {
        const password = opts.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
        try {
          const { user: u, oneTimePassword } = await new UsersService(ctx).create({ email: opts.email, name: opts.name, roles: opts.role }, null, password);
          console.log(`Created ${u.email} (${u.roles.join(', ')}).`);
          if (oneTimePassword) console.log(`One-time password (shown once; they choose their own at first sign-in): ${oneTimePassword}`);
        } catch (err) {
          throw new Error(describe(err));
        }
      }),
    );

  program
    .command('demo-data')
    .description('fill an empty database with realistic demo records (refuses a database that has data)')
    .action(() =>
      withContext(async (ctx) => {
        const demo = await loadDemoData(ctx);
        if (!demo) throw new Error('the database already has data; demo records go only into an empty database');
        console.log(`Demo data loaded. Sign in as ${demo.admin.email} with the one-time password ${demo.admin.oneTimePassword}`);
      }),
    );

  program
    .command('check')
    .description('check a job offer read from standard input; prints the result, as JSON with --json')
    .addOption(new Option('--lang <l>', "language of the result (default: the offer's own)").choices(LANGUAGES))
    .option('--json', 'print the JSON that POST /api/v1/job-checks answers')
    .action(async (opts: { lang?: Language; json?: boolean }) => {
      if (process.stdin.isTTY) throw new Error('pipe the job offer in on standard input, e.g. labour-justice check < offer.txt');
      const offer = await readStdin();
      if (offer.trim() === '') throw new Error('standard input is empty: pipe the job offer in, e.g. labour-justice check < offer.txt');
      await withContext(async (ctx) => {
        try {
          console.log(await checkFromCommandLine(ctx, offer, opts));
        } catch (err) {
          throw new Error(describe(err));
        }
      });
    });

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description("check the audit trail's hash chain; exits non-zero naming the first broken entry")
    .action(() =>
      withContext(async (ctx) => {
        const r = await ctx.audit.verify();
        if (r.brokenAt !== null) throw new Error(`audit trail broken at entry ${r.brokenAt}: ${r.reason}`);
        console.log(`The audit trail is intact (${r.checked} entries).`);
      }),
    );

  program
    .command('backup')
    .description('write a consistent backup of the (running) database to a new file')
    .requiredOption('--out <file>', 'the backup file to create')
    .action((opts: { out: string }) =>
      withContext(async (ctx) => {
        await backup(ctx.db, ctx.dialect, ctx.config.databaseUrl, opts.out);
        console.log(`Backup written to ${opts.out}. Keep the key file (${ctx.config.dataKeyFile}) safe and apart from it: encrypted fields need it.`);
      }),
    );

  program
    .command('restore')
    .description('restore a backup into an empty database')
    .requiredOption('--from <file>', 'the backup file')
    .action(async (opts: { from: string }) => {
      const ctx = await openContext(loadConfig());
      const users = new UsersService(ctx);
      await restore(ctx.db, ctx.dialect, ctx.config.databaseUrl, opts.from, async () => (await users.count()) === 0).catch(async (err: unknown) => {
        await ctx.db.destroy().catch(() => undefined);
        throw err;
      });
      console.log('Restored. Use the key file of the backed-up installation as DATA_KEY_FILE.');
    });

  const keys = program.command('keys').description('field-encryption keys');
  keys
    .command('rotate')
    .description('add a new encryption key version and re-encrypt every encrypted field with it')
    .action(() =>
      withContext(async (ctx) => {
        const r = await rotateKeys(ctx);
        console.log(`Now using key version ${r.version}; re-encrypted ${r.values} values in ${r.tables} tables.`);
      }),
    );

  const cases = program.command('cases').description('victim case files');
  cases
    .command('purge-expired')
    .description('erase identity fields, notes and other free text of cases closed longer than RETENTION_YEARS ago')
    .action(() =>
      withContext(async (ctx) => {
        const r = await new CasesService(ctx).purgeExpired();
        console.log(`Erased the identity of ${r.erased} cases closed before ${r.cutoff} (RETENTION_YEARS=${ctx.config.retentionYears}).`);
      }),
    );
}
