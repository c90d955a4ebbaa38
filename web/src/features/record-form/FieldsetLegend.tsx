import { Input } from '@mantine/core';
import type { ReactNode } from 'react';

/** A fieldset's legend that looks like the other inputs' labels, with the same required marker. */
export function FieldsetLegend({ children, required }: { children: ReactNode; required?: boolean }) {
  return (
    <Input.Label component="span" required={required} style={{ cursor: 'default' }}>
      {children}
    </Input.Label>
  );
}
