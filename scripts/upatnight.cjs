#!/usr/bin/env node
// `npx upatnight …`: runs the TypeScript CLI through tsx's require hook, so no build step is needed.
require('tsx/cjs');
require('./cli/main.ts');
