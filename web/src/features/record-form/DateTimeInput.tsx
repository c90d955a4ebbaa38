import { TextInput, type TextInputProps } from '@mantine/core';
import { useFormatSettings } from '../../i18n/use-format';
import { fromZonedInput, toZonedInput } from '../meetings/zoned-time';
import { isIsoInstant } from './form-model';

export interface DateTimeInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** The instant, ISO 8601 UTC, or '' when empty. */
  value: string;
  onChange: (iso: string) => void;
}

/**
 * A date-time picker on the wall clock of the signed-in user's time zone (their setting, not the
 * browser's: a Berlin sales rep travelling in New York still types Berlin times). The form holds
 * the instant, so nothing downstream needs to know about zones.
 */
export function DateTimeInput({ value, onChange, ...rest }: DateTimeInputProps) {
  const { timeZone } = useFormatSettings();
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const shown = value && isIsoInstant(value) ? toZonedInput(value, zone) : '';
  return (
    <TextInput
      {...rest}
      type="datetime-local"
      value={shown}
      onChange={(e) => onChange(fromZonedInput(e.currentTarget.value, zone) ?? '')}
    />
  );
}
