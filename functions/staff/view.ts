import { getService } from '../../shared/catalog/index.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { statusLabel } from '../../shared/public-view.js';
import { publicSla } from '../../shared/sla/index.js';
import { transitionsFrom } from '../../shared/workflow.js';

/**
 * The staff view of an item: every stored field (reporter contact included), labels, the moves the
 * workflow allows from here, and, when given, the full history with internal events.
 */
export function toStaffItem(item: Item, extra: { history?: HistoryEvent[]; queuePosition?: number } = {}) {
  const service = getService(item.serviceCode);
  return {
    ...item,
    // Shown through `history`, not as a field of its own.
    importedHistory: undefined,
    serviceName: service.name,
    statusLabel: statusLabel(service, item.status),
    queuePosition: extra.queuePosition,
    // Staff see the promise as the public does, plus how far escalation got.
    sla: item.sla ? { ...publicSla(item.sla, item.closedAt, new Date().toISOString()), escalated: item.sla.escalated } : undefined,
    transitions: transitionsFrom(service.workflow, item.status).map((t) => ({
      to: t.to,
      label: t.label,
      toLabel: t.state.label,
      phase: t.state.phase,
      resolutions: t.state.resolutions,
    })),
    history: extra.history,
  };
}
