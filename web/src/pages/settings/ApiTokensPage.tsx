import { Alert, Button, Code, CopyButton, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../hooks/api/api-tokens';
import { useFormat } from '../../i18n/use-format';
import { SettingsTable } from './SettingsTable';

/** My API tokens: create (the token is shown once), list, revoke. */
export default function ApiTokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('form.errors.required'));
      return;
    }
    try {
      const r = await create.mutateAsync(name.trim());
      setCreated({ name: r.name, token: r.token });
      setName('');
      setError(undefined);
    } catch (err) {
      setError(serverErrorMessage(t, err));
    }
  };
  return (
    <section aria-labelledby="tokens-title">
      <Title order={2} id="tokens-title" mb="sm">
        {t('settings.nav.apiTokens')}
      </Title>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput label={t('settings.tokens.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} />
          <Button type="submit" mt={24} loading={create.isPending}>
            {t('settings.tokens.create')}
          </Button>
        </Group>
      </Paper>
      {created && (
        <Alert color="green" mb="md" title={t('settings.tokens.createdTitle', { name: created.name })} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setCreated(null)}>
          <Text size="sm" mb="xs">
            {t('settings.tokens.onlyOnce')}
          </Text>
          <Group gap="xs">
            <Code aria-label={t('settings.tokens.token')}>{created.token}</Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('settings.tokens.copied') : t('settings.tokens.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <SettingsTable
        query={tokens}
        empty={t('settings.tokens.empty')}
        headers={[t('settings.tokens.name'), t('settings.tokens.createdAt'), t('settings.tokens.lastUsedAt')]}
        actions
      >
        {(rows) =>
          rows.map((tk) => (
            <Table.Tr key={tk.id}>
              <Table.Td>{tk.name}</Table.Td>
              <Table.Td>{fmt.dateTime(tk.createdAt)}</Table.Td>
              <Table.Td>{tk.lastUsedAt ? fmt.dateTime(tk.lastUsedAt) : t('settings.tokens.never')}</Table.Td>
              <Table.Td>
                <ConfirmButton
                  size="xs"
                  label={t('settings.tokens.revoke')}
                  aria-label={t('settings.tokens.revokeName', { name: tk.name })}
                  title={t('settings.tokens.revokeTitle', { name: tk.name })}
                  message={t('settings.tokens.revokeConfirm')}
                  confirmLabel={t('settings.tokens.revoke')}
                  onConfirm={() => revoke.mutateAsync(tk.id)}
                />
              </Table.Td>
            </Table.Tr>
          ))
        }
      </SettingsTable>
    </section>
  );
}
