import { catalog } from '../catalog/index.js';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar, type WorkingHours } from './calendar.js';

/**
 * The jurisdiction's working calendar: its timezone, working hours and holidays. The one place the SLA
 * code reads the jurisdiction (re-point it here when the jurisdiction folder provides these fields).
 * Without working hours: Monday to Friday, 09:00–17:00; without holidays: none.
 */
export function jurisdictionCalendar(): WorkingCalendar {
  const j = catalog.jurisdiction as { timezone: string; workingHours?: WorkingHours; holidays?: string[] };
  return { timezone: j.timezone, workingHours: j.workingHours ?? DEFAULT_WORKING_HOURS, holidays: j.holidays ?? [] };
}
