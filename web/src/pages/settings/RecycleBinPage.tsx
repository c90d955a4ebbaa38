import { Alert, Button, Group, Loader, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useModules } from '../../hooks/api/modules';
import { type RecycleBinEntry, usePurgeFromBin, useRecycleBin, useRestoreFromBin } from '../../hooks/api/recycle-bin';
import { moduleSingularLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/use-format';

/** Deleted records: restore (back with its id, values and relations) or purge for good. */
export default function RecycleBinPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const bin = useRecycleBin();
  const modules = useModules();
  const restore = useRestoreFromBin();
  const purge = usePurgeFromBin();
  const kind = (e: RecycleBinEntry) => {
    const m = modules.data?.find((x) => x.apiName === e.module);
    return m ? moduleSingularLabel(t, m) : e.module;
  };
  const doRestore = async (e: RecycleBinEntry) => {
    try {
      await restore.mutateAsync(e);
      const name = e.name ?? t('record.noName');
      notifications.show({ color: 'green', message: t('settings.recycleBin.restored', { name }) });
      navigate(`/m/${e.module}/${e.recordId}`);
    } catch (err) {
      notifications.show({ color: 'red', message: serverErrorMessage(t, err) });
    }
  };
  return (
    <section aria-labelledby="bin-title">
      <Title order={2} id="bin-title" mb="sm">
        {t('settings.nav.recycleBin')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t('settings.recycleBin.hint')}
      </Text>
      {bin.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : bin.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : bin.data.length === 0 ? (
        <Text>{t('settings.recycleBin.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.recycleBin.name')}</Table.Th>
              <Table.Th>{t('settings.recycleBin.module')}</Table.Th>
              <Table.Th>{t('settings.recycleBin.deletedAt')}</Table.Th>
              <Table.Th>{t('settings.recycleBin.deletedBy')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bin.data.map((e) => {
              const name = e.name ?? t('record.noName');
              return (
                <Table.Tr key={e.id}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{kind(e)}</Table.Td>
                  <Table.Td>{fmt.dateTime(e.deletedAt)}</Table.Td>
                  <Table.Td>{e.deletedBy?.name ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => void doRestore(e)} aria-label={t('settings.recycleBin.restoreName', { name })}>
                        {t('settings.recycleBin.restore')}
                      </Button>
                      <ConfirmButton
                        size="xs"
                        label={t('settings.recycleBin.purge')}
                        aria-label={t('settings.recycleBin.purgeName', { name })}
                        title={t('settings.recycleBin.purgeTitle', { name })}
                        message={t('settings.recycleBin.purgeConfirm')}
                        confirmLabel={t('settings.recycleBin.purge')}
                        onConfirm={() => purge.mutateAsync(e)}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
