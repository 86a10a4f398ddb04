import { ulid } from 'ulid';
import type { Actor, StaffActor } from '../../shared/actor.js';
import { listServices, type Service } from '../../shared/catalog/index.js';
import { addComment, applyTransition, type Change, type HistoryEvent, type Item, newReport } from '../../shared/items.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import type { Priority } from '../../shared/queue.js';
import { newReference } from '../../shared/reference.js';
import { dueEscalation } from '../../shared/sla/index.js';
import { planTransition } from '../../shared/workflow.js';

/** A small deterministic PRNG (mulberry32) so the demo city looks the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick };
}

const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Mill Road',
  'Victoria Street',
  'Park Avenue',
  'Queens Road',
  'North Street',
  'Gloucester Road',
  'Cotham Hill',
  'Whiteladies Road',
  'Stokes Croft',
  'Coronation Road',
  'Wells Road',
  'Fishponds Road',
  'Redcliff Hill',
  'Harbourside Walk',
  'Bath Road',
  'Ashley Road',
  'Cheltenham Road',
];

const DESCRIPTIONS: Record<string, string[]> = {
  pothole: [
    'Deep pothole in the nearside lane, cars swerving round it.',
    'Pothole about 30 cm across by the bus stop, filling with water.',
    'Several potholes in a row after the recent frost.',
    'Broken surface at the junction, loose stones on the road.',
  ],
  'street-light': [
    'Street light outside number 14 has been out for a week.',
    'Light flickers on and off all night.',
    'Two lights out in a row, the footpath is very dark.',
    'Street light on during the day.',
  ],
  'damaged-sign': [
    'Give way sign bent over and facing the wrong way.',
    'Street name plate missing.',
    'Speed limit sign covered by overgrown hedge.',
    'Road sign knocked down by a vehicle.',
  ],
  'blocked-drain': [
    'Drain blocked with leaves, road floods when it rains.',
    'Gully cover broken and drain full of silt.',
    'Water pooling across the crossing after rain.',
    'Blocked drain causing spray onto the pavement.',
  ],
  'road-obstruction': [
    'Fallen branch across half the carriageway.',
    'Abandoned shopping trolleys in the cycle lane.',
    'Builder’s rubble left in the road overnight.',
    'Large debris in the bus lane.',
  ],
  'damaged-pavement': [
    'Raised paving slab, trip hazard outside the school.',
    'Kerb stone loose and rocking.',
    'Tree roots have lifted the footway.',
    'Cracked and sunken slabs by the post box.',
  ],
};

const NOTES = {
  public: [
    'Inspection booked for this week.',
    'Crew scheduled, thank you for your patience.',
    'Temporary repair done; permanent fix to follow.',
    'Materials ordered.',
  ],
  internal: [
    'Needs traffic management: check with the permits team.',
    'Same location as a report last month: likely utility works.',
    'Contractor to quote.',
    'Check ownership with the highways map.',
  ],
};

const FIRST = ['Sam', 'Priya', 'Tom', 'Aisha', 'Chris', 'Hannah', 'Omar', 'Grace', 'Ben', 'Mei'];
const LAST = ['Hughes', 'Shah', 'Walker', 'Khan', 'Evans', 'Lewis', 'Ahmed', 'Roberts', 'Clarke', 'Wong'];

const STAFF: StaffActor[] = [
  { type: 'staff', id: 'roads.officer', name: 'Rita Okafor', groups: ['roads'] },
  { type: 'staff', id: 'admin', name: 'Ada Admin', groups: ['admin'] },
];

const DAY = 86_400_000;

/** The states an item passes through to end in a phase, chosen at random but always valid in the workflow. */
function pathTo(rand: ReturnType<typeof prng>, phase: 'waiting' | 'in_progress' | 'done'): { to: string; resolution?: string }[] {
  if (phase === 'waiting') return rand.next() < 0.5 ? [] : [{ to: 'acknowledged' }];
  const started = [{ to: 'acknowledged' }, { to: 'in_progress' }];
  if (phase === 'in_progress') return rand.next() < 0.15 ? [...started, { to: 'on_hold' }] : started;
  if (rand.next() < 0.8) return [...started, { to: 'fixed' }];
  return [{ to: 'acknowledged' }, { to: 'closed', resolution: rand.pick(['not_ours', 'no_action', 'cannot_locate']) }];
}

