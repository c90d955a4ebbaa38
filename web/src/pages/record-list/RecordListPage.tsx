import { Alert, Button, Center, Collapse, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconFilter, IconLayoutKanban, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SavedView } from '../../api/types';
import { PageLoader } from '../../components/shell/PageLoader';
import { hideConvertedLeads } from '../../features/convert-lead/hide-converted';
import { openCreateRecord } from '../../features/create-record/create-record-store';
import { FilterBuilder } from '../../features/filter-builder/FilterBuilder';
import { MyTasksViews, parseMyTasks, withMyTasks, withOverdueFields } from '../../features/overdue';
import { countConditions, emptyGroup, type FilterGroup, fromApiFilter, toApiFilter } from '../../features/filter-builder/filter-model';
import { useFields, useLayouts, useModule } from '../../hooks/api/modules';
import { useRecordCount, useRecordList } from '../../hooks/api/records';
import { useView } from '../../hooks/api/views';
import { moduleLabel, newRecordTitle } from '../../i18n/labels';
import NotFoundPage from '../not-found/NotFoundPage';
import { BulkActionsBar } from './BulkActionsBar';
import { ColumnsChooser } from './ColumnsChooser';
import { ExportButton } from './ExportButton';
import { columnCandidates, defaultListQuery, LIST_PAGE_SIZE, listColumns } from './list-columns';
import { RecordTable } from './RecordTable';
import { SavedViewsMenu } from './SavedViewsMenu';
import { Loading } from '../../components/Loading';


/**
 * A module's records: columns to choose and order, sort by header, a filter builder, quick search,
 * saved views (?view=ID), cursor paging ("Load more", never a count per page; the total on demand),
 * multi-select with bulk actions, and CSV export of what is shown.
 */
