import { type ParticipantChoice, ParticipantsInput } from '../meetings/ParticipantsInput';
import type { FormParticipant } from './form-model';

/**
 * An event's `participants` in the generic record form: users, contacts, leads and plain
 * addresses. The picker is the one the meeting dialog uses (features/meetings), so both forms
 * behave alike; this adapts its values to the form's.
 */
export function ParticipantsField({
  value,
  onChange,
  error,
}: {
  value: FormParticipant[];
  onChange: (v: FormParticipant[]) => void;
  error?: string;
}) {
  const choices: ParticipantChoice[] = value.map((p) =>
    p.type === 'email' || !p.id ? { email: p.email ?? '', label: p.label } : { type: p.type, id: p.id, label: p.label },
  );
  return (
    <ParticipantsInput
      value={choices}
      error={error}
      onChange={(next) =>
        onChange(
          next.map((c) => ('email' in c ? { type: 'email', email: c.email, label: c.label } : { type: c.type, id: c.id, label: c.label })),
        )
      }
    />
  );
}
