import type { Workflow } from '../catalog/index.js';
import { stateOf } from '../workflow.js';
import type { ImportedBill } from './legiscan.js';

/** What an operator reads at the end of an import: where the bills ended, where LegiScan's status decided, what needs a rule. */
export interface ImportReport {
  /** Bills per final stage, in workflow order, stages with none left out. */
  byStage: { stage: string; label: string; bills: number }[];
  /** Bills whose action walk ended on a stage their LegiScan status does not allow: the status's stage was chosen. */
  disagreements: { number: string; status: string; walk: string; chosen: string }[];
  /** Action wordings no rule classified (they moved nothing), most frequent first. */
  unmapped: { phrasing: string; count: number }[];
}

/**
 * The import report of a mapped export. Pure and deterministic (ties sorted by text).
 * @example importReport(bills, billWorkflow).byStage // [{stage: 'committee', label: 'In committee', bills: 3}, …]
 */
export function importReport(bills: ImportedBill[], workflow: Workflow): ImportReport {
  const stages = new Map<string, number>();
  const phrasings = new Map<string, number>();
  for (const b of bills) {
    stages.set(b.bill.status, (stages.get(b.bill.status) ?? 0) + 1);
    for (const p of b.unmapped) phrasings.set(p, (phrasings.get(p) ?? 0) + 1);
  }
  return {
    byStage: workflow.states
      .filter((s) => stages.has(s.id))
      .map((s) => ({ stage: s.id, label: s.label, bills: stages.get(s.id) as number })),
    disagreements: bills
      .filter((b) => b.statusOverride)
      .map((b) => ({ number: b.bill.number, ...(b.statusOverride as NonNullable<ImportedBill['statusOverride']>) })),
    unmapped: [...phrasings]
      .map(([phrasing, count]) => ({ phrasing, count }))
      .sort((a, b) => b.count - a.count || a.phrasing.localeCompare(b.phrasing)),
  };
}

/**
 * The report as the import CLI prints it: stages, then each disagreement with what was chosen, then the
 * `top` most frequent unmapped phrasings (with how many more there are).
 */
export function formatImportReport(report: ImportReport, workflow: Workflow, top = 20): string[] {
  const label = (id: string) => stateOf(workflow, id).label;
  const lines = ['Bills per final stage:'];
  const width = Math.max(...report.byStage.map((s) => s.label.length), 0);
  for (const s of report.byStage) lines.push(`  ${s.label.padEnd(width)}  ${String(s.bills).padStart(5)}`);
  lines.push('', `Action walk and LegiScan status disagreed on ${report.disagreements.length} bill(s); the status's stage was kept:`);
  for (const d of report.disagreements)
    lines.push(`  ${d.number}: status "${d.status}", actions lead to "${label(d.walk)}" → "${label(d.chosen)}"`);
  const total = report.unmapped.reduce((n, u) => n + u.count, 0);
  lines.push('', `Unmapped phrasings (plain actions, stage unchanged): ${report.unmapped.length} phrasings, ${total} actions`);
  for (const u of report.unmapped.slice(0, top)) lines.push(`  ${String(u.count).padStart(5)}  ${u.phrasing}`);
  if (report.unmapped.length > top) lines.push(`  … and ${report.unmapped.length - top} more phrasings`);
  return lines;
}