export default function RecordListPage() {
  const { module: moduleName } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const viewId = params.get('view');
  const myTasks = moduleName === 'tasks' ? parseMyTasks(params.get('myTasks')) : null;
  const module = useModule(moduleName);
  const fields = useFields(module.data?.apiName);
  const layouts = useLayouts(module.data?.apiName);
  const view = useView(viewId ?? undefined);

  const [columns, setColumns] = useState<string[] | null>(null);
  const [sort, setSort] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState<FilterGroup>(() => emptyGroup());
  const [search, setSearch] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [wantCount, setWantCount] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [appliedView, setAppliedView] = useState<string | null>(null);

  const applyView = useCallback((v: SavedView | null) => {
    setFilter(v ? fromApiFilter(v.filter) : emptyGroup());
    setSort(v?.sort ?? undefined);
    setColumns(v?.fields ?? null);
    setSelected(new Set());
    setAppliedView(v?.id ?? null);
  }, []);

  // A view named in the address (a reload, a shared link) is applied once it has loaded.
  useEffect(() => {
    if (view.data && view.data.id === viewId && appliedView !== viewId) applyView(view.data);
  }, [view.data, viewId, appliedView, applyView]);

  // Another module: start over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the module changes
  useEffect(() => {
    setColumns(null);
    setSort(undefined);
    setFilter(emptyGroup());
    setSearch('');
    setSelected(new Set());
    setWantCount(false);
    setAppliedView(null);
  }, [moduleName]);

  const defaults = useMemo(
    () => (module.data && fields.data && layouts.data ? listColumns(module.data, fields.data, layouts.data) : null),
    [module.data, fields.data, layouts.data],
  );
  const candidates = useMemo(
    () => (module.data && fields.data ? columnCandidates(module.data, fields.data) : []),
    [module.data, fields.data],
  );
  const byName = useMemo(() => new Map(candidates.map((f) => [f.apiName, f])), [candidates]);
  const shownNames = columns ?? defaults?.columns.map((c) => c.apiName) ?? [];
  const shown = shownNames.map((n) => byName.get(n)).filter((f) => f !== undefined);
  const requestFields = module.data ? [...module.data.recordName.fields, ...shown.map((f) => f.apiName)] : undefined;

  const apiFilterJson = JSON.stringify(toApiFilter(filter) ?? null);
  const [debouncedFilter] = useDebouncedValue(apiFilterJson, 300);
  const [q] = useDebouncedValue(search.trim(), 300);
  const apiFilter = useMemo(
    () => withMyTasks(myTasks, hideConvertedLeads(moduleName, viewId, JSON.parse(debouncedFilter) ?? undefined)) ?? undefined,
    [debouncedFilter, moduleName, viewId, myTasks],
  );

  const waitingForView = Boolean(viewId) && appliedView !== viewId;
  const ready = Boolean(defaults) && !waitingForView;
  // Untouched, the list asks exactly what the warm-up at boot prefetched (app/warm-up.ts).
  const untouched = !viewId && !myTasks && columns === null && sort === undefined && debouncedFilter === 'null' && !q;
  const list = useRecordList(
    module.data?.apiName,
    untouched && module.data && fields.data && layouts.data
      ? defaultListQuery(module.data, fields.data, layouts.data)
      : { fields: withOverdueFields(moduleName, requestFields), sort, perPage: LIST_PAGE_SIZE, filter: apiFilter, q: q || undefined },
    { enabled: ready },
  );
  const count = useRecordCount(module.data?.apiName, apiFilter, { q: q || undefined, enabled: wantCount });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query clears the selection
  useEffect(() => setSelected(new Set()), [debouncedFilter, q, sort]);

  const title = module.data ? moduleLabel(t, module.data) : '';
  useDocumentTitle(title ? `${title} · ${t('app.name')}` : t('app.name'));

  if (module.isPending) return <PageLoader />;
  if (!module.data) return <NotFoundPage message={t('notFound.module')} />;
  const m = module.data;
  const records = list.data?.pages.flatMap((p) => p.data) ?? [];
  const conditions = countConditions(filter);

  const pickView = (v: SavedView | null) => {
    applyView(v);
    setParams(v ? { view: v.id } : {}, { replace: false });
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{title}</Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {t('list.loaded', { count: records.length })}
            </Text>
            {wantCount ? (
              <Text c="dimmed" size="sm" aria-live="polite">
                {count.data !== undefined ? `· ${t('list.count', { count: count.data })}` : t('list.counting')}
              </Text>
            ) : (
              <Button variant="subtle" size="compact-xs" onClick={() => setWantCount(true)}>
                {t('list.showCount')}
              </Button>
            )}
          </Group>
        </div>
        <Group gap="xs">
          {fields.data?.some((f) => f.type === 'picklist') && (
            <Button component={Link} to={`/m/${m.apiName}/board`} variant="default" leftSection={<IconLayoutKanban size={16} aria-hidden />}>
              {t('salesBoard.openBoard')}
            </Button>
          )}
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openCreateRecord(m.apiName)}>
            {newRecordTitle(t, m)}
          </Button>
        </Group>
      </Group>

      <Group gap="xs" align="flex-end" justify="space-between" role="toolbar" aria-label={t('list.actions')}>
        <Group gap="xs" align="flex-end">
          {m.apiName === 'tasks' && (
            <MyTasksViews value={myTasks} onChange={(v) => setParams(v ? { myTasks: v } : {}, { replace: false })} />
          )}
          <SavedViewsMenu
            module={m.apiName}
            viewId={viewId}
            current={{ filter: toApiFilter(filter) ?? null, sort: sort ?? null, fields: columns }}
            onPick={pickView}
          />
          <TextInput
            label={t('list.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            w={240}
          />
        </Group>
        <Group gap="xs">
          <Button
            variant={conditions ? 'light' : 'default'}
            leftSection={<IconFilter size={16} aria-hidden />}
            aria-expanded={filtersOpen}
            aria-controls="list-filters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {conditions ? t('list.filtersCount', { count: conditions }) : t('list.filters')}
          </Button>
          <ColumnsChooser
            module={m.apiName}
            available={candidates}
            selected={shownNames}
            onChange={setColumns}
            onReset={() => setColumns(null)}
          />
          <ExportButton module={m.apiName} filter={apiFilter} sort={sort} fields={requestFields} q={q || undefined} />
        </Group>
      </Group>

      <Collapse expanded={filtersOpen} id="list-filters">
        <Paper withBorder p="sm">
          {fields.data && <FilterBuilder module={m.apiName} fields={fields.data} value={filter} onChange={setFilter} />}
          {filter.children.length > 0 && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setFilter(emptyGroup())}>
              {t('list.clearFilters')}
            </Button>
          )}
        </Paper>
      </Collapse>

      {selected.size > 0 && fields.data && (
        <BulkActionsBar module={m.apiName} fields={fields.data} selected={[...selected]} onClear={() => setSelected(new Set())} />
      )}

      {(fields.isError || layouts.isError || list.isError) && (
        <Alert color="red" role="alert">
          {list.error instanceof Error && list.error.message ? list.error.message : t('errors.loadFailed')}
        </Alert>
      )}
      {!ready || list.isPending ? (
        <PageLoader />
      ) : records.length === 0 ? (
        <Text>{conditions || q ? t('list.noMatches') : t('list.empty', { name: title })}</Text>
      ) : (
        <RecordTable
          module={m}
          title={title}
          columns={shown}
          records={records}
          sort={sort}
          onSort={setSort}
          selected={selected}
          onSelect={select}
        />
      )}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Center>
      )}
      {list.isFetching && !list.isFetchingNextPage && !list.isPending && (
        <Center>
          <Loading size="xs" />
        </Center>
      )}
    </Stack>
  );
}
