import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** A failed save in the user's language: known codes translated, otherwise the server's own words. */
export function serverErrorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  switch (err.code) {
    case 'REQUIRED_FIELD_MISSING':
      return t('form.errors.required');
    case 'DUPLICATE_DATA':
      return t('form.errors.duplicate');
    case 'FORBIDDEN':
      return t('errors.forbidden');
    case 'NETWORK_ERROR':
      return t('errors.network');
    case 'VERSION_CONFLICT':
      return t('errors.versionConflict');
    case 'SERVER_ERROR':
      return t('errors.unexpected');
    default:
      return err.message;
  }
}
