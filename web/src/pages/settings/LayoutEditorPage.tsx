import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconX } from '@tabler/icons-react';
import { type DragEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Field, Layout } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useUpdateLayout } from '../../hooks/api/module-admin';
import { useFields, useLayouts, useModule } from '../../hooks/api/modules';
import { fieldLabel, moduleLabel } from '../../i18n/labels';
import NotFoundPage from '../not-found/NotFoundPage';
import {
  addSection,
  moveSection,
  placeField,
  removeField,
  removeSection,
  renameSection,
  type Sections,
  stepField,
  unplaced,
} from './layout-model';
import { useIsAdmin } from './SettingsLayout';
import { Loading } from '../../components/Loading';

/** What is being dragged: a field (by API name) or a section (by index). */
type Drag = { kind: 'field'; field: string } | { kind: 'section'; index: number } | null;

/**
 * The layout editor: sections and the order of fields in them, for the record page and forms.
 * Fields and sections are dragged (native HTML5 drag and drop); every move also has buttons for
 * the keyboard. Nothing is saved until "Save layout".
 */
export default function LayoutEditorPage() {
  const { module: moduleName } = useParams();
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const module = useModule(moduleName);
  const fields = useFields(module.data?.apiName);
  const layouts = useLayouts(module.data?.apiName);
  const [layoutId, setLayoutId] = useState<string | null>(null);
  const layout: Layout | undefined =
    layouts.data?.find((l) => l.id === layoutId) ?? layouts.data?.find((l) => l.isDefault) ?? layouts.data?.[0];

  if (!admin) return <NotFoundPage message={t('errors.forbidden')} />;
  if (module.isPending) return <Loading />;
  if (!module.data) return <NotFoundPage message={t('notFound.module')} />;
  const m = module.data;
  return (
    <section aria-labelledby="layout-title">
      <Breadcrumbs aria-label={t('record.breadcrumbs')} mb="xs">
        <Anchor component={Link} to="/settings/modules">
          {t('settings.nav.modules')}
        </Anchor>
        <Anchor component={Link} to={`/settings/modules/${m.apiName}`}>
          {moduleLabel(t, m)}
        </Anchor>
        <Text span aria-current="page">
          {t('layoutEditor.crumb')}
        </Text>
      </Breadcrumbs>
      <Title order={2} id="layout-title" mb="sm">
        {t('layoutEditor.title', { name: moduleLabel(t, m) })}
      </Title>
      {fields.isPending || layouts.isPending ? (
        <Loading />
      ) : fields.isError || layouts.isError || !layout ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : (
        <>
          {(layouts.data?.length ?? 0) > 1 && (
            <Select
              label={t('layoutEditor.layout')}
              data={(layouts.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              value={layout.id}
              onChange={(v) => setLayoutId(v)}
              allowDeselect={false}
              mb="sm"
              w={280}
            />
          )}
          <LayoutEditor key={layout.id} module={m.apiName} layout={layout} fields={fields.data.filter((f) => !f.system)} />
        </>
      )}
    </section>
  );
}

function LayoutEditor({ module, layout, fields }: { module: string; layout: Layout; fields: Field[] }) {
  const { t } = useTranslation();
  const save = useUpdateLayout(module);
  const [sections, setSections] = useState<Sections>(layout.sections);
  const [drag, setDrag] = useState<Drag>(null);
  const [error, setError] = useState<string | null>(null);
  // A saved layout from the server (after Save or another admin's change) resets the draft.
  useEffect(() => setSections(layout.sections), [layout.sections]);
  const byName = useMemo(() => new Map(fields.map((f) => [f.apiName, f])), [fields]);
  const labelOf = (name: string) => {
    const f = byName.get(name);
    return f ? fieldLabel(t, module, f) : name;
  };
  const loose = unplaced(
    sections,
    fields.map((f) => f.apiName),
  );
  const dirty = JSON.stringify(sections) !== JSON.stringify(layout.sections);
  const titlesMissing = sections.some((s) => !s.title.trim());

  const onSave = async () => {
    setError(null);
    if (titlesMissing) {
      setError(t('layoutEditor.titleRequired'));
      return;
    }
    try {
      await save.mutateAsync({ id: layout.id, sections: sections.map((s) => ({ title: s.title.trim(), fields: s.fields })) });
      notifications.show({ color: 'green', message: t('layoutEditor.saved') });
    } catch (err) {
      setError(serverErrorMessage(t, err));
    }
  };

  // Drop targets accept only what makes sense there; preventDefault marks the spot as a target.
  const allowField = (e: DragEvent) => {
    if (drag?.kind === 'field') e.preventDefault();
  };
  const dropField = (e: DragEvent, section: number, index?: number) => {
    if (drag?.kind !== 'field') return;
    e.preventDefault();
    e.stopPropagation();
    setSections((s) => placeField(s, drag.field, section, index));
    setDrag(null);
  };
  const startField = (e: DragEvent, field: string) => {
    e.stopPropagation();
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', field);
    setDrag({ kind: 'field', field });
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('layoutEditor.help')}
      </Text>
      {sections.map((section, si) => (
        <Paper
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are positional; titles may repeat or be empty while typing
          key={si}
          withBorder
          p="sm"
          component="section"
          aria-label={t('layoutEditor.sectionName', { name: section.title || si + 1 })}
          data-testid="layout-section"
          onDragOver={(e: DragEvent) => {
            if (drag) e.preventDefault();
          }}
          onDrop={(e: DragEvent) => {
            if (drag?.kind === 'section') {
              e.preventDefault();
              setSections((s) => moveSection(s, drag.index, si));
              setDrag(null);
            } else dropField(e, si);
          }}
        >
          <Group gap="xs" align="flex-end" mb="xs" wrap="nowrap">
            <Box
              component="span"
              draggable
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', `section:${si}`);
                setDrag({ kind: 'section', index: si });
              }}
              onDragEnd={() => setDrag(null)}
              title={t('layoutEditor.dragSection')}
              style={{ cursor: 'grab', paddingBottom: 6 }}
              data-testid="section-handle"
            >
              <IconGripVertical size={18} aria-hidden />
            </Box>
            <TextInput
              label={t('layoutEditor.sectionTitle', { n: si + 1 })}
              value={section.title}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setSections((s) => renameSection(s, si, v));
              }}
              required
              error={!section.title.trim() ? t('form.errors.required') : undefined}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t('layoutEditor.sectionUp', { name: section.title })}
              disabled={si === 0}
              onClick={() => setSections((s) => moveSection(s, si, si - 1))}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t('layoutEditor.sectionDown', { name: section.title })}
              disabled={si === sections.length - 1}
              onClick={() => setSections((s) => moveSection(s, si, si + 1))}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('layoutEditor.sectionRemove', { name: section.title })}
              disabled={sections.length <= 1}
              onClick={() => setSections((s) => removeSection(s, si))}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
          <Stack gap={4} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0, minHeight: 32 }}>
            {section.fields.length === 0 && (
              <Text component="li" size="sm" c="dimmed">
                {t('layoutEditor.emptySection')}
              </Text>
            )}
            {section.fields.map((name, fi) => {
              const label = labelOf(name);
              return (
                <Group
                  key={name}
                  component="li"
                  gap="xs"
                  wrap="nowrap"
                  draggable
                  onDragStart={(e: DragEvent) => startField(e, name)}
                  onDragEnd={() => setDrag(null)}
                  onDragOver={allowField}
                  onDrop={(e: DragEvent) => dropField(e, si, fi)}
                  data-testid="layout-field"
                  style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, padding: '2px 6px', cursor: 'grab' }}
                >
                  <IconGripVertical size={14} aria-hidden />
                  <Text size="sm" style={{ flex: 1 }}>
                    {label}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('layoutEditor.fieldUp', { name: label })}
                    disabled={si === 0 && fi === 0}
                    onClick={() => setSections((s) => stepField(s, name, -1))}
                  >
                    <IconArrowUp size={14} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('layoutEditor.fieldDown', { name: label })}
                    disabled={si === sections.length - 1 && fi === section.fields.length - 1}
                    onClick={() => setSections((s) => stepField(s, name, 1))}
                  >
                    <IconArrowDown size={14} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('layoutEditor.fieldRemove', { name: label })}
                    onClick={() => setSections((s) => removeField(s, name))}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setSections((s) => addSection(s, t('layoutEditor.newSection')))}
        >
          {t('layoutEditor.addSection')}
        </Button>
      </Group>
      <Paper
        withBorder
        p="sm"
        component="section"
        aria-labelledby="layout-unplaced"
        onDragOver={allowField}
        onDrop={(e: DragEvent) => {
          if (drag?.kind !== 'field') return;
          e.preventDefault();
          setSections((s) => removeField(s, drag.field));
          setDrag(null);
        }}
      >
        <Title order={3} size="h6" id="layout-unplaced" mb={4}>
          {t('layoutEditor.unplaced')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('layoutEditor.unplacedHelp')}
        </Text>
        <Group gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {loose.length === 0 && (
            <Text component="li" size="sm" c="dimmed">
              {t('layoutEditor.allPlaced')}
            </Text>
          )}
          {loose.map((name) => (
            <Group
              key={name}
              component="li"
              gap={4}
              draggable
              onDragStart={(e: DragEvent) => startField(e, name)}
              onDragEnd={() => setDrag(null)}
              data-testid="unplaced-field"
              style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 4, padding: '2px 6px', cursor: 'grab' }}
            >
              <Text size="sm">{labelOf(name)}</Text>
              <ActionIcon
                variant="subtle"
                aria-label={t('layoutEditor.fieldPlace', { name: labelOf(name), section: sections[sections.length - 1]?.title ?? '' })}
                onClick={() => setSections((s) => placeField(s, name, s.length - 1))}
              >
                <IconPlus size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Group>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void onSave()} loading={save.isPending} disabled={!dirty}>
          {t('layoutEditor.save')}
        </Button>
        <Button variant="default" onClick={() => setSections(layout.sections)} disabled={!dirty}>
          {t('layoutEditor.reset')}
        </Button>
      </Group>
    </Stack>
  );
}
