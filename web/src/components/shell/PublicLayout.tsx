import { Box, Center, Container, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguagePicker } from './LanguagePicker';
import { ThemeToggle } from './ThemeToggle';

/** Sign-in and first-run setup: a centred card, with language and theme at hand. */
export default function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group component="header" justify="space-between" p="md" align="flex-end">
        <Text fw={700} size="xl" c="blue">
          {t('app.name')}
        </Text>
        <Group align="flex-end" gap="sm">
          <LanguagePicker />
          <ThemeToggle />
        </Group>
      </Group>
      <Center component="main" id="main" px="md" pb="xl">
        <Container size={520} w="100%">
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Outlet />
          </Paper>
        </Container>
      </Center>
    </Box>
  );
}
