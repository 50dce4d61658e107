// The embedded store's thread starts here: a worker does not inherit the TypeScript loader that
// bin/caravan.js registered, so it registers its own before loading pglite-host.ts.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-host.ts');
