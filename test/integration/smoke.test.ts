import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';

describe('health', () => {
  it('answers ok', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
