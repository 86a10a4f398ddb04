import { commitImportedBill, historyRecords, needsWrite, storedSources, writeHistory } from '../../functions/store/bill-import.js';
import { writePeople } from '../../functions/store/bill-people.js';
import { type ImportProblem, mapLegiscanExport } from '../../shared/bills/legiscan.js';
import type { ImportReport } from '../../shared/bills/legiscan-report.js';
import { billService } from '../../shared/bills/service.js';
import { readLegiscanFolder, sessionNamer } from './legiscan-csv.js';

/** Where an import is: writing history records, then committing bills. */
export interface ImportProgress {
  phase: 'history' | 'bills';
  done: number;
  total: number;
}

export interface ImportSummary {
  bills: number;
  rollCalls: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  offWorkflow: number;
  /** Members and committees written (changed) and skipped (unchanged). */
  people: { members: number; committees: number; written: number; unchanged: number };
  problems: ImportProblem[];
  /** Bills per final stage, walk/status disagreements, unmapped phrasings (see formatImportReport). */
  report: ImportReport;
  seconds: number;
}

/**
 * Imports a LegiScan CSV export into the table the store is configured for (TABLE_NAME,
 * DYNAMODB_ENDPOINT). Idempotent: bills whose source is unchanged are skipped, so a second run writes
 * nothing. `concurrency` bills are written at once.
 */
export async function importBills(
  folder: string,
  opts: {
    session?: string;
    concurrency?: number;
    onProgress?: (step: ImportProgress, s: Omit<ImportSummary, 'problems' | 'report' | 'people' | 'seconds'>) => void;
  } = {},
): Promise<ImportSummary> {
  const started = Date.now();
  const service = billService();
  const data = readLegiscanFolder(folder);
  const { bills, problems, report, people } = mapLegiscanExport(data, {
    workflow: service.workflow,
    serviceCode: service.code,
    sessionName: sessionNamer(folder, opts.session),
  });
  const stored = await storedSources(bills.map((b) => b.bill.id));
  const summary = { bills: bills.length, rollCalls: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, offWorkflow: 0 };
  // 1. The history of every new or changed bill, batched across bills (the bulk of the records).
  const changed = bills.filter((b) => needsWrite(b, stored.get(b.bill.id)));
  const records = changed.flatMap(historyRecords);
  await writeHistory(records, (done) => opts.onProgress?.({ phase: 'history', done, total: records.length }, summary));
  // 2. Each bill with its reference and number record, one transaction each, only once its history is in.
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < bills.length) {
      const imported = bills[next++]!;
      const outcome = await commitImportedBill(imported, stored.get(imported.bill.id));
      summary[outcome.status]++;
      if (outcome.status === 'rejected') problems.push({ file: 'bills.csv', row: 0, reason: `${imported.bill.number}: ${outcome.reason}` });
      else {
        summary.rollCalls += imported.bill.votes.length;
        summary.offWorkflow += imported.offWorkflow;
      }
      opts.onProgress?.({ phase: 'bills', done: ++done, total: bills.length }, summary);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  // 3. Members and committees (their pages), once the bills they link to are in.
  const written = await writePeople(people);
  return {
    ...summary,
    people: { members: people.members.length, committees: people.committees.length, ...written },
    problems,
    report,
    seconds: (Date.now() - started) / 1000,
  };
}
