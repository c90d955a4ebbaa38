import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../api/types';
import { useMe } from '../../hooks/api/session';
import { useCreateView, useDeleteView, useUpdateView, useViews } from '../../hooks/api/views';

export interface ViewState {
  filter: unknown;
  sort: string | null;
  fields: string[] | null;
}

/**
 * The view's definition without nulls: the server's body schema coerces a null `sort` or `fields`
 * into '' / [''] (an unknown field), so what is not set is left out instead.
 */
function definition(current: ViewState) {
  return {
    filter: current.filter ?? null,
    ...(current.sort ? { sort: current.sort } : {}),
    ...(current.fields ? { fields: current.fields } : {}),
  };
}

interface Props {
  module: string;
  viewId: string | null;
  current: ViewState;
  onPick: (view: SavedView | null) => void;
}

/** Picks a saved view (private or shared), saves the current list as one, updates or deletes it. */
export function SavedViewsMenu({ module, viewId, current, onPick }: Props) {
  const { t } = useTranslation();
  const views = useViews(module);
  const meQuery = useMe();
  const create = useCreateView();
  const update = useUpdateView();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const list = (views.data ?? []).filter((v) => v.module === module);
  const selected = list.find((v) => v.id === viewId) ?? null;
  const me = meQuery.data?.id;
  const mine = selected && (!me || selected.owner.id === me);

  const save = async () => {
    const view = await create.mutateAsync({ module, name: name.trim(), shared, ...definition(current) });
    notifications.show({ message: t('views.saved', { name: view.name }) });
    setSaving(false);
    setName('');
    setShared(false);
    onPick(view);
  };

  return (
    <Group gap="xs" align="flex-end">
      <Select
        label={t('views.label')}
        data={[
          { value: '', label: t('views.all') },
          ...list.map((v) => ({ value: v.id, label: v.shared ? t('views.sharedSuffix', { name: v.name }) : v.name })),
        ]}
        value={viewId ?? ''}
        onChange={(id) => onPick(list.find((v) => v.id === id) ?? null)}
        allowDeselect={false}
        w={220}
      />
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setSaving(true)}>
        {t('views.save')}
      </Button>
      {selected && mine && (
        <>
          <Button
            variant="default"
            loading={update.isPending}
            onClick={async () => {
              const view = await update.mutateAsync({ id: selected.id, patch: definition(current) });
              notifications.show({ message: t('views.saved', { name: view.name }) });
            }}
          >
            {t('views.update')}
          </Button>
          <ActionIcon variant="default" size="lg" aria-label={t('views.delete')} onClick={() => setDeleting(true)}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </>
      )}
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('views.newTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void save();
          }}
        >
          <Stack>
            <TextInput label={t('views.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
            <Checkbox label={t('views.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
            {create.isError && (
              <Text c="red" role="alert" size="sm">
                {create.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('views.delete')}>
        <Stack>
          <Text>{t('views.deleteConfirm', { name: selected?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={async () => {
                if (selected) await remove.mutateAsync(selected.id);
                setDeleting(false);
                notifications.show({ message: t('views.deleted') });
                onPick(null);
              }}
            >
              {t('views.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
