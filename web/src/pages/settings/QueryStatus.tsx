import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The Settings screens show the same two states while a query is not ready, so that the tests
// (and screen readers) find "Loading" as a status and one wording for a failed load everywhere.

export { Loading } from '../../components/Loading';

/** A query failed (or loaded something this screen cannot show). */
export function LoadFailed() {
  const { t } = useTranslation();
  return <Alert color="red">{t('errors.loadFailed')}</Alert>;
}
