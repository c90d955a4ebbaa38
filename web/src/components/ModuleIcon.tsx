import {
  IconAddressBook,
  IconBox,
  IconBuilding,
  IconCalendarEvent,
  IconChecklist,
  IconCoin,
  IconNote,
  IconPhoneCall,
  IconTargetArrow,
} from '@tabler/icons-react';

const ICONS: Record<string, typeof IconBox> = {
  leads: IconTargetArrow,
  contacts: IconAddressBook,
  accounts: IconBuilding,
  deals: IconCoin,
  tasks: IconChecklist,
  events: IconCalendarEvent,
  calls: IconPhoneCall,
  notes: IconNote,
};

/** A module's icon (custom modules share one); decorative, so hidden from screen readers. */
export function ModuleIcon({ module, size = 18 }: { module: string; size?: number }) {
  const Icon = ICONS[module] ?? IconBox;
  return <Icon size={size} stroke={1.6} aria-hidden />;
}
