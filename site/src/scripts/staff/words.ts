import { words } from '../../../../shared/i18n/catalog-keys.js';
import { t, word } from '../i18n.js';

/**
 * The council's own words in the console's language (docs/i18n.md): service names, workflow states and
 * moves, resolutions. Each falls back to what the API sent. The page names each service's workflow
 * (`#staff-workflows`, written at build time from the catalog), since the API's service list does not.
 */
let workflows: Record<string, string> | undefined;

function workflowOf(serviceCode: string): string | undefined {
  if (!workflows) {
    const node = typeof document === 'undefined' ? null : document.getElementById('staff-workflows');
    workflows = node?.textContent ? (JSON.parse(node.textContent) as Record<string, string>) : {};
  }
  return workflows[serviceCode];
}

/** A service's name: `serviceName('pothole', 'Potholes')`. */
export const serviceName = (code: string, otherwise: string) => word(`service.${code}.name`, otherwise);

/** A workflow state's label for a service's items: `stateName('pothole', 'fixed', 'Fixed')`. */
export function stateName(serviceCode: string, state: string, otherwise: string): string {
  const wf = workflowOf(serviceCode);
  return wf ? word(`workflow.${wf}.state.${state}`, otherwise) : otherwise;
}

/** A move's label (`Start work`), from one state to another. */
export function moveName(serviceCode: string, from: string, to: string, otherwise: string): string {
  const wf = workflowOf(serviceCode);
  return wf ? word(`workflow.${wf}.transition.${from}.${to}`, otherwise) : otherwise;
}

/** A phase of every workflow (`waiting`, `in_progress`, `done`) as the console's filters name it. */
export const phaseName = (phase: string) => t(`staff.filter.phase.${phase}`);

/** A resolution (`not_ours` → "Not ours"). */
export const resolutionName = (code: string) => word(`resolution.${code}`, words(code));

/** A chamber of a legislature: "House" and "Senate" translated, any other name as the legislature gave it. */
export function chamberName(chamber: string): string {
  if (chamber === 'House') return t('staff.bills.chamber.house');
  if (chamber === 'Senate') return t('staff.bills.chamber.senate');
  return chamber;
}

/** A member's vote in a roll call (`yes`, `no`, `abstain`, `absent`). */
export const memberVote = (vote: string) => {
  const key = `staff.vote.member.${vote}`;
  const text = t(key);
  return text === key ? vote : text;
};
