import { Anchor, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTransform } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import type { CrmRecord } from '../../api/types';
import { type ConvertRequest, useConvertLead, usePipelines } from '../../hooks/api/sales';
import type { LookupValue } from '../record-form/form-model';
import { LookupInput } from '../record-form/LookupInput';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * "Convert" on a lead's page (SPEC [LEAD-2]): pick an account and a contact or let the server
 * match them (company name, email) or create them, optionally create a deal; then go to what
 * the lead became (the deal, else the contact).
 */
export function ConvertLeadButton({ lead, name }: { lead: CrmRecord; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pipelines = usePipelines();
  const convert = useConvertLead();
  const [open, setOpen] = useState(false);
  const [account, setAccount] = useState<LookupValue | null>(null);
  const [contact, setContact] = useState<LookupValue | null>(null);
  const [withDeal, setWithDeal] = useState(false);
  const [dealName, setDealName] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [pipeline, setPipeline] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [closingDate, setClosingDate] = useState(inAMonth);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const defaultPipeline = pipelines.data?.find((p) => p.default)?.name ?? null;
  const chosenPipeline = pipeline ?? defaultPipeline;
  const stages = pipelines.data?.find((p) => p.name === chosenPipeline)?.stages.filter((s) => s.kind === 'open') ?? [];
  const chosenStage = stage ?? stages[0]?.name ?? null;

  const start = () => {
    setDealName((lead.company as string | null) || name);
    setError(null);
    setOpen(true);
  };
  const submit = async () => {
    setError(null);
    const body: ConvertRequest = {
      ...(account ? { account: { id: account.id } } : {}),
      ...(contact ? { contact: { id: contact.id } } : {}),
      ...(withDeal
        ? {
            deal: {
              dealName: dealName.trim() || undefined,
              amount: amount === '' ? null : Number(amount),
              pipeline: chosenPipeline ?? undefined,
              stage: chosenStage ?? undefined,
              closingDate,
            },
          }
        : {}),
    };
    try {
      const result = await convert.mutateAsync({ id: lead.id, body });
      notifications.show({ color: 'green', message: t('convertLead.done') });
      setOpen(false);
      navigate(result.deal ? `/m/deals/${result.deal.id}` : `/m/contacts/${result.contact.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field } : { message: t('errors.unexpected') });
    }
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <>
      <Button leftSection={<IconTransform size={16} aria-hidden />} onClick={start}>
        {t('convertLead.button')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={open}
        onClose={() => !convert.isPending && setOpen(false)}
        title={t('convertLead.title', { name })}
        size="lg"
      >
        <Stack>
          <Text size="sm">{t('convertLead.intro')}</Text>
          <LookupInput
            label={t('convertLead.account')}
            module="accounts"
            value={account}
            onChange={setAccount}
            description={t('convertLead.accountHelp')}
          />
          <LookupInput
            label={t('convertLead.contact')}
            module="contacts"
            value={contact}
            onChange={setContact}
            description={t('convertLead.contactHelp')}
          />
          <Checkbox label={t('convertLead.createDeal')} checked={withDeal} onChange={(e) => setWithDeal(e.currentTarget.checked)} />
          {withDeal && (
            <>
              <TextInput
                label={t('convertLead.dealName')}
                value={dealName}
                onChange={(e) => setDealName(e.currentTarget.value)}
                error={fieldError('dealName')}
              />
              <NumberInput
                label={t('convertLead.amount')}
                value={amount}
                onChange={setAmount}
                min={0}
                decimalScale={2}
                error={fieldError('amount')}
              />
              <Group grow>
                <Select
                  label={t('convertLead.pipeline')}
                  data={(pipelines.data ?? []).map((p) => ({ value: p.name, label: p.name }))}
                  value={chosenPipeline}
                  onChange={(v) => {
                    setPipeline(v);
                    setStage(null);
                  }}
                  allowDeselect={false}
                  error={fieldError('pipeline')}
                />
                <Select
                  label={t('convertLead.stage')}
                  data={stages.map((s) => ({ value: s.name, label: s.name }))}
                  value={chosenStage}
                  onChange={setStage}
                  allowDeselect={false}
                  error={fieldError('stage')}
                />
              </Group>
              <TextInput
                type="date"
                label={t('convertLead.closingDate')}
                value={closingDate}
                onChange={(e) => setClosingDate(e.currentTarget.value)}
                required
                error={fieldError('closingDate')}
              />
            </>
          )}
          {error && !['dealName', 'amount', 'pipeline', 'stage', 'closingDate'].includes(error.field ?? '') && (
            <Text c="red" size="sm" role="alert">
              {t('convertLead.failed')}: {error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} disabled={convert.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={convert.isPending}>
              {t('convertLead.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** On a converted lead: links to what it became. */
export function ConvertedLinks({ lead }: { lead: CrmRecord }) {
  const { t } = useTranslation();
  const links = (
    [
      ['contacts', lead.convertedContact],
      ['accounts', lead.convertedAccount],
      ['deals', lead.convertedDeal],
    ] as const
  ).filter(([, v]) => v && typeof v === 'object') as [string, { id: string; name?: string | null }][];
  if (links.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm">{t('convertLead.convertedTo')}:</Text>
      {links.map(([m, v]) => (
        <Anchor key={m} component={Link} to={`/m/${m}/${v.id}`} size="sm">
          {v.name ?? v.id}
        </Anchor>
      ))}
    </Group>
  );
}
