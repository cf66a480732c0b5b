#!/usr/bin/env node
// The `paper-notes` command: the extension's own lib/ code, run by Node through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/node/cli.ts');
process.exitCode = await main(process.argv.slice(2));
