import { describe, expect, inject, it } from 'vitest';

/**
 * The local server answers the site's language choice with the edge's own code (infra/cdk/site-language.ts),
 * over real HTTP: what a browser sees locally is what CloudFront sends (the code is unit-tested case by case
 * in test/unit/i18n.test.ts; this checks the local server's wiring of headers, cookies and queries).
 */
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${inject('baseUrl')}${path}`, { headers, redirect: 'manual' });

describe('the site chooses a language like the edge', () => {
  it('a first visit whose Accept-Language prefers Welsh is sent to the Welsh page; English stays put', async () => {
    const welsh = await get('/queues/', { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' });
    expect(welsh.status).toBe(302);
    expect(welsh.headers.get('location')).toBe('/cy/queues/');
    expect(welsh.headers.get('cache-control')).toBe('no-store');
    expect(welsh.headers.get('content-security-policy')).toBeTruthy();
    const english = await get('/queues/', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.status).not.toBe(302);
  });

  it('?lang= sets the cookie and answers the page at its clean address with its own query', async () => {
    const chosen = await get('/track/?id=RF-1234567&lang=es');
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get('location')).toBe('/es/track/?id=RF-1234567');
    expect(chosen.headers.get('set-cookie')).toMatch(/^lang=es; Path=\/; Max-Age=31536000; SameSite=Lax$/);
  });

  it('a remembered choice beats Accept-Language, and never moves a page already in a language', async () => {
    const remembered = await get('/', { cookie: 'other=1; lang=es', 'accept-language': 'cy' });
    expect(remembered.headers.get('location')).toBe('/es/');
    const english = await get('/', { cookie: 'lang=en', 'accept-language': 'cy' });
    expect(english.status).not.toBe(302);
    const prefixed = await get('/cy/queues/', { cookie: 'lang=es', 'accept-language': 'es' });
    expect(prefixed.status).not.toBe(302);
  });

  it('leaves the API and assets alone whatever the language', async () => {
    const services = await get('/api/services', { 'accept-language': 'cy', cookie: 'lang=cy' });
    expect(services.status).toBe(200);
    const asset = await get('/favicon.svg', { 'accept-language': 'cy' });
    expect(asset.status).not.toBe(302);
  });
});
