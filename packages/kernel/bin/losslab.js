#!/usr/bin/env node
// `npx losslab install|uninstall|status`: see src/cli.ts (built to lib/cli.js).
process.exitCode = require('../lib/cli').main(process.argv.slice(2));
