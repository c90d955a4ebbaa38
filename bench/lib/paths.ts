import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
/** Cached datasets and scratch databases (gitignored). */
export const DATA_ROOT = path.join(REPO_ROOT, '.tmp', 'bench-data');
export const PROFILE_ROOT = path.join(REPO_ROOT, '.tmp', 'bench-prof');
