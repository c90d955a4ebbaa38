import { type CSSVariablesResolver, createTheme, Notification } from '@mantine/core';
import { i18n } from '../i18n';

/** The Mantine theme: system fonts (no downloads), one primary colour, visible focus rings. */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8: white text on filled buttons passes WCAG AA contrast (shade 6–7 does not).
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Toasts: a close button screen readers can name, and description text in the readable grey
    // rather than Mantine's 3.3:1 default. The label is a getter so that it is read, in the current
    // language, each time a toast is drawn (the theme itself is made once).
    Notification: Notification.extend({
      defaultProps: {
        closeButtonProps: {
          get 'aria-label'() {
            return i18n.t('common.close');
          },
        },
      },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

/**
 * Mantine's default "dimmed" grey and error red are below the 4.5:1 contrast WCAG AA asks of body text; one
 * shade darker (lighter in dark mode) passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-8)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', '--mantine-color-error': 'var(--mantine-color-red-4)' },
});
