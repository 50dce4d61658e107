#!/usr/bin/env node
// Entry point: loads the TypeScript sources through tsx and hands over to the CLI with the
// process's arguments and environment. Nothing else reads process.env.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// The embedded PostgreSQL is WebAssembly. On Node 24 (V8 13.6), freeing wasm code that V8's
// code GC found dead can abort the process ("Check failed: jit_page_->allocations_.erase(addr)
// == 1" in UnregisterWasmAllocation); it happened once in a test run that opens many PGlite
// instances. Keeping replaced wasm code costs a little memory and avoids that path. Set before
// anything compiles wasm.
setFlagsFromString('--no-wasm-code-gc');
// tsx reads the tsconfig.json of the folder it is started in; run from any other folder, it
// would compile the pages' JSX for React. This one is the project's, wherever it runs from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
