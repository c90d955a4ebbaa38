import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** An error no page handled — most often a new version was deployed and an old chunk is gone. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Center h="100vh" component="main">
      <Stack align="center" maw={480} p="md">
        <Title order={1} size="h2">
          {t('errors.pageFailed.title')}
        </Title>
        <Text ta="center">{t('errors.pageFailed.body')}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Stack>
    </Center>
  );
}
