import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Participant {
  type: 'user' | 'contact' | 'lead' | 'email';
  id?: string;
  name?: string | null;
  email?: string | null;
  status: 'needsAction' | 'accepted' | 'declined' | 'tentative';
}

const COLOR = { needsAction: 'gray', accepted: 'green', declined: 'red', tentative: 'yellow' } as const;
const MODULE_OF = { contact: 'contacts', lead: 'leads' } as const;

/** A meeting's participants with their answers to the invitation (RSVP). */
export function ParticipantStatuses({ participants }: { participants: Participant[] | null | undefined }) {
  const { t } = useTranslation();
  const list = participants ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-participants">
      <Stack gap="xs">
        <Title order={2} size="h4" id="meeting-participants">
          {t('meetings.statuses.title')}
        </Title>
        {list.length === 0 ? (
          <Text c="dimmed">{t('meetings.statuses.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.statuses.who')}</Table.Th>
                <Table.Th>{t('meetings.statuses.kind')}</Table.Th>
                <Table.Th>{t('meetings.statuses.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => {
                const label = p.name || p.email || '—';
                const mod = p.type === 'contact' || p.type === 'lead' ? MODULE_OF[p.type] : null;
                return (
                  <Table.Tr key={`${p.type}:${p.id ?? p.email}`}>
                    <Table.Td>
                      {mod && p.id ? (
                        <Anchor component={Link} to={`/m/${mod}/${p.id}`}>
                          {label}
                        </Anchor>
                      ) : (
                        label
                      )}
                      {p.email && p.name ? (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          {p.email}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{t(`meetings.participants.kind.${p.type}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={COLOR[p.status] ?? 'gray'} variant="light">
                        {t(`meetings.statuses.${p.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
