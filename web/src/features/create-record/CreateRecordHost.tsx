import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CrmRecord } from '../../api/types';
import { useModule } from '../../hooks/api/modules';
import { newRecordTitle } from '../../i18n/labels';
import { recordName } from '../../lib/record-name';
import { RecordForm } from '../record-form/RecordForm';
import { closeCreateRecord, useCreateRecordRequest } from './create-record-store';

/** The create form of the module chosen in "+ Add" (or anywhere else), in a modal. */
export function CreateRecordHost() {
  const { t } = useTranslation();
  const request = useCreateRecordRequest();
  const moduleName = request?.module;
  const module = useModule(moduleName ?? undefined).data;
  const navigate = useNavigate();

  const onCreated = (record: CrmRecord) => {
    if (!module) return;
    closeCreateRecord();
    notifications.show({
      color: 'green',
      message: t('record.created', { name: recordName(record, module.recordName) ?? t('record.noName') }),
    });
    if (!request?.stay) navigate(`/m/${module.apiName}/${record.id}`);
  };

  return (
    <Modal
      opened={Boolean(moduleName && module)}
      onClose={closeCreateRecord}
      title={module ? newRecordTitle(t, module) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {module && <RecordForm key={JSON.stringify(request)} module={module} onCreated={onCreated} onCancel={closeCreateRecord} initial={request?.initial} />}
    </Modal>
  );
}
