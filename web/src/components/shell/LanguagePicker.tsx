import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../i18n';

/** Language choice before sign-in (remembered in this browser); signed-in users choose in the user menu. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('shell.language')}
      size="xs"
      w={140}
      value={i18n.language}
      onChange={(e) => void setLanguage(e.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
    />
  );
}
