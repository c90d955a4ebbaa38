import { ActionIcon, Badge, Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantInput } from '../../hooks/api/calendar';
import { useUsers } from '../../hooks/api/users';
import { LookupInput } from '../record-form/LookupInput';

/** A participant as the form holds it: what the API takes, plus a name to show. */
export type ParticipantChoice = ParticipantInput & { label: string };

type Kind = 'user' | 'contact' | 'lead' | 'email';
const MODULE_OF = { contact: 'contacts', lead: 'leads' } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const keyOf = (p: ParticipantInput) => ('email' in p ? `email:${p.email.toLowerCase()}` : `${p.type}:${p.id}`);

/** Pick the people of a meeting: users, contacts, leads, or plain email addresses. */
export function ParticipantsInput({
  value,
  onChange,
  error,
}: {
  value: ParticipantChoice[];
  onChange: (v: ParticipantChoice[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const [kind, setKind] = useState<Kind>('contact');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);

  const add = (p: ParticipantChoice) => {
    if (value.some((v) => keyOf(v) === keyOf(p))) return;
    onChange([...value, p]);
  };
  const addEmail = () => {
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setEmailError(t('meetings.participants.badEmail'));
      return;
    }
    setEmailError(null);
    add({ email: address, label: address });
    setEmail('');
  };

  return (
    <Fieldset legend={t('meetings.participants.legend')} variant="unstyled">
      <Stack gap="xs">
        {value.length > 0 && (
          <Group
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('meetings.participants.chosen')}
          >
            {value.map((p) => (
              <li key={keyOf(p)}>
                <Badge
                  variant="light"
                  size="lg"
                  tt="none"
                  rightSection={
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      aria-label={t('meetings.participants.remove', { name: p.label })}
                      onClick={() => onChange(value.filter((v) => keyOf(v) !== keyOf(p)))}
                    >
                      <IconX size={12} aria-hidden />
                    </ActionIcon>
                  }
                >
                  {p.label} · {t(`meetings.participants.kind.${'email' in p ? 'email' : p.type}`)}
                </Badge>
              </li>
            ))}
          </Group>
        )}
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('meetings.participants.kindLabel')}
            data={(['contact', 'lead', 'user', 'email'] as const).map((k) => ({ value: k, label: t(`meetings.participants.kind.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(k) => setKind((k as Kind) ?? 'contact')}
            w={140}
          />
          {(kind === 'contact' || kind === 'lead') && (
            <div style={{ flex: 1, minWidth: 200 }}>
              <LookupInput
                key={kind}
                label={t(`meetings.participants.pick.${kind}`)}
                module={MODULE_OF[kind]}
                value={null}
                onChange={(v) => v && add({ type: kind, id: v.id, label: v.name ?? v.id })}
              />
            </div>
          )}
          {kind === 'user' && (
            <Select
              label={t('meetings.participants.pick.user')}
              searchable
              style={{ flex: 1, minWidth: 200 }}
              data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
              value={null}
              onChange={(id, option) => id && add({ type: 'user', id, label: option?.label ?? id })}
            />
          )}
          {kind === 'email' && (
            <>
              <TextInput
                label={t('meetings.participants.pick.email')}
                type="email"
                value={email}
                error={emailError}
                style={{ flex: 1, minWidth: 200 }}
                onChange={(e) => setEmail(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addEmail();
                  }
                }}
              />
              <Button variant="default" onClick={addEmail}>
                {t('meetings.participants.addEmail')}
              </Button>
            </>
          )}
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
