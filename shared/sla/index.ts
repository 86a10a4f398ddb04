export * from './calendar.js';
export * from './due.js';
export * from './escalation.js';
export * from './item-sla.js';
export * from './jurisdiction.js';
export * from './state.js';