/**
 * Generates `count` demo reports with realistic services, places, ages, priorities and histories,
 * each built by the real domain functions, so every state and event is one the workflow allows.
 */
export function* demoReports(count: number, seed = 2026, now = Date.now()): Generator<{ item: Item; history: HistoryEvent[] }> {
  const rand = prng(seed);
  const services = listServices('report');
  const { center } = jurisdiction.map;
  for (let i = 0; i < count; i++) {
    const service = rand.pick(services) as Service;
    const ageDays = rand.next() ** 1.6 * 180;
    const created = Math.floor(now - ageDays * DAY);
    const phase =
      ageDays < 7
        ? rand.next() < 0.7
          ? 'waiting'
          : 'in_progress'
        : rand.next() < 0.25
          ? 'waiting'
          : rand.next() < 0.3
            ? 'in_progress'
            : 'done';
    const withContact = rand.next() < 0.6;
    const first = rand.pick(FIRST);
    const last = rand.pick(LAST);
    const address = `${1 + Math.floor(rand.next() * 180)} ${rand.pick(STREETS)}`;
    const at = (t: number) => new Date(Math.min(t, now - 60_000)).toISOString();
    const change: Change = newReport(
      service,
      {
        serviceCode: service.code,
        description: rand.pick(DESCRIPTIONS[service.code] ?? ['Reported problem.']),
        address,
        location: { lat: round(center[0] + (rand.next() - 0.5) * 0.08), lng: round(center[1] + (rand.next() - 0.5) * 0.13) },
        reporter: withContact
          ? {
              name: `${first} ${last}`,
              email: `${first}.${last}${i}@example.org`.toLowerCase(),
              phone: `0117 496 ${String(1000 + i).slice(-4)}`,
            }
          : undefined,
      },
      { id: ulid(created), reference: newReference(), now: at(created), eventId: ulid(created) },
    );
    const history: HistoryEvent[] = [...change.events];
    let item: Item = { ...change.item, priority: priorityFor(rand) };
    let t = created;
    const apply = (next: Change) => {
      item = next.item;
      history.push(...next.events);
    };
    for (const step of pathTo(rand, phase)) {
      t += Math.floor((rand.next() * Math.max(ageDays * DAY, 3_600_000)) / 4);
      const actor = rand.pick(STAFF);
      const outcome = planTransition(service, item.status, step, [item.id]);
      apply(
        applyTransition(item, outcome, actor, {
          now: at(t),
          eventId: ulid(Math.min(t, now)),
          note: rand.next() < 0.3 ? rand.pick(NOTES.public) : undefined,
        }),
      );
      if (step.to === 'in_progress') item = { ...item, assignee: { id: actor.id, name: actor.name } };
      if (rand.next() < 0.2) {
        const visibility = rand.next() < 0.5 ? 'public' : 'internal';
        apply(
          addComment(
            item,
            actor as Actor,
            { body: rand.pick(NOTES[visibility]), visibility },
            { now: at(t + 60_000), eventId: ulid(Math.min(t + 60_000, now)) },
          ),
        );
      }
    }
    // The demo's past: a report already at risk or overdue when the demo starts is marked as escalated to
    // that level, as if the team had been told at the time, so a first start does not email the team
    // about every seeded report. It still escalates when it next reaches a level (an at-risk one breaching).
    const reached = dueEscalation(item.sla, item.closedAt, new Date(now).toISOString());
    if (reached && item.sla) item = { ...item, sla: { ...item.sla, escalated: reached } };
    yield { item, history };
  }
}

function priorityFor(rand: ReturnType<typeof prng>): Priority {
  const r = rand.next();
  return r < 0.08 ? 'urgent' : r < 0.25 ? 'high' : r < 0.9 ? 'normal' : 'low';
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
