import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OverdueCue, useOverdueColor } from '../../features/overdue';
import type { HomeSummary } from '../../hooks/api/home';
import { useFormat } from '../../i18n/use-format';

/** My open tasks, soonest first; overdue ones in red with the word "Overdue". */
export function MyTasks({ tasks }: { tasks: HomeSummary['tasks'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const red = useOverdueColor();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-tasks">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="home-tasks">
          {t('homeDashboard.tasks.title')}
        </Title>
        <Text size="sm" c={tasks.overdue > 0 ? red : 'dimmed'}>
          {t('homeDashboard.tasks.summary', { open: tasks.open, overdue: tasks.overdue })}
        </Text>
      </Group>
      {tasks.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('homeDashboard.tasks.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {tasks.items.map((task) => {
            const due = typeof task.dueAt === 'string' ? fmt.dateTime(task.dueAt) : t('homeDashboard.tasks.noDue');
            return (
              <Group
                component="li"
                key={task.id}
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                data-overdue={task.overdue ? 'true' : undefined}
              >
                <Anchor component={Link} to={`/m/tasks/${task.id}`} c={task.overdue ? red : undefined} size="sm">
                  {String(task.subject ?? '')}
                </Anchor>
                <Text size="sm" c="dimmed" ta="right">
                  {task.overdue ? <OverdueCue>{due}</OverdueCue> : due}
                </Text>
              </Group>
            );
          })}
        </Stack>
      )}
      <Anchor component={Link} to="/m/tasks?myTasks=open" size="sm" mt="xs" display="inline-block">
        {t('homeDashboard.tasks.all')}
      </Anchor>
    </Paper>
  );
}
