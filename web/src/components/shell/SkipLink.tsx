import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** The first focusable element: jumps past the header and navigation to the page's content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a className={classes.skip} href={`#${target}`}>
      {t('shell.skipToContent')}
    </a>
  );
}
