#!/usr/bin/env node
// The installed command: runs the TypeScript sources through tsx (a runtime dependency).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli.ts', import.meta.url)));
process.exitCode = await main(process.argv);
