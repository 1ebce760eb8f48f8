#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled by `npm run build` (run by `npm ci` through `prepare`).
require('../dist/src/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`vob: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 70; },
);
