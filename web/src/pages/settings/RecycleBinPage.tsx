import { Button, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useModules } from '../../hooks/api/modules';
import { type RecycleBinEntry, usePurgeFromBin, useRecycleBin, useRestoreFromBin } from '../../hooks/api/recycle-bin';
import { moduleSingularLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/use-format';
import { SettingsTable } from './SettingsTable';

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
      <SettingsTable
        striped
        query={bin}
        empty={t('settings.recycleBin.empty')}
        headers={[
          t('settings.recycleBin.name'),
          t('settings.recycleBin.module'),
          t('settings.recycleBin.deletedAt'),
          t('settings.recycleBin.deletedBy'),
        ]}
        actions
      >
        {(rows) =>
          rows.map((e) => {
            const name = e.name ?? t('record.noName');
            return (
              <Table.Tr key={e.id}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{kind(e)}</Table.Td>
                <Table.Td>{fmt.dateTime(e.deletedAt)}</Table.Td>
                <Table.Td>{e.deletedBy?.name ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => void doRestore(e)}
                      aria-label={t('settings.recycleBin.restoreName', { name })}
                    >
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
          })
        }
      </SettingsTable>
    </section>
  );
}
