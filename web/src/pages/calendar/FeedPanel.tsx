import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useCalendarFeed, useCreateFeed, useRevokeFeed } from '../../hooks/api/calendar';
import { useFormat } from '../../i18n/use-format';

/** The user's private iCalendar feed: make, rotate or revoke its URL (shown once, when made). */
export function FeedPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const feed = useCalendarFeed();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const make = () => create.mutate(undefined, { onSuccess: (d) => setUrl(d.url) });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="calendar-feed-title">
          {t('calendarPage.feed.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('calendarPage.feed.help')}
        </Text>
        {url && (
          <Alert color="blue" title={t('calendarPage.feed.urlTitle')}>
            <Stack gap="xs">
              <Code block aria-label={t('calendarPage.feed.urlLabel')}>
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('calendarPage.feed.copied') : t('calendarPage.feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
        {(create.isError || revoke.isError) && (
          <Alert color="red" role="alert">
            {t('errors.unexpected')}
          </Alert>
        )}
        <Group>
          {feed.data ? (
            <>
              <Text size="sm">{t('calendarPage.feed.active', { date: fmt.dateTime(feed.data.createdAt) })}</Text>
              <Button variant="default" onClick={make} loading={create.isPending}>
                {t('calendarPage.feed.rotate')}
              </Button>
              <ConfirmButton
                variant="light"
                label={t('calendarPage.feed.revoke')}
                title={t('calendarPage.feed.revokeTitle')}
                message={t('calendarPage.feed.revokeMessage')}
                confirmLabel={t('calendarPage.feed.revokeConfirm')}
                onConfirm={() => revoke.mutateAsync().then(() => setUrl(null))}
              />
            </>
          ) : (
            <Button onClick={make} loading={create.isPending || feed.isPending}>
              {t('calendarPage.feed.create')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
