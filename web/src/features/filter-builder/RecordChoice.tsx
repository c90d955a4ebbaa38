import { useState } from 'react';
import { useModule } from '../../hooks/api/modules';
import { useRecord } from '../../hooks/api/records';
import { recordName } from '../../lib/record-name';
import { LookupInput } from '../record-form/LookupInput';

interface Props {
  label: string;
  /** The module the lookup field points at. */
  module: string;
  /** The chosen record's id (what the filter language compares), or null. */
  id: string | null;
  onChange: (id: string | null) => void;
}

/**
 * A lookup field's filter value: a record chosen by typing its name, held as its id. A saved
 * view brings only the id, so the name is read from the record once.
 */
export function RecordChoice({ label, module, id, onChange }: Props) {
  const [picked, setPicked] = useState<{ id: string; name: string | null } | null>(null);
  const known = picked && picked.id === id ? picked : null;
  const target = useModule(module);
  const record = useRecord(id && !known ? module : undefined, id && !known ? id : undefined);
  const name = known?.name ?? recordName(record.data, target.data?.recordName) ?? null;
  const loadingName = Boolean(id && !known && record.isPending);
  return (
    <LookupInput
      // The typeahead starts from the name; remount once a saved view's record name is known.
      key={loadingName ? 'loading' : `ready-${id ?? ''}`}
      label={label}
      module={module}
      value={id ? { id, name } : null}
      onChange={(v) => {
        setPicked(v);
        onChange(v?.id ?? null);
      }}
    />
  );
}
