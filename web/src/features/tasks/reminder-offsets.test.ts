import { describe, expect, it } from 'vitest';
import { offsetOf, reminderAtFor } from './reminder-offsets';

describe('reminder offsets', () => {
  it('turns a choice into the instant before the due time and back', () => {
    const due = '2030-05-01T09:00:00.000Z';
    expect(reminderAtFor(due, 'atDue')).toBe(due);
    expect(reminderAtFor(due, 'min15')).toBe('2030-05-01T08:45:00.000Z');
    expect(reminderAtFor(due, 'week1')).toBe('2030-04-24T09:00:00.000Z');
    expect(offsetOf(due, '2030-04-30T09:00:00.000Z')).toBe('day1');
    expect(offsetOf(due, '2030-04-30T09:01:00.000Z')).toBe('custom');
    expect(offsetOf(due, null)).toBe('none');
  });
});
