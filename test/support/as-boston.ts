// Imported first by tests that run as Boston: ES modules evaluate their imports in order, so this sets
// the jurisdiction before any module reads it (each test file has its own module graph).
import { fileURLToPath } from 'node:url';

process.env.CIVICBOARD_JURISDICTION = fileURLToPath(new URL('../../jurisdictions/boston', import.meta.url));
