// A calendar date (YYYY-MM-DD) within years every part of the stack reads the same way: Postgres has
// no year 0, and dates near year 9999 turn into six-digit years as soon as a day is added.
import { z } from 'zod';

export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

export const calendarDay = z.iso
  .date('must be a date (YYYY-MM-DD)')
  .refine((day) => time(day) >= time(FIRST_DAY) && time(day) <= time(LAST_DAY), {
    message: `must be a date between ${FIRST_DAY} and ${LAST_DAY}`,
  });
