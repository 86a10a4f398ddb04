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

const duration = z.object({ amount: z.number().positive(), unit: z.enum(['hours', 'days', 'working_hours', 'working_days']) }).strict();

/** SPEC §7: a service's service-level targets (the SLA maths reads them). */
export const slaSchema = z
  .object({ firstResponse: duration.optional(), resolution: duration.optional(), pausedIn: z.array(slug).optional() })
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
    /** Target days from report to done, for SLA maths. */
    slaDays: z.number().int().positive().optional(),
    /**
     * Forward new reports to a back-office Open311 endpoint (docs/open311.md, "Back-office connector"):
     * its base URL (…/open311/v2), the service code there, and the name of the credential holding its
     * api_key (env `OPEN311_KEY_<NAME>` locally; a Secrets Manager secret in AWS).
     */
    open311: z
      .object({
        endpoint: z.url({ protocol: /^https?$/ }),
        serviceCode: z.string().min(1).max(100),
        jurisdictionId: z.string().min(1).optional(),
        credential: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'use lower-case letters, digits and _'),
      })
      .strict()
      .optional(),
    sla: slaSchema.optional(),
  })
  .strict();

/** Routing: the first rule that matches an item's service and area names the team whose queue it lands in. */
export const routingRuleSchema = z.object({ service: slug.optional(), area: z.string().min(1).optional(), team: slug }).strict();

export const catalogSchema = z
  .object({
    workflows: z.record(slug, workflowSchema),
    services: z.array(serviceSchema).min(1),
    routing: z.array(routingRuleSchema).optional(),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const codes = new Set<string>();
    cat.services.forEach((s, i) => {
      if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: ['services', i, 'code'], message: `duplicate code ${s.code}` });
      codes.add(s.code);
      if (!cat.workflows[s.workflow]) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'workflow'], message: `unknown workflow ${s.workflow}` });
      }
      const states = new Set(cat.workflows[s.workflow]?.states.map((st) => st.id));
      s.sla?.pausedIn?.forEach((id, j) => {
        if (cat.workflows[s.workflow] && !states.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'sla', 'pausedIn', j],
            message: `unknown state ${id} in workflow ${s.workflow}`,
          });
        }
      });
    });
    cat.routing?.forEach((rule, i) => {
      const service = cat.services.find((s) => s.code === rule.service);
      if (rule.service && !service)
        ctx.addIssue({ code: 'custom', path: ['routing', i, 'service'], message: `unknown service ${rule.service}` });
      if (service && !service.teams.includes(rule.team)) {
        ctx.addIssue({ code: 'custom', path: ['routing', i, 'team'], message: `team ${rule.team} is not one of ${service.code}'s teams` });
      }
      // A rule for any service sends every report service's items there: each must list the team, or
      // its items would land in a queue whose team may not act on them.
      if (!rule.service) {
        const without = cat.services.filter((s) => s.kind === 'report' && !s.teams.includes(rule.team)).map((s) => s.code);
        if (without.length)
          ctx.addIssue({
            code: 'custom',
            path: ['routing', i, 'team'],
            message: `a rule for every service needs team ${rule.team} in every report service's teams; missing in ${without.join(', ')}`,
          });
      }
    });
  });

export type WorkflowState = z.infer<typeof workflowStateSchema>;
export type Workflow = z.infer<typeof workflowSchema>;
export type CatalogService = z.infer<typeof serviceSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export type ServiceSla = z.infer<typeof slaSchema>;
