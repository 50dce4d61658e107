#!/usr/bin/env node
// Entry point: loads the TypeScript sources through tsx and hands over to the CLI with the
// process's arguments and environment. Nothing else reads process.env.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
