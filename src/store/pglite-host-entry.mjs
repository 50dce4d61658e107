// The embedded store's thread starts here: a worker does not inherit the TypeScript loader that
// bin/caravan.js registered, so it registers its own before loading pglite-host.ts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig.json, whatever folder the process was started in.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./pglite-host.ts');
