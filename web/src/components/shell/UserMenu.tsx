import { Avatar, Group, Menu, Text, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceDesktop, IconLogout, IconMoon, IconSettings, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../../hooks/api/session';
import { useUpdateUser } from '../../hooks/api/users';
import { LANGUAGES, languageOf, setLanguage } from '../../i18n';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** The signed-in user: language (saved on their user), theme, sign out. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const updateUser = useUpdateUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const user = me.data;
  if (!user) return null;

  const chooseLanguage = async (code: string) => {
    await setLanguage(code);
    if (languageOf(user.locale) === code) return;
    try {
      await updateUser.mutateAsync({ id: user.id, patch: { locale: code } });
    } catch {
      notifications.show({ color: 'red', message: t('shell.languageNotSaved') });
    }
  };

  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  const themes = [
    { value: 'light', label: t('shell.theme.light'), icon: IconSun },
    { value: 'dark', label: t('shell.theme.dark'), icon: IconMoon },
    { value: 'auto', label: t('shell.theme.auto'), icon: IconDeviceDesktop },
  ] as const;

  return (
    <Menu position="bottom-end" width={240} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name: user.name })} px={4} py={2} style={{ borderRadius: 8 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size={32} aria-hidden>
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={160}>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text component="span" display="block" size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text component="span" display="block" size="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label aria-hidden>{t('shell.language')}</Menu.Label>
        {/* biome-ignore lint/a11y/useSemanticElements: inside role=menu a group of menu items is role=group, not a form fieldset */}
        <div role="group" aria-label={t('shell.language')}>
          <Menu.RadioGroup value={i18n.language} onChange={(code) => void chooseLanguage(code)}>
            {LANGUAGES.map((l) => (
              <Menu.RadioItem key={l.code} value={l.code} lang={l.code} closeMenuOnClick>
                {l.name}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </div>
        <Menu.Divider />
        <Menu.Label aria-hidden>{t('shell.theme.label')}</Menu.Label>
        {/* biome-ignore lint/a11y/useSemanticElements: inside role=menu a group of menu items is role=group, not a form fieldset */}
        <div role="group" aria-label={t('shell.theme.label')}>
          <Menu.RadioGroup value={colorScheme} onChange={(v) => setColorScheme(v as 'light' | 'dark' | 'auto')}>
            {themes.map((th) => (
              <Menu.RadioItem key={th.value} value={th.value} rightSection={<th.icon size={16} aria-hidden />}>
                {th.label}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </div>
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={16} aria-hidden />} onClick={() => navigate('/settings')}>
          {t('settings.title')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
