import { json, route } from '../lib/http.js';
import { uploadState } from '../ops/upload-photo.js';

/** Where an upload is (pending, ready with a thumbnail, or failed with the reason): the report form polls it. */
export const handler = route({}, async ({ path }) => json(200, await uploadState(path.uploadId as string)));
