// `npm start`: the whole board locally, in the foreground. Ctrl-C stops every process it started.
import { checkJurisdictionFolder } from '../../shared/jurisdiction/check.js';
import { ConfigError, chosenJurisdictionFolder } from '../../shared/jurisdiction/source.js';

// The jurisdiction folder is checked before anything loads it, so a mistake reads as its file and field.
let checked: ReturnType<typeof checkJurisdictionFolder>;
try {
  checked = checkJurisdictionFolder(chosenJurisdictionFolder());
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : String(err));
  console.error('Fix the folder (npm run check:config), or choose another with CIVICBOARD_JURISDICTION.');
  process.exit(1);
}
const { DEMO_PASSWORD, DEMO_USERS } = await import('./cognito-setup.js');
const { ensureSiteBuilt } = await import('./site-build.js');
const { optionsFromEnv, ROOT, startLocalStack } = await import('./stack.js');

const options = optionsFromEnv();
ensureSiteBuilt(ROOT, (line) => console.log(`  ${line}`));
const stack = await startLocalStack({ ...options, log: (line) => console.log(`  ${line}`) }).catch((err: Error) => {
  console.error(`\ncivicboard could not start: ${err.message}`);
  console.error(
    `Logs of the local services are in ${options.dataDir}/logs. Is a port in use? Set PORT, DYNAMODB_PORT, COGNITO_PORT, SES_PORT, S3_PORT.`,
  );
  process.exit(1);
});

console.log(`
civicboard is running.

  Board (site + API)  ${stack.urls.site}
  API                 ${stack.urls.api}          e.g. ${stack.urls.api}/services
  Runtime config      ${stack.urls.site}/config.json
  Sent mail (inbox)   ${stack.urls.mailbox}
  DynamoDB Local      ${stack.urls.dynamodb}     table "${stack.tableName}"
  S3 (photos, local)  ${stack.urls.s3}      buckets civicboard-uploads (private), civicboard-photos
  Cognito (local)     ${stack.urls.cognito}      pool ${stack.cognito.userPoolId}, client ${stack.cognito.userPoolClientId}
  Data folder         ${options.dataDir}
  Jurisdiction        ${checked.jurisdiction.name} (${checked.folder}): ${checked.catalog.services.length} services, ${checked.areas.length} areas

Staff sign-in (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${u.groups.join(', ')})`).join(', ')}
Press Ctrl-C to stop.
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
