#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx: no build step, no Electron.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli.ts');
process.exitCode = await main(process.argv.slice(2));
