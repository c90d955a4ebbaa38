import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Profile, User } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useMe } from '../../hooks/api/session';
import { useCreateUser, useUpdateUser, useUsers } from '../../hooks/api/users';
import NotFoundPage from '../not-found/NotFoundPage';
import { useIsAdmin } from './SettingsLayout';
import { SettingsTable } from './SettingsTable';

const PROFILES: Profile[] = ['Administrator', 'Standard'];

function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [v, setV] = useState({ name: '', email: '', password: '', profile: 'Standard' as Profile });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!v.name.trim()) found.name = t('form.errors.required');
    if (!v.email.trim()) found.email = t('form.errors.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await create.mutateAsync({ name: v.name.trim(), email: v.email.trim(), profile: v.profile, ...(v.password ? { password: v.password } : {}) });
      notifications.show({ color: 'green', message: t('settings.users.created', { name: v.name.trim() }) });
      onDone();
    } catch (err) {
      const f = err instanceof ApiError ? err.field : undefined;
      setErrors({ [f && ['name', 'email', 'password', 'profile'].includes(f) ? f : 'email']: serverErrorMessage(t, err) });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('settings.users.name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} data-autofocus />
        <TextInput label={t('login.email')} type="email" required value={v.email} onChange={(e) => setV({ ...v, email: e.currentTarget.value })} error={errors.email} />
        <PasswordInput
          label={t('login.password')}
          description={t('settings.users.passwordHint')}
          value={v.password}
          onChange={(e) => setV({ ...v, password: e.currentTarget.value })}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
        />
        <Select
          label={t('settings.users.profile')}
          allowDeselect={false}
          data={PROFILES.map((p) => ({ value: p, label: t(`settings.users.profiles.${p}`) }))}
          value={v.profile}
          onChange={(p) => p && setV({ ...v, profile: p as Profile })}
          error={errors.profile}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UserRow({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const change = (patch: { profile?: Profile; active?: boolean }) =>
    update.mutate({ id: user.id, patch }, { onError: (err) => notifications.show({ color: 'red', message: serverErrorMessage(t, err) }) });
  return (
    <Table.Tr>
      <Table.Td>
        {user.name}{' '}
        {!user.active && (
          <Badge size="xs" color="gray">
            {t('settings.users.inactive')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Select
          aria-label={t('settings.users.profileOf', { name: user.name })}
          size="xs"
          allowDeselect={false}
          disabled={self || update.isPending}
          data={PROFILES.map((p) => ({ value: p, label: t(`settings.users.profiles.${p}`) }))}
          value={user.profile}
          onChange={(p) => p && p !== user.profile && change({ profile: p as Profile })}
        />
      </Table.Td>
      <Table.Td>
        {!self && (
          <Button size="xs" variant="subtle" color={user.active ? 'red' : 'blue'} loading={update.isPending} onClick={() => change({ active: !user.active })}>
            {user.active ? t('settings.users.deactivate') : t('settings.users.activate')}
            <VisuallyHidden> {user.name}</VisuallyHidden>
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Users: list, add, change profile, deactivate (administrators). */
export default function UsersPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const me = useMe();
  const users = useUsers();
  const [adding, setAdding] = useState(false);
  if (!admin) return <NotFoundPage message={t('errors.forbidden')} />;
  return (
    <section aria-labelledby="users-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="users-title">
          {t('settings.nav.users')}
        </Title>
        <Button onClick={() => setAdding(true)}>{t('settings.users.add')}</Button>
      </Group>
      <SettingsTable query={users} headers={[t('settings.users.name'), t('login.email'), t('settings.users.profile')]} actions>
        {(rows) => rows.map((u) => <UserRow key={u.id} user={u} self={u.id === me.data?.id} />)}
      </SettingsTable>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('settings.users.add')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {adding && <NewUserForm onDone={() => setAdding(false)} />}
      </Modal>
    </section>
  );
}
