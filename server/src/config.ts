import path from 'node:path';

/** Every setting Rapport reads from the environment (README's configuration table mirrors this). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  baseUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  testClock: boolean;
  recycleBinRetentionDays: number;
  logLevel: string;
  bodyLimitBytes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.RAPPORT_DATA_DIR ?? './data'),
    smtpUrl: env.SMTP_URL || undefined,
    baseUrl: env.RAPPORT_BASE_URL ?? `http://${host}:${port}`,
    adminEmail: env.RAPPORT_ADMIN_EMAIL || undefined,
    adminPassword: env.RAPPORT_ADMIN_PASSWORD || undefined,
    testClock: env.RAPPORT_TEST_CLOCK === '1',
    recycleBinRetentionDays: Number(env.RAPPORT_RECYCLE_BIN_DAYS ?? 60),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: Number(env.RAPPORT_BODY_LIMIT ?? 10 * 1024 * 1024),
  };
}
