import { Badge, Button, Group, Paper, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CrmRecord, Field } from '../../api/types';
import { useUpdateRecord } from '../../hooks/api/records';
import { type Stage, usePipelines } from '../../hooks/api/sales';
import { LossReasonDialog } from './LossReasonDialog';

const CLOSE_LABEL = { won: 'dealPanel.markWon', lost: 'dealPanel.markLost', unqualified: 'dealPanel.markUnqualified' } as const;

/**
 * The deal's pipeline as steps (SPEC [DEAL-3] "stage path"): click an open stage to move there;
 * the closed stages are buttons — Lost and Unqualified ask for the loss reason first.
 */
export function StagePath({ deal, lossReason }: { deal: CrmRecord; lossReason?: Field }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const update = useUpdateRecord('deals', deal.id);
  const [closing, setClosing] = useState<Stage | null>(null);
  const pipeline = pipelines.data?.find((p) => p.name === deal.pipeline) ?? pipelines.data?.find((p) => p.default);
  if (!pipeline) return null;
  const stages = [...pipeline.stages].sort((a, b) => a.order - b.order);
  const open = stages.filter((s) => s.kind === 'open');
  const closed = stages.filter((s) => s.kind !== 'open');
  const currentIndex = open.findIndex((s) => s.name === deal.stage);

  const move = async (stage: Stage, extra: Record<string, unknown> = {}) => {
    try {
      await update.mutateAsync({ values: { stage: stage.name, ...extra } });
      notifications.show({ color: 'green', message: t('dealPanel.moved', { stage: stage.name }) });
    } catch (err) {
      notifications.show({ color: 'red', title: t('dealPanel.moveFailed'), message: err instanceof ApiError ? err.message : '' });
    }
  };
  const pick = (stage: Stage) => {
    if (stage.name === deal.stage) return;
    if ((stage.kind === 'lost' || stage.kind === 'unqualified') && lossReason) {
      setClosing(stage);
    } else void move(stage);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deal-stage-path">
      <Title order={2} size="h4" id="deal-stage-path" mb="sm">
        {t('dealPanel.stagePath')}
      </Title>
      <Group gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} wrap="wrap">
        {open.map((s, i) => {
          const current = s.name === deal.stage;
          const done = currentIndex >= 0 && i < currentIndex;
          return (
            <li key={s.id}>
              <UnstyledButton
                onClick={() => pick(s)}
                aria-current={current ? 'step' : undefined}
                aria-label={current ? `${s.name} (${t('dealPanel.currentStage')})` : t('dealPanel.moveToStage', { stage: s.name })}
                disabled={update.isPending}
                px="sm"
                py={6}
                style={{
                  borderRadius: 4,
                  background: current
                    ? 'var(--mantine-color-blue-filled)'
                    : done
                      ? 'var(--mantine-color-blue-light)'
                      : 'var(--mantine-color-default-hover)',
                  color: current ? 'var(--mantine-color-white)' : undefined,
                }}
              >
                <Group gap={4} wrap="nowrap">
                  {done && <IconCheck size={14} aria-hidden />}
                  <Text size="sm" fw={current ? 700 : 400}>
                    {s.name}
                  </Text>
                  <Text size="xs" c={current ? undefined : 'dimmed'}>
                    {s.probability}%
                  </Text>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Group>
      <Group gap="xs" mt="sm">
        {closed.map((s) =>
          s.name === deal.stage ? (
            <Badge
              key={s.id}
              size="lg"
              color="dark"
              leftSection={s.kind === 'won' ? <IconCheck size={14} aria-hidden /> : undefined}
              aria-current="step"
            >
              {s.name}
            </Badge>
          ) : (
            <Button
              key={s.id}
              size="xs"
              variant={s.kind === 'won' ? 'filled' : 'default'}
              color={s.kind === 'won' ? 'green' : undefined}
              onClick={() => pick(s)}
              loading={update.isPending}
              aria-label={
                closed.filter((x) => x.kind === s.kind).length > 1
                  ? `${t(CLOSE_LABEL[s.kind as keyof typeof CLOSE_LABEL])}: ${s.name}`
                  : undefined
              }
            >
              {s.kind in CLOSE_LABEL && closed.filter((x) => x.kind === s.kind).length === 1
                ? t(CLOSE_LABEL[s.kind as keyof typeof CLOSE_LABEL])
                : s.name}
            </Button>
          ),
        )}
      </Group>
      <LossReasonDialog
        opened={closing !== null}
        title={closing ? t('dealPanel.closeTitle', { stage: closing.name }) : ''}
        field={lossReason}
        initial={(deal.lossReason as string | null) ?? null}
        confirmLabel={t('dealPanel.confirm')}
        onCancel={() => setClosing(null)}
        onConfirm={(reason) => {
          const s = closing;
          setClosing(null);
          if (s) void move(s, { lossReason: reason });
        }}
      />
    </Paper>
  );
}
