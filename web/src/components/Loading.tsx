import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Something is loading: a spinner announced as a status. Mantine's Loader is a bare span, on
 * which axe refuses an aria-label without a role, so every loader in the app is this one.
 */
export function Loading(props: Omit<LoaderProps, 'role' | 'aria-label'>) {
  const { t } = useTranslation();
  return <Loader {...props} role="status" aria-label={t('common.loading')} />;
}
