import { Notification } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { renderInApp } from '../test/render';

describe('the theme', () => {
  it("names every toast's close button, in the current language", async () => {
    await setLanguage('en');
    const { unmount } = renderInApp(<Notification title="Reminder">Call Grace back</Notification>);
    expect(await screen.findByRole('button', { name: 'Close' })).toBeInTheDocument();
    unmount();
    await setLanguage('ru');
    renderInApp(<Notification title="Напоминание">Позвонить</Notification>);
    expect(await screen.findByRole('button', { name: 'Закрыть' })).toBeInTheDocument();
    await setLanguage('en');
  });
});
