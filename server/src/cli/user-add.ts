import type { Config } from '../config.js';
import { DomainError } from '../errors.js';
import { createUser } from '../users/index.js';
import { cliContext } from './context.js';

export async function addUserFromCli(
  config: Config,
  args: { email?: string; name?: string; password?: string; profile?: string },
): Promise<number> {
  if (!args.email || !args.name) {
    console.error('rapport user add --email E --name N --password P [--profile Administrator|Standard]');
    return 2;
  }
  const { ctx, database } = await cliContext(config);
  try {
    const user = await createUser(ctx, {
      email: args.email,
      name: args.name,
      password: args.password,
      profile: (args.profile ?? 'Standard') as 'Standard', // validated by createUser
    });
    console.log(`Created ${user.profile} ${user.email} (${user.id})`);
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(`${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
