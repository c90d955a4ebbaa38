export { CompleteTaskButton } from './CompleteTaskButton';
export { isoToLocalInput, offsetOf, REMINDER_OFFSETS, reminderAtFor } from './reminder-offsets';
export { TaskSchedulePanel } from './TaskSchedulePanel';
