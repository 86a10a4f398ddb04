// Validates the service catalog at build/test time: a council edits catalog.json, this says what is wrong.
try {
  const { catalog } = await import('./index.js');
  console.log(`catalog ok: ${catalog.services.length} services, ${Object.keys(catalog.workflows).length} workflows`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
