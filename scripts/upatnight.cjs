#!/usr/bin/env node
// `npx upatnight …`. Production (NODE_ENV=production) runs the JavaScript `npm run build` wrote to
// dist/; development runs the TypeScript sources through tsx's require hook, with no build step.
const { existsSync } = require('node:fs');
const path = require('node:path');

if (process.env.NODE_ENV === 'production') {
  const compiled = path.join(__dirname, '../dist/scripts/cli/main.js');
  if (!existsSync(compiled)) {
    process.stderr.write(
      `upatnight: production runs the compiled service; run "npm run build" first (${compiled} is missing)\n`,
    );
    process.exit(1);
  }
  require(compiled);
} else {
  require('tsx/cjs');
  require('./cli/main.ts');
}
