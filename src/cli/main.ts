import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands.js';

const program = new Command('labour-justice')
  .description('Labour Justice: helpline, job-offer checks, victim case files, statistics and campaigns')
  .exitOverride();
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  // One line, no stack: the message says what was wrong with the input or the environment.
  console.error(`labour-justice: ${err instanceof Error ? err.message.split('\n').join(' ') : String(err)}`);
  process.exit(1);
}
