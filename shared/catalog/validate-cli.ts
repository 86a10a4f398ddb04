// Kept for `npm run check:catalog`: the jurisdiction folder check covers the catalog and more.
await import('../jurisdiction/check-cli.js');
