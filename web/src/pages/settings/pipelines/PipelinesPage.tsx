import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useUpdateField } from '../../../hooks/api/fields-admin';
import { useFields } from '../../../hooks/api/modules';
import {
  type Pipeline,
  pipelineApi,
  type Stage,
  useContactRoleOptions,
  usePipelineChange,
  usePipelines,
  useSaveContactRoleOptions,
} from '../../../hooks/api/sales';
import { useIsAdmin } from '../SettingsLayout';
import { StageRow } from './StageRow';

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

/**
 * Settings › Pipelines (SPEC [DEAL-2]): create pipelines; add, rename, reorder and remove open
 * stages (removing asks where its deals go); default probabilities; closed stages renameable but
 * never deleted. Also the loss-reason and contact-role picklists.
 */
export default function PipelinesPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const pipelines = usePipelines();
  const [selected, setSelected] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [firstStage, setFirstStage] = useState('');
  const create = usePipelineChange(pipelineApi.create);
  const [error, setError] = useState<string | null>(null);

  const current = pipelines.data?.find((p) => p.id === selected) ?? pipelines.data?.find((p) => p.default) ?? pipelines.data?.[0];
  if (!admin) return <Alert color="yellow">{t('errors.forbidden')}</Alert>;

  const createPipeline = async () => {
    setError(null);
    try {
      const res = await create.mutateAsync({ name: newName.trim(), stages: [{ name: firstStage.trim(), probability: 10 }] });
      notifications.show({ color: 'green', message: t('pipelinesSettings.created', { name: res.data.name }) });
      setSelected(res.data.id);
      setNewName('');
      setFirstStage('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('pipelinesSettings.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('pipelinesSettings.help')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('pipelinesSettings.title')}
          data={(pipelines.data ?? []).map((p) => ({
            value: p.id,
            label: p.default ? `${p.name} (${t('pipelinesSettings.default')})` : p.name,
          }))}
          value={current?.id ?? null}
          onChange={setSelected}
          allowDeselect={false}
          w={260}
        />
      </Group>
      {current && <PipelineStages pipeline={current} />}
      <Paper withBorder p="md" component="section" aria-labelledby="new-pipeline">
        <Title order={3} size="h5" id="new-pipeline" mb="xs">
          {t('pipelinesSettings.newPipeline')}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t('pipelinesSettings.pipelineName')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('pipelinesSettings.firstStage')}
            value={firstStage}
            onChange={(e) => setFirstStage(e.currentTarget.value)}
            required
          />
          <Button onClick={() => void createPipeline()} loading={create.isPending} disabled={!newName.trim() || !firstStage.trim()}>
            {t('pipelinesSettings.create')}
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {error}
          </Text>
        )}
      </Paper>
      <LossReasons />
      <ContactRoleOptions />
    </Stack>
  );
}

