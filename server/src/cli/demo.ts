import type { Config } from '../config.js';
import {
  type Counts,
  DEMO_MODULES,
  type DemoModule,
  demoRecordCounts,
  describeCounts,
  loadDemoData,
  removeDemoData,
  totalOf,
} from '../demo/index.js';
import { DomainError } from '../errors.js';
import { cliContext } from './context.js';

/** `rapport demo load` / `rapport demo remove`: 0 on success, 1 when refused or failed. */
export async function demoCommand(config: Config, action: 'load' | 'remove'): Promise<number> {
  const { ctx, database } = await cliContext(config);
  const progress = (module: DemoModule, done: number, total: number) => console.log(`  ${module} ${done}/${total}`);
  try {
    const admin = await ctx.db.selectFrom('users').select('id').where('id', '=', ctx.user.id).executeTakeFirst();
    if (!admin) {
      console.error('There is no administrator yet to own the demo records. Start the server once with');
      console.error('RAPPORT_ADMIN_EMAIL/RAPPORT_ADMIN_PASSWORD set, or run `rapport user add ... --profile Administrator`.');
      return 1;
    }
    if (action === 'load') {
      const existing = await demoRecordCounts(ctx);
      if (totalOf(existing) > 0) {
        console.error(`Demo data is already loaded (${describeCounts(existing)}). Nothing was changed.`);
        console.error('Run `rapport demo remove` first to load it again.');
        return 1;
      }
      console.log(`Loading demo data as ${ctx.user.email}...`);
      const started = Date.now();
      const counts = await loadDemoData(ctx, { onProgress: progress });
      console.log(`Loaded ${summary(counts)} in ${seconds(started)}.`);
      console.log('Remove it again with `rapport demo remove`.');
      return 0;
    }
    const existing = await demoRecordCounts(ctx);
    if (totalOf(existing) === 0) {
      console.log('No demo data to remove.');
      return 0;
    }
    console.log(`Removing demo data (${describeCounts(existing)})...`);
    const started = Date.now();
    const counts = await removeDemoData(ctx, { onProgress: progress });
    console.log(`Removed ${summary(counts)} in ${seconds(started)}. Other records were not touched.`);
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

function summary(c: Counts): string {
  return `${totalOf(c)} records (${DEMO_MODULES.map((m) => `${c[m]} ${m}`).join(', ')})`;
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
