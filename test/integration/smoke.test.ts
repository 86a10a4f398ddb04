import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';

describe('health', () => {
  it('answers ok', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    // `alerts` (the alert sender's backlog) appears once the sender has sent something (test/integration/alert-delivery.test.ts).
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(Object.keys(res.body).filter((k) => k !== 'alerts')).toEqual(['status']);
  });
});
