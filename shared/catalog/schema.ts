import * as z from 'zod';

export const PHASES = ['waiting', 'in_progress', 'done'] as const;
export type Phase = (typeof PHASES)[number];

const slug = z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, 'use lower-case letters, digits, - and _');

export const workflowStateSchema = z
  .object({
    id: slug,
    label: z.string().min(1),
    phase: z.enum(PHASES),
    /** Done-states that list resolutions require one of them on the transition. */
    resolutions: z.array(slug).min(1).optional(),
    /** Bills: whether the state belongs to the chamber of origin or the second chamber. */
    chamber: z.enum(['origin', 'second']).optional(),
    /** Bills: the action classifications (OpenStates vocabulary) that move an item into this state. */
    classification: z.array(slug).min(1).optional(),
  })
  .strict();

export const workflowSchema = z
  .object({
    initial: slug,
    states: z.array(workflowStateSchema).min(2),
    transitions: z.array(z.object({ from: slug, to: slug, label: z.string().min(1) }).strict()).min(1),
  })
  .strict()
  .superRefine((wf, ctx) => {
    const ids = new Set(wf.states.map((s) => s.id));
    if (ids.size !== wf.states.length) ctx.addIssue({ code: 'custom', message: 'state ids must be unique' });
    if (!ids.has(wf.initial)) ctx.addIssue({ code: 'custom', path: ['initial'], message: `unknown state ${wf.initial}` });
    wf.transitions.forEach((t, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!ids.has(t[end])) ctx.addIssue({ code: 'custom', path: ['transitions', i, end], message: `unknown state ${t[end]}` });
      }
    });
    const initial = wf.states.find((s) => s.id === wf.initial);
    if (initial && initial.phase !== 'waiting') {
      ctx.addIssue({ code: 'custom', path: ['initial'], message: 'the initial state must be in the waiting phase' });
    }
  });

const slaTargetSchema = z
  .object({ amount: z.number().positive().max(10_000), unit: z.enum(['hours', 'days', 'working_hours', 'working_days']) })
  .strict();

export const slaSchema = z
  .object({ firstResponse: slaTargetSchema.optional(), resolution: slaTargetSchema.optional(), pausedIn: z.array(slug).optional() })
  .strict();

export const serviceSchema = z
  .object({
    code: slug,
    name: z.string().min(1),
    description: z.string().min(1),
    group: z.string().min(1),
    kind: z.enum(['report', 'bill']),
    locationRequired: z.boolean(),
    workflow: slug,
    teams: z.array(slug).min(1),
    /** The service's promise (SPEC §7): first response and resolution targets, and states that stop the clock. */
    sla: slaSchema.optional(),
  })
  .strict();

export const catalogSchema = z
  .object({
    jurisdiction: z
      .object({
        name: z.string().min(1),
        timezone: z.string().min(1),
        map: z
          .object({
            center: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]),
            zoom: z.number().int().min(1).max(20),
            tileUrl: z.string().min(1),
            attribution: z.string(),
          })
          .strict(),
        bounds: z.object({ minLat: z.number(), minLng: z.number(), maxLat: z.number(), maxLng: z.number() }).strict(),
        /** Legislators' offices: each becomes a Cognito group `office-<id>` that shares a bill watchlist. */
        offices: z
          .array(z.object({ id: slug, name: z.string().min(1) }).strict())
          .default([])
          .refine((offices) => new Set(offices.map((o) => o.id)).size === offices.length, 'office ids must be unique'),
      })
      .strict(),
    workflows: z.record(slug, workflowSchema),
    services: z.array(serviceSchema).min(1),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const codes = new Set<string>();
    cat.services.forEach((s, i) => {
      if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: ['services', i, 'code'], message: `duplicate code ${s.code}` });
      codes.add(s.code);
      const workflow = cat.workflows[s.workflow];
      if (!workflow) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'workflow'], message: `unknown workflow ${s.workflow}` });
      }
      s.sla?.pausedIn?.forEach((state, j) => {
        if (workflow && !workflow.states.some((st) => st.id === state)) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'sla', 'pausedIn', j],
            message: `unknown state ${state} in workflow ${s.workflow}`,
          });
        }
      });
    });
  });

export type WorkflowState = z.infer<typeof workflowStateSchema>;
export type Workflow = z.infer<typeof workflowSchema>;
export type CatalogService = z.infer<typeof serviceSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
