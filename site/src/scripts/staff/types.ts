import type { PublicItem, Service } from '../types.js';

export interface StaffEvent {
  id: string;
  at: string;
  actor: { type: 'citizen' } | { type: 'system' } | { type: 'staff'; id: string; name: string };
  type: string;
  from?: string;
  to?: string;
  field?: string;
  note?: string;
  resolution?: string;
  visibility: 'public' | 'internal';
}

/** A move the workflow allows from the item's current state (sent by the API with every staff item). */
export interface StaffTransition {
  to: string;
  label: string;
  toLabel: string;
  phase: PublicItem['phase'];
  resolutions?: string[];
}

export interface StaffItem extends Omit<PublicItem, 'history' | 'priority'> {
  version: number;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  assignee?: { id: string; name: string };
  reporter?: { name?: string; email?: string; phone?: string };
  reporterNotify?: boolean;
  transitions: StaffTransition[];
  history?: StaffEvent[];
}

export interface StaffService extends Service {
  group: string;
  teams: string[];
}

export interface Member {
  id: string;
  name: string;
  groups: string[];
}

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** The report services a staff member's groups act on (admin acts on all), as the API decides. */
export function servicesFor(services: StaffService[], groups: string[]): StaffService[] {
  return services.filter((s) => s.kind === 'report' && (groups.includes('admin') || s.teams.some((t) => groups.includes(t))));
}
