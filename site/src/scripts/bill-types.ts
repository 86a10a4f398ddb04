import type { Phase, PublicEvent } from './types.js';

export interface BillVote {
  at: string;
  chamber: string;
  motion: string;
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  result: 'pass' | 'fail';
  rollCall?: { member: string; vote: string }[];
}

/** A bill as GET /api/bills/{id} returns it (list items carry no history). */
export interface PublicBill {
  id: string;
  reference: string;
  number: string;
  session: string;
  title: string;
  summary: string;
  sponsors: { name: string; role: 'primary' | 'cosponsor'; party?: string; district?: string }[];
  chamber: string;
  currentChamber: string;
  committee?: string;
  documents?: { label: string; url: string }[];
  status: string;
  statusLabel: string;
  phase: Phase;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  votes: BillVote[];
  scheduledVote?: { at: string; chamber: string };
  history?: PublicEvent[];
}

export interface BillState {
  id: string;
  label: string;
  phase: Phase;
  chamber?: 'origin' | 'second';
}