function PipelineStages({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const [name, setName] = useState(pipeline.name);
  const [stageName, setStageName] = useState('');
  const [probability, setProbability] = useState<number | string>(50);
  const [removing, setRemoving] = useState<Stage | null>(null);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = usePipelineChange((fn: () => Promise<unknown>) => fn());
  useEffect(() => setName(pipeline.name), [pipeline.name]);
  const stages = [...pipeline.stages].sort((a, b) => a.order - b.order);
  const open = stages.filter((s) => s.kind === 'open');

  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setError(null);
    try {
      await change.mutateAsync(fn);
      if (ok) notifications.show({ color: 'green', message: ok });
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    }
  };
  const swap = (s: Stage, step: -1 | 1) => {
    const i = open.indexOf(s);
    const other = open[i + step];
    if (other) void run(() => pipelineApi.updateStage(pipeline.id, s.id, { order: other.order }));
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pipeline-stages">
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput label={t('pipelinesSettings.pipelineName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            disabled={!name.trim() || name === pipeline.name}
            onClick={() => void run(() => pipelineApi.rename(pipeline.id, name.trim()), t('pipelinesSettings.saved'))}
          >
            {t('pipelinesSettings.rename')}
          </Button>
          {pipeline.default && <Badge>{t('pipelinesSettings.default')}</Badge>}
        </Group>
        <Title order={3} size="h5" id="pipeline-stages">
          {t('pipelinesSettings.stages', { name: pipeline.name })}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby="pipeline-stages">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pipelinesSettings.stageName')}</Table.Th>
                <Table.Th>{t('pipelinesSettings.probability')}</Table.Th>
                <Table.Th>{t('pipelinesSettings.kind')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stages.map((s) => (
                <StageRow
                  key={`${s.id}-${s.name}-${s.probability}`}
                  stage={s}
                  busy={change.isPending}
                  onSave={(patch) => run(() => pipelineApi.updateStage(pipeline.id, s.id, patch), t('pipelinesSettings.saved'))}
                  extra={
                    s.kind === 'open' ? (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('pipelinesSettings.moveUp', { name: s.name })}
                          disabled={open[0] === s}
                          onClick={() => swap(s, -1)}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('pipelinesSettings.moveDown', { name: s.name })}
                          disabled={open[open.length - 1] === s}
                          onClick={() => swap(s, 1)}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('pipelinesSettings.removeStage', { name: s.name })}
                          disabled={open.length <= 1}
                          onClick={() => {
                            setMoveTo(stages.find((x) => x.id !== s.id)?.id ?? null);
                            setRemoving(s);
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('pipelinesSettings.fixed')}
                      </Text>
                    )
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group align="flex-end">
          <TextInput label={t('pipelinesSettings.newStageName')} value={stageName} onChange={(e) => setStageName(e.currentTarget.value)} />
          <NumberInput
            label={t('pipelinesSettings.newStageProbability')}
            value={probability}
            onChange={setProbability}
            min={0}
            max={100}
            w={200}
          />
          <Button
            disabled={!stageName.trim()}
            loading={change.isPending}
            onClick={async () => {
              const n = stageName.trim();
              if (
                await run(
                  () => pipelineApi.addStage(pipeline.id, { name: n, probability: Number(probability) || 0 }),
                  t('pipelinesSettings.stageAdded', { name: n }),
                )
              )
                setStageName('');
            }}
          >
            {t('pipelinesSettings.addStage')}
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? t('pipelinesSettings.removeTitle', { name: removing.name }) : ''}
      >
        <Stack>
          <Text size="sm">{t('pipelinesSettings.removeHelp')}</Text>
          <Select
            label={t('pipelinesSettings.moveTo')}
            data={stages.filter((x) => x.id !== removing?.id).map((x) => ({ value: x.id, label: x.name }))}
            value={moveTo}
            onChange={setMoveTo}
            allowDeselect={false}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!moveTo}
              onClick={async () => {
                const s = removing;
                setRemoving(null);
                if (s && moveTo) await run(() => pipelineApi.removeStage(pipeline.id, s.id, moveTo), t('pipelinesSettings.removed'));
              }}
            >
              {t('pipelinesSettings.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Editable list of options, one per line. */
function OptionsEditor({
  title,
  help,
  value,
  onSave,
  saving,
}: {
  title: string;
  help: string;
  value: string[];
  onSave: (v: string[]) => Promise<void>;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.join('\n'));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value.join('\n')), [value]);
  const id = `options-${title.replace(/\W/g, '')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {help}
      </Text>
      <Textarea
        label={`${title} (${t('pipelinesSettings.optionsLabel')})`}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={4}
      />
      <Group mt="xs">
        <Button
          loading={saving}
          onClick={async () => {
            setError(null);
            try {
              await onSave(
                text
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              );
              notifications.show({ color: 'green', message: t('pipelinesSettings.saved') });
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          {t('pipelinesSettings.saveOptions', { name: title })}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert" mt="xs">
          {error}
        </Text>
      )}
    </Paper>
  );
}

/** The deals' lossReason picklist: options removed here are retired (deals keep their value). */
function LossReasons() {
  const { t } = useTranslation();
  const fields = useFields('deals');
  const update = useUpdateField('deals');
  const field = fields.data?.find((f) => f.apiName === 'lossReason');
  if (!field) return null;
  const live = (field.options ?? []).filter((o) => !o.retired).map((o) => o.value);
  const save = async (values: string[]) => {
    const kept = new Set(values);
    const retired = (field.options ?? []).filter((o) => !kept.has(o.value)).map((o) => ({ value: o.value, label: o.label, retired: true }));
    const options = [...values.map((v) => ({ value: v, label: (field.options ?? []).find((o) => o.value === v)?.label ?? v })), ...retired];
    await update.mutateAsync({ apiName: 'lossReason', patch: { options } as never });
  };
  return (
    <OptionsEditor
      title={t('pipelinesSettings.lossReasons')}
      help={t('pipelinesSettings.lossReasonsHelp')}
      value={live}
      onSave={save}
      saving={update.isPending}
    />
  );
}

function ContactRoleOptions() {
  const { t } = useTranslation();
  const options = useContactRoleOptions();
  const save = useSaveContactRoleOptions();
  if (!options.data) return null;
  return (
    <OptionsEditor
      title={t('pipelinesSettings.contactRoles')}
      help={t('pipelinesSettings.contactRolesHelp')}
      value={options.data}
      onSave={async (v) => {
        await save.mutateAsync(v);
      }}
      saving={save.isPending}
    />
  );
}
