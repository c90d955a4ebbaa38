import type { Db } from '../db/connection.js';
import { type FieldRow, type LayoutRow, type ModuleRow, fieldRowToField, layoutRowToLayout, moduleRowToModule } from './rows.js';
import type { AutomationRuleDef, FieldDef, MetadataSnapshot, ModuleDef, OrganizationSettings, Pipeline, PipelineStage } from './types.js';

export async function readMetaVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'metaVersion').executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** Every metadata change bumps this in its own transaction; other processes reload on a new value. */
export async function bumpMetaVersion(db: Db): Promise<void> {
  const v = (await readMetaVersion(db)) + 1;
  await db
    .insertInto('settings')
    .values({ key: 'metaVersion', value: String(v) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(v) }))
    .execute();
}

export async function loadPipelines(db: Db): Promise<Pipeline[]> {
  const pipes = await db.selectFrom('pipelines').selectAll().orderBy('sortOrder').orderBy('id').execute();
  const stages = await db.selectFrom('pipeline_stages').selectAll().orderBy('sortOrder').orderBy('id').execute();
  return pipes.map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: !!p.isDefault,
    stages: stages
      .filter((s) => s.pipelineId === p.id)
      .map(
        (s, i): PipelineStage => ({
          id: s.id,
          pipelineId: s.pipelineId,
          name: s.name,
          probability: Number(s.probability),
          kind: s.kind,
          order: i + 1,
          fixed: !!s.fixed,
        }),
      ),
  }));
}

/** The deal fields whose options are the pipelines and their stages. */
function withPipelineOptions(field: FieldDef, pipelines: Pipeline[]): FieldDef {
  if (field.module !== 'deals' || field.custom) return field;
  if (field.apiName === 'pipeline') {
    return { ...field, options: pipelines.map((p) => ({ value: p.name, label: p.name })) };
  }
  if (field.apiName === 'stage') {
    const names = [...new Set(pipelines.flatMap((p) => p.stages.map((s) => s.name)))];
    return { ...field, options: names.map((n) => ({ value: n, label: n })) };
  }
  return field;
}

export async function loadSnapshot(db: Db): Promise<MetadataSnapshot> {
  const version = await readMetaVersion(db);
  const moduleRows = (await db.selectFrom('modules').selectAll().orderBy('sortOrder').execute()) as ModuleRow[];
  const fieldRows = (await db.selectFrom('fields').selectAll().execute()) as FieldRow[];
  const layoutRows = (await db.selectFrom('layouts').selectAll().execute()) as LayoutRow[];
  const pipelines = await loadPipelines(db);
  const orgRow = await db.selectFrom('settings').select('value').where('key', '=', 'organization').executeTakeFirst();
  const org: OrganizationSettings = {
    name: 'My Company',
    timeZone: 'UTC',
    currency: 'USD',
    locale: 'en',
    ...(orgRow ? (JSON.parse(orgRow.value) as Partial<OrganizationSettings>) : {}),
  };
  const modules: ModuleDef[] = moduleRows.map((m) =>
    moduleRowToModule(
      m,
      fieldRows.filter((f) => f.module === m.apiName).map((r) => withPipelineOptions(fieldRowToField(r), pipelines)),
      layoutRows.filter((l) => l.module === m.apiName).map(layoutRowToLayout),
    ),
  );
  return { version, org, modules, modulesByName: new Map(modules.map((m) => [m.apiName, m])), pipelines, rules: await loadRules(db) };
}

/**
 * A cached snapshot per process. Each use asks the database for the version (one primary-key
 * read) so a change made by another process is seen on its next request.
 */
export class MetadataCache {
  private snapshot: MetadataSnapshot | null = null;
  private loading: Promise<MetadataSnapshot> | null = null;

  async get(db: Db): Promise<MetadataSnapshot> {
    const version = await readMetaVersion(db);
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    if (!this.loading) {
      this.loading = loadSnapshot(db).finally(() => {
        this.loading = null;
      });
    }
    this.snapshot = await this.loading;
    return this.snapshot;
  }

  invalidate(): void {
    this.snapshot = null;
  }
}

/** Automation rules travel with metadata (a change bumps the version), oldest first. */
export async function loadRules(db: Db): Promise<AutomationRuleDef[]> {
  const rows = await db.selectFrom('automation_rules').selectAll().orderBy('createdAt').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    module: r.module,
    name: r.name,
    active: !!r.active,
    definition: JSON.parse(r.definition) as Record<string, unknown>,
    createdBy: r.createdBy ?? null,
    createdAt: Number(r.createdAt),
    modifiedAt: Number(r.modifiedAt),
  }));
}
