import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeSummary } from '../../hooks/api/home';
import { useFormat } from '../../i18n/use-format';

const KINDS = ['won', 'lost', 'unqualified'] as const;

/** Deals won, lost and unqualified in the last 30 days: count and amount of each. */
export function ClosedDeals({ closed }: { closed: HomeSummary['closed'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-closed">
      <Title order={2} size="h4" id="home-closed" mb="sm">
        {t('homeDashboard.closed.title')}
      </Title>
      <SimpleGrid cols={3} spacing="sm" component="dl" m={0}>
        {KINDS.map((kind) => (
          <Stack key={kind} gap={0}>
            <Text component="dt" size="sm" fw={600}>
              {t(`homeDashboard.closed.${kind}`)}
            </Text>
            <Text component="dd" m={0} size="lg" fw={700} data-testid={`closed-${kind}`}>
              {fmt.currency(closed[kind].amount)}
              <Text span display="block" size="sm" fw={400} c="dimmed">
                {t('homeDashboard.closed.deals', { count: closed[kind].count })}
              </Text>
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
