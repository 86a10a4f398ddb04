import { db } from '../../functions/store/client.js';

/**
 * Counts the DynamoDB calls the store makes and the items they read (ScannedCount; 1 per GetItem),
 * by a middleware on the store's own client. Unit-free, so it does not depend on how busy the machine
 * is: a read whose items-per-request grows with the table is reading more than its page.
 */
let calls = 0;
let itemsRead = 0;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  db().middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const output = out.output as { ScannedCount?: number; Item?: unknown };
      calls++;
      itemsRead += output.ScannedCount ?? (output.Item ? 1 : 0);
      return out;
    },
    { step: 'initialize', name: 'benchReadCost' },
  );
}

/** Mean DynamoDB calls and items read per call of `op`, over `n` calls made one at a time. */
export async function readCost(op: () => Promise<unknown>, n: number): Promise<{ calls: number; itemsRead: number }> {
  install();
  const [c0, i0] = [calls, itemsRead];
  for (let k = 0; k < n; k++) await op();
  return { calls: Math.round(((calls - c0) / n) * 10) / 10, itemsRead: Math.round(((itemsRead - i0) / n) * 10) / 10 };
}
