// Preloaded into a production start by build.test.ts: loading a TypeScript loader or a .ts file
// fails the start, so a start that serves ran the compiled JavaScript only.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithoutTypeScript(request, ...rest) {
  const found = resolve.call(this, request, ...rest);
  if (/^tsx(\/|$)/.test(request) || found.endsWith('.ts')) throw new Error(`production loaded ${request}`);
  return found;
};
