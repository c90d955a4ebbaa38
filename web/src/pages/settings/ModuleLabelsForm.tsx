import { Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { serverErrorMessage } from '../../features/record-form/server-error';

export interface ModuleLabels {
  label: string;
  singularLabel: string;
}

// Both labels are required, and each input's label is the i18n key of the same name.
const KEYS = ['label', 'singularLabel'] as const;

/**
 * A module's plural and singular labels, as one titled form: both are required (checked here, so
 * an empty one is named before any request), and a server refusal shows under the label it names.
 * Creating and renaming a module differ only in what `onSave` does and what sits beside the button.
 */
export function ModuleLabelsForm({
  titleId,
  title,
  submitLabel,
  initial,
  pending,
  onSave,
  clearOnSave = false,
  mb,
  children,
}: {
  titleId: string;
  title: string;
  submitLabel: string;
  initial: ModuleLabels;
  pending: boolean;
  /** Saves the trimmed labels; a rejection is shown on the form. */
  onSave: (labels: ModuleLabels) => Promise<void>;
  /** Empty the inputs after a save (a new-module form is ready for the next one). */
  clearOnSave?: boolean;
  mb?: string;
  /** More buttons after the submit button. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState<ModuleLabels>({ label: initial.label, singularLabel: initial.singularLabel });
  const [errors, setErrors] = useState<Partial<ModuleLabels>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<ModuleLabels> = {};
    for (const key of KEYS) if (!labels[key].trim()) found[key] = t('form.errors.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await onSave({ label: labels.label.trim(), singularLabel: labels.singularLabel.trim() });
      if (clearOnSave) setLabels({ label: '', singularLabel: '' });
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'singularLabel' ? 'singularLabel' : 'label';
      setErrors({ [field]: serverErrorMessage(t, err) });
    }
  };

  return (
    <Paper withBorder p="md" mb={mb} component="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} mb="sm">
        {title}
      </Title>
      <Group align="flex-start">
        {KEYS.map((key) => (
          <TextInput
            key={key}
            label={t(`settings.modules.${key}`)}
            required
            value={labels[key]}
            onChange={(e) => setLabels({ ...labels, [key]: e.currentTarget.value })}
            error={errors[key]}
          />
        ))}
        <Button type="submit" mt={24} loading={pending}>
          {submitLabel}
        </Button>
        {children}
      </Group>
    </Paper>
  );
}
