import { parseArgs } from 'node:util';
import { readConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { startServer } from './server.js';

const USAGE = `Usage: rapport <command>

Commands:
  serve                     start the server (default)
  migrate                   bring the database schema up to date
  user add --email E --name N --password P [--profile Administrator|Standard]
  demo load                 load sample data (accounts, contacts, leads, deals, tasks, notes)
  demo remove               remove exactly the sample data

Configuration comes from the environment (see README.md): DATABASE_URL, RAPPORT_DATA_DIR, PORT, HOST, ...`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', sub, ...rest] = argv;
  const config = readConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const database = openDatabase(config);
      const applied = await migrateToLatest(database);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      await database.close();
      return 0;
    }
    case 'user': {
      if (sub !== 'add') break;
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, profile: { type: 'string' } },
      });
      const { addUserFromCli } = await import('./cli/user-add.js');
      return addUserFromCli(config, values);
    }
    case 'demo': {
      const { demoCommand } = await import('./cli/demo.js');
      if (sub === 'load' || sub === 'remove') return demoCommand(config, sub);
      break;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
