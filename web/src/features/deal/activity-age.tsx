import { Badge, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whole days since an instant (0 today); null when there never was one. */
export function daysSince(at: string | null | undefined, now = Date.now()): number | null {
  if (!at) return null;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? Math.max(0, Math.floor((now - ms) / 86_400_000)) : null;
}

/** The colour cue by age (SPEC [CONT-1]): fresh within a week, ageing within a month, then stale. */
export function ageColor(days: number | null): MantineColor {
  if (days === null) return 'gray';
  if (days < 7) return 'green';
  if (days < 30) return 'yellow';
  return 'red';
}

/**
 * "3 days since last activity" as a badge with a coloured dot (text, not colour alone, carries the
 * meaning; the text stays in the body colour: light green, yellow or red badge text on its tint is
 * below the 4.5:1 contrast small text needs).
 */
export function ActivityAge({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation();
  const days = daysSince(at);
  return (
    <Badge color={ageColor(days)} variant="dot" size="sm" title={t('salesBoard.lastActivityHint')}>
      {days === null ? t('salesBoard.noActivity') : t('salesBoard.daysSince', { count: days })}
    </Badge>
  );
}

/** A last-activity date with its cue, wherever records show `lastActivityAt` (lists, pages). */
export function LastActivityValue({ at, text }: { at: string; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" component="span" style={{ display: 'inline-flex' }}>
      <span>{text}</span>
      <ActivityAge at={at} />
    </Group>
  );
}
