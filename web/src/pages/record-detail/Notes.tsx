import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord, ModuleSummary } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useCreateRecord, useDeleteRecord, useUpdateRecord } from '../../hooks/api/records';
import { useRelatedRecords } from '../../hooks/api/related';
import { useFormat } from '../../i18n/use-format';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading } from '../../components/Loading';

function NoteItem({ note }: { note: CrmRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const update = useUpdateRecord('notes', note.id);
  const remove = useDeleteRecord('notes');
  const [editing, setEditing] = useState(false);
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!content.trim()) {
      setError(t('form.errors.required'));
      return;
    }
    try {
      await update.mutateAsync({ values: { content }, version: note.version });
      setEditing(false);
    } catch (err) {
      setError(serverErrorMessage(t, err));
    }
  };
  if (editing)
    return (
      <form onSubmit={save} noValidate>
        <Textarea label={t('recordPage.noteContent')} autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={error} />
        <Group gap="xs" mt={6}>
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    );
  const owner = (note.createdBy as { name?: string } | null)?.name ?? '';
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {String(note.content ?? '')}
      </Text>
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          {owner} · {fmt.dateTime(String(note.createdAt ?? ''))}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            setContent(String(note.content ?? ''));
            setError(undefined);
            setEditing(true);
          }}
        >
          {t('recordPage.editNote')}
        </Button>
        <ConfirmButton
          label={t('recordPage.deleteNote')}
          title={t('recordPage.deleteNoteTitle')}
          message={t('recordPage.deleteNoteConfirm')}
          confirmLabel={t('recordPage.delete')}
          onConfirm={() => remove.mutateAsync(note.id)}
          size="compact-xs"
        />
      </Group>
    </div>
  );
}

/** Notes about this record: add, edit, delete (notes are records of `notes` with relatedTo). */
export function Notes({ module, record, name }: { module: ModuleSummary; record: CrmRecord; name: string }) {
  const { t } = useTranslation();
  const notes = useRelatedRecords(module.apiName, record.id, 'notes', 50);
  const create = useCreateRecord('notes');
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!content.trim()) {
      setError(t('form.errors.required'));
      return;
    }
    try {
      await create.mutateAsync({ content, relatedTo: { module: module.apiName, id: record.id, name } });
      setContent('');
      setError(undefined);
    } catch (err) {
      setError(serverErrorMessage(t, err));
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notes-title">
      <Title order={2} size="h4" id="notes-title" mb="xs">
        {t('recordPage.notes')}
      </Title>
      <form onSubmit={add} noValidate>
        <Textarea label={t('recordPage.newNote')} autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={error} />
        <Group justify="flex-end" mt={6}>
          <Button type="submit" size="xs" loading={create.isPending}>
            {t('recordPage.addNote')}
          </Button>
        </Group>
      </form>
      {notes.isPending ? (
        <Loading size="sm" />
      ) : (
        <Stack gap="sm" mt="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {(notes.data?.data ?? []).map((n) => (
            <li key={n.id}>
              <NoteItem note={n} />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
