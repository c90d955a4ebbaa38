import { Alert, Anchor, Breadcrumbs, Button, Collapse, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilter, IconList, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { CrmRecord } from '../../api/types';
import { PageLoader } from '../../components/shell/PageLoader';
import { FilterBuilder } from '../../features/filter-builder/FilterBuilder';
import { countConditions, emptyGroup, type FilterGroup, toApiFilter } from '../../features/filter-builder/filter-model';
import { useFields, useModule } from '../../hooks/api/modules';
import { recordsQueryKeys } from '../../hooks/api/records';
import { type BoardColumn, moveRecord, useBoard, usePipelines } from '../../hooks/api/sales';
import { useViews } from '../../hooks/api/views';
import { fieldLabel, moduleLabel, optionLabel } from '../../i18n/labels';
import { recordName } from '../../lib/record-name';
import { LossReasonDialog } from '../../features/deal/LossReasonDialog';
import NotFoundPage from '../not-found/NotFoundPage';
import { BoardColumnView } from './BoardColumnView';

interface Move {
  record: CrmRecord;
  from: BoardColumn;
  to: BoardColumn;
}

const NEEDS_REASON = new Set(['lost', 'unqualified']);

/**
 * Kanban board of a module (SPEC [DEAL-3]): deals by the stages of a pipeline, any module by any
 * picklist field (?field=). Columns show count, sum and weighted sum; cards move by drag and drop
 * or from the keyboard, each move a PATCH through the record service — a refused move is shown
 * and the card goes back. Filters, search and saved views apply as on the list.
 */
export default function BoardPage() {
  const { module: moduleName } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const module = useModule(moduleName);
  const fields = useFields(module.data?.apiName);
  const pipelines = usePipelines();
  const views = useViews(module.data?.apiName);
  const [filter, setFilter] = useState<FilterGroup>(() => emptyGroup());
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [filterJson] = useDebouncedValue(JSON.stringify(toApiFilter(filter) ?? null), 300);
  const [moved, setMoved] = useState<Map<string, Move>>(() => new Map());
  const [askReason, setAskReason] = useState<Move | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const isDeals = module.data?.apiName === 'deals';
  const picklists = (fields.data ?? []).filter((f) => f.type === 'picklist' && (!isDeals || f.apiName !== 'pipeline'));
  const field = params.get('field') ?? (isDeals ? 'stage' : picklists[0]?.apiName);
  const byStage = isDeals && field === 'stage';
  const pipeline = byStage ? (params.get('pipeline') ?? pipelines.data?.find((p) => p.default)?.name) : undefined;
  const viewId = params.get('view') ?? undefined;
  const query = useMemo(
    () => ({ field, pipeline, view: viewId, q: q || undefined, filter: JSON.parse(filterJson) ?? undefined }),
    [field, pipeline, viewId, q, filterJson],
  );
  const board = useBoard(module.data?.apiName ?? '', query, Boolean(module.data && field && (!byStage || pipeline)));
  const title = module.data ? t('salesBoard.title', { module: moduleLabel(t, module.data) }) : '';
  useDocumentTitle(title ? `${title} · ${t('app.name')}` : t('app.name'));

  if (module.isPending || fields.isPending) return <PageLoader />;
  if (!module.data) return <NotFoundPage message={t('notFound.module')} />;
  const m = module.data;
  const groupField = fields.data?.find((f) => f.apiName === field);
  const lossReason = fields.data?.find((f) => f.apiName === 'lossReason');
  const columnLabel = (c: BoardColumn) =>
    c.value === null ? t('salesBoard.noValue') : c.stageId ? c.label : optionLabel(t, field ?? '', { value: c.value, label: c.label });
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const commit = async (mv: Move, extra: Record<string, unknown> = {}) => {
    const name = recordName(mv.record, m.recordName) ?? t('record.noName');
    setMoved((prev) => new Map(prev).set(mv.record.id, mv));
    setAnnouncement(t('salesBoard.moving', { name, column: columnLabel(mv.to) }));
    try {
      await moveRecord(m.apiName, mv.record.id, field ?? '', mv.to.value, extra);
      setAnnouncement(t('salesBoard.moved', { name, column: columnLabel(mv.to) }));
      await Promise.all([board.refetch(), qc.invalidateQueries({ queryKey: recordsQueryKeys.record(m.apiName, mv.record.id) })]);
    } catch (err) {
      const message = err instanceof ApiError ? err.message : t('salesBoard.moveError');
      notifications.show({ color: 'red', title: t('salesBoard.moveFailed', { name }), message });
      setAnnouncement(t('salesBoard.moveFailed', { name }));
    } finally {
      setMoved((prev) => {
        const next = new Map(prev);
        next.delete(mv.record.id);
        return next;
      });
    }
  };
  const onMove = (record: CrmRecord, from: BoardColumn, to: BoardColumn) => {
    if (from.value === to.value) return;
    const mv = { record, from, to };
    if (byStage && to.kind && NEEDS_REASON.has(to.kind) && lossReason) {
      setAskReason(mv);
      return;
    }
    void commit(mv);
  };
  const columns = board.data?.columns ?? [];
  const onDropCard = (record: CrmRecord, fromValue: string | null, to: BoardColumn) => {
    const from = columns.find((c) => c.value === fromValue);
    if (from) onMove(record, from, to);
  };
  const conditions = countConditions(filter);

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('record.breadcrumbs')}>
        <Anchor component={Link} to={`/m/${m.apiName}`}>
          {moduleLabel(t, m)}
        </Anchor>
        <Text span aria-current="page">
          {t('salesBoard.crumb')}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{title}</Title>
        <Button component={Link} to={`/m/${m.apiName}`} variant="default" leftSection={<IconList size={16} aria-hidden />}>
          {t('salesBoard.listView')}
        </Button>
      </Group>
      <Group gap="xs" align="flex-end" role="toolbar" aria-label={t('salesBoard.toolbar')}>
        {isDeals && (
          <Select
            label={t('salesBoard.pipeline')}
            data={(pipelines.data ?? []).map((p) => ({ value: p.name, label: p.name }))}
            value={pipeline ?? null}
            onChange={(v) => setParam('pipeline', v)}
            disabled={!byStage}
            allowDeselect={false}
            w={200}
          />
        )}
        <Select
          label={t('salesBoard.groupBy')}
          data={picklists.map((f) => ({ value: f.apiName, label: fieldLabel(t, m.apiName, f) }))}
          value={field ?? null}
          onChange={(v) => setParam('field', v)}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('salesBoard.view')}
          placeholder={t('salesBoard.allRecords')}
          data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          value={viewId ?? null}
          onChange={(v) => setParam('view', v)}
          clearable
          w={200}
        />
        <TextInput
          label={t('list.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={200}
        />
        <Button
          variant={conditions ? 'light' : 'default'}
          leftSection={<IconFilter size={16} aria-hidden />}
          aria-expanded={filtersOpen}
          aria-controls="board-filters"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          {conditions ? t('list.filtersCount', { count: conditions }) : t('list.filters')}
        </Button>
      </Group>
      <Collapse expanded={filtersOpen} id="board-filters">
        <Paper withBorder p="sm">
          {fields.data && <FilterBuilder module={m.apiName} fields={fields.data} value={filter} onChange={setFilter} />}
        </Paper>
      </Collapse>
      <Text size="xs" c="dimmed" id="board-keyboard-help">
        {t('salesBoard.keyboardHelp')}
      </Text>
      <div
        role="status"
        aria-live="polite"
        className="visually-hidden"
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
      >
        {announcement}
      </div>
      {!groupField && <Alert color="yellow">{t('salesBoard.noPicklist')}</Alert>}
      {board.isError && (
        <Alert color="red" role="alert">
          {board.error instanceof Error && board.error.message ? board.error.message : t('errors.loadFailed')}
        </Alert>
      )}
      {board.isPending && groupField ? (
        <PageLoader />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {columns.map((c) => {
              const movedIn = [...moved.values()].filter((x) => x.to.value === c.value).map((x) => x.record);
              const movedOut = new Set([...moved.values()].filter((x) => x.to.value !== c.value).map((x) => x.record.id));
              return (
                <BoardColumnView
                  key={`${c.stageId ?? c.value ?? ''}`}
                  module={m.apiName}
                  query={query}
                  column={c}
                  columns={columns}
                  movedIn={movedIn}
                  movedOut={movedOut}
                  nameRule={m.recordName}
                  columnLabel={columnLabel}
                  onMove={onMove}
                  onDropCard={onDropCard}
                />
              );
            })}
          </Group>
        </div>
      )}
      <LossReasonDialog
        opened={askReason !== null}
        title={t('salesBoard.lossReasonTitle')}
        help={askReason ? t('salesBoard.lossReasonHelp', { column: columnLabel(askReason.to) }) : undefined}
        field={lossReason}
        confirmLabel={t('salesBoard.confirmMove')}
        onCancel={() => setAskReason(null)}
        onConfirm={(reason) => {
          const mv = askReason;
          setAskReason(null);
          if (mv) void commit(mv, { lossReason: reason });
        }}
      />
    </Stack>
  );
}
