import type { Construct } from 'constructs';
import { GeneratedSecret } from './generated-secret.js';

/**
 * The key list cursors are signed with (functions/store/paginate.ts), given to every API function.
 * Replacing the value (and deploying) only ends the cursors clients hold: they start their list again.
 */
export class CursorKey extends GeneratedSecret {
  constructor(scope: Construct, id: string) {
    super(scope, id, 'civicboard: HMAC key that signs list cursors');
  }
}
