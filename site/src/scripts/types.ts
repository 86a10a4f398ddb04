export type Phase = 'waiting' | 'in_progress' | 'done';

export interface PublicEvent {
  at: string;
  actor: string;
  type: string;
  from?: string;
  fromLabel?: string;
  to?: string;
  toLabel?: string;
  field?: string;
  note?: string;
  resolution?: string;
}

export interface PublicItem {
  id: string;
  reference: string;
  kind: 'report' | 'bill';
  serviceCode: string;
  serviceName: string;
  title: string;
  description: string;
  location?: { lat: number; lng: number };
  address?: string;
  status: string;
  statusLabel: string;
  phase: Phase;
  priority: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  resolution?: string;
  duplicateOf?: string;
  queuePosition?: number;
  history?: PublicEvent[];
}

export interface Service {
  code: string;
  name: string;
  description: string;
  kind: 'report' | 'bill';
  locationRequired: boolean;
  workflow: { states: { id: string; label: string; phase: Phase }[] };
}
