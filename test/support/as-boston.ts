// Imported first by tests that run as Boston: ES modules evaluate their imports in order, so this sets
// the jurisdiction before any module reads it (each test file has its own module graph). The Boston
// folder's wards live beside the project (../shared/data); without them the folder cannot load, so the
// jurisdiction stays the demo's and the Boston tests skip (they check the same files).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../../jurisdictions/boston', import.meta.url));
const wards = fileURLToPath(new URL('../../../shared/data/boston-wards/Wards.geojson', import.meta.url));
if (existsSync(wards)) process.env.CIVICBOARD_JURISDICTION = folder;
