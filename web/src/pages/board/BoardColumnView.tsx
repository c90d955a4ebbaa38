import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord, RecordNameRule } from '../../api/types';
import { type BoardColumn, type BoardQuery, fetchBoardColumn } from '../../hooks/api/sales';
import { useFormat } from '../../i18n/use-format';
import { BoardCard } from './BoardCard';

interface Props {
  module: string;
  query: BoardQuery;
  column: BoardColumn;
  columns: BoardColumn[];
  /** Cards moved here (optimistically) and ids moved away. */
  movedIn: CrmRecord[];
  movedOut: ReadonlySet<string>;
  nameRule: RecordNameRule;
  columnLabel: (c: BoardColumn) => string;
  onMove: (record: CrmRecord, from: BoardColumn, to: BoardColumn) => void;
  onDropCard: (record: CrmRecord, from: string | null, to: BoardColumn) => void;
}

/** A column: its totals, its first cards, and more cards fetched as it scrolls to the end. */
export function BoardColumnView({ module, query, column, columns, movedIn, movedOut, nameRule, columnLabel, onMove, onDropCard }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [more, setMore] = useState<CrmRecord[]>([]);
  const [cursor, setCursor] = useState(column.nextCursor);
  const [loading, setLoading] = useState(false);
  const [over, setOver] = useState(false);
  const sentinel = useRef<HTMLLIElement>(null);
  // A new board answer (after a move, a filter) starts the column again.
  useEffect(() => {
    setMore([]);
    setCursor(column.nextCursor);
  }, [column]);

  const loadMore = async () => {
    if (!cursor || loading) return;
    setLoading(true);
    try {
      const page = await fetchBoardColumn(module, query, column.value, cursor);
      setMore((m) => [...m, ...page.data]);
      setCursor(page.info.moreRecords ? page.info.nextCursor : undefined);
    } finally {
      setLoading(false);
    }
  };
  const loadRef = useRef(loadMore);
  loadRef.current = loadMore;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadRef.current();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [cursor]);

  const seen = new Set<string>();
  const cards = [...movedIn, ...column.records, ...more].filter((r) => {
    if (seen.has(r.id) || (movedOut.has(r.id) && !movedIn.includes(r))) return false;
    seen.add(r.id);
    return true;
  });
  const label = columnLabel(column);
  const headingId = `board-col-${column.stageId ?? column.value ?? 'empty'}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <Paper
      withBorder
      p="xs"
      component="section"
      aria-labelledby={headingId}
      w={280}
      miw={280}
      bg={over ? 'var(--mantine-color-blue-light)' : undefined}
      data-testid="board-column"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-rapport-card')) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        try {
          const card = JSON.parse(e.dataTransfer.getData('application/x-rapport-card')) as { record: CrmRecord; from: string | null };
          onDropCard(card.record, card.from, column);
        } catch {
          // Not one of our cards.
        }
      }}
    >
      <Stack gap={4} mb="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5" id={headingId}>
            {label}
          </Title>
          <Badge variant="light" aria-label={t('salesBoard.countLabel', { count: column.count })}>
            {column.count}
          </Badge>
        </Group>
        {column.sum !== null && (
          <Text size="xs" c="dimmed">
            {t('salesBoard.sum', { value: fmt.currency(column.sum) })}
            {column.weightedSum !== undefined && column.weightedSum !== null && (
              <> · {t('salesBoard.weighted', { value: fmt.currency(column.weightedSum) })}</>
            )}
          </Text>
        )}
      </Stack>
      <ScrollArea.Autosize mah="65vh" type="auto">
        <Stack gap="xs" component="ul" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {cards.map((r) => (
            <li key={r.id}>
              <BoardCard
                module={module}
                record={r}
                nameRule={nameRule}
                column={column}
                columns={columns}
                columnLabel={columnLabel}
                onMove={onMove}
              />
            </li>
          ))}
          {cards.length === 0 && (
            <Text component="li" size="sm" c="dimmed" ta="center" py="md">
              {t('salesBoard.empty')}
            </Text>
          )}
          {cursor && (
            <li ref={sentinel}>
              <Button
                variant="subtle"
                size="xs"
                fullWidth
                onClick={() => void loadMore()}
                loading={loading}
                aria-label={t('salesBoard.loadMore', { column: label })}
              >
                {t('salesBoard.more')}
              </Button>
            </li>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
