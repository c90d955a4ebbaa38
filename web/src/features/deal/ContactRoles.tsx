import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useContactRoleChange, useContactRoleOptions, useContactRoles } from '../../hooks/api/sales';
import type { LookupValue } from '../record-form/form-model';
import { LookupInput } from '../record-form/LookupInput';

/** Several contacts on a deal, each with a role from the picklist of Settings › Pipelines. */
export function ContactRoles({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const roles = useContactRoles(dealId);
  const options = useContactRoleOptions();
  const change = useContactRoleChange(dealId);
  const [contact, setContact] = useState<LookupValue | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (!contact) return;
    setError(null);
    try {
      await change.mutateAsync({ add: { contact: contact.id, role } });
      notifications.show({ color: 'green', message: t('dealPanel.roleAdded', { name: contact.name ?? '' }) });
      setContact(null);
      setRole(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.unexpected'));
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deal-contact-roles">
      <Title order={2} size="h4" id="deal-contact-roles" mb="sm">
        {t('dealPanel.rolesTitle')}
      </Title>
      <Stack gap="sm">
        {(roles.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {roles.isPending ? t('common.loading') : t('dealPanel.rolesEmpty')}
          </Text>
        ) : (
          <Table aria-labelledby="deal-contact-roles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dealPanel.roleContact')}</Table.Th>
                <Table.Th>{t('dealPanel.role')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data?.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/m/contacts/${r.contact.id}`}>
                      {r.contact.name ?? r.contact.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.role ?? t('dealPanel.noRole')}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('dealPanel.removeRole', { name: r.contact.name ?? '' })}
                      onClick={() => change.mutate({ remove: r.id })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end" gap="xs">
          <div style={{ minWidth: 240 }}>
            <LookupInput
              label={t('dealPanel.roleContact')}
              module="contacts"
              value={contact}
              onChange={setContact}
              description={t('dealPanel.searchContact')}
            />
          </div>
          <Select label={t('dealPanel.role')} data={options.data ?? []} value={role} onChange={setRole} clearable w={200} />
          <Button onClick={() => void add()} disabled={!contact} loading={change.isPending}>
            {t('dealPanel.addRole')}
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
