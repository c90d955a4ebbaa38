import '@mantine/spotlight/styles.css';
import { Badge, Button, Group, Kbd } from '@mantine/core';
import { useDebouncedValue, useOs } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconClock, IconSearch } from '@tabler/icons-react';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ModuleSummary, SearchHit } from '../../api/types';
import { ModuleIcon } from '../../components/ModuleIcon';
import { useModules } from '../../hooks/api/modules';
import { useSearch } from '../../hooks/api/search';
import { useMe } from '../../hooks/api/session';
import { moduleLabel, moduleSingularLabel } from '../../i18n/labels';
import { type RecentItem, readRecentItems, rememberRecentItem, subscribeRecentItems } from '../../lib/recent-items';

const SPOTLIGHT_ID = 'global-search';

export function useRecentItems(userId: string | undefined): RecentItem[] {
  const raw = useSyncExternalStore(subscribeRecentItems, () => JSON.stringify(readRecentItems(userId)));
  return useMemo(() => JSON.parse(raw) as RecentItem[], [raw]);
}

/** Search hits grouped by module, modules in navigation order. */
export function groupHits(hits: SearchHit[], modules: ModuleSummary[]): { module: ModuleSummary; hits: SearchHit[] }[] {
  const order = new Map(modules.map((m, i) => [m.apiName, i]));
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) {
    if (!order.has(h.module)) continue;
    groups.set(h.module, [...(groups.get(h.module) ?? []), h]);
  }
  return [...groups]
    .sort(([a], [b]) => order.get(a)! - order.get(b)!)
    .map(([name, list]) => ({ module: modules[order.get(name)!], hits: list }));
}

/** The header's search button; Ctrl+K (⌘K on a Mac) opens the same search anywhere. */
export function SearchButton() {
  const { t } = useTranslation();
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        <Group gap={2} visibleFrom="md" aria-hidden>
          <Kbd size="xs">{mod}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      }
      onClick={() => spotlight.open()}
      aria-keyshortcuts="Control+K Meta+K"
      fw={400}
    >
      {t('search.button')}
    </Button>
  );
}

/** Global search across modules (Spotlight): results grouped by module, arrow keys and Enter, recent items. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const modules = useModules();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useSearch({ q: debounced, limit: 40 });
  const recent = useRecentItems(me.data?.id);
  const byName = useMemo(() => new Map((modules.data ?? []).map((m) => [m.apiName, m])), [modules.data]);

  const open = (item: RecentItem) => {
    rememberRecentItem(me.data?.id, item);
    navigate(`/m/${item.module}/${item.id}`);
  };
  const name = (n: string | null) => n ?? t('record.noName');

  const searching = query.trim() !== '';
  const groups = searching && debounced ? groupHits(search.data ?? [], modules.data ?? []) : [];
  const recentItems = recent.filter((r) => byName.has(r.module));

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      onSpotlightClose={() => setQuery('')}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
      id={SPOTLIGHT_ID}
      title={t('search.label')}
      styles={{
        header: { padding: 'var(--mantine-spacing-sm) var(--mantine-spacing-md) 0', minHeight: 0 },
        title: { fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-dimmed)' },
      }}
    >
      {/* The dialog's title is the search box's visible label. */}
      <Spotlight.Search
        aria-labelledby={`${SPOTLIGHT_ID}-title`}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList aria-label={t('search.results')}>
        {!searching && recentItems.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.recent')} role="group" aria-label={t('search.recent')}>
            {recentItems.map((r) => {
              const m = byName.get(r.module)!;
              return (
                <Spotlight.Action
                  key={`${r.module}:${r.id}`}
                  label={name(r.name)}
                  description={moduleSingularLabel(t, m)}
                  leftSection={<IconClock size={18} aria-hidden />}
                  onClick={() => open(r)}
                />
              );
            })}
          </Spotlight.ActionsGroup>
        )}
        {!searching && recentItems.length === 0 && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        {groups.map((g) => (
          <Spotlight.ActionsGroup
            key={g.module.apiName}
            label={moduleLabel(t, g.module)}
            role="group"
            aria-label={moduleLabel(t, g.module)}
          >
            {g.hits.map((h) => (
              <Spotlight.Action
                key={`${h.module}:${h.id}`}
                label={name(h.name)}
                description={h.snippet}
                leftSection={<ModuleIcon module={h.module} />}
                rightSection={
                  <Badge variant="light" size="sm">
                    {moduleSingularLabel(t, g.module)}
                  </Badge>
                }
                onClick={() => open({ module: h.module, id: h.id, name: h.name })}
              />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {searching && debounced && !search.isFetching && groups.length === 0 && (
          <Spotlight.Empty>{t('search.nothingFound', { query: debounced })}</Spotlight.Empty>
        )}
        {searching && (search.isFetching || !debounced) && groups.length === 0 && <Spotlight.Empty>{t('common.loading')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
