import { json, route } from '../lib/http.js';

export const handler = route({}, async () => json(200, { status: 'ok' }));
