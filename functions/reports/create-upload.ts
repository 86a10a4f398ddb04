import { uploadRequestSchema } from '../../shared/photo-schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { requestUpload } from '../ops/upload-photo.js';

/** A presigned POST for one photo (JPEG, PNG, WebP or HEIC, at most 10 MB): the file goes straight to S3. Limited per client (429). */
export const handler = route({ body: uploadRequestSchema }, async ({ body, event }) => {
  const grant = await requestUpload(body, sourceIp(event));
  return json(201, grant, { location: `/api/reports/uploads/${grant.uploadId}` });
});
