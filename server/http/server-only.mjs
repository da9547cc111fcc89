// Preloaded with `--import` before anything else loads (package.json dev/start/bench, e2e/serve.ts,
// scripts/bench/server.ts). `server-only` throws unless resolved under the `react-server` condition,
// which only Next's server bundle uses; outside Next this whole process is server-side, so plain
// Node gets the package's own empty module instead. Next resolves `server-only` itself at build
// time, so a client component importing a server-only module still fails `next build`.
import { createRequire, register } from 'node:module';

const require = createRequire(import.meta.url);
// require() (and Node's ESM loader for this CommonJS package) reads the module cache first.
const marker = require.resolve('server-only');
const empty = `${marker.slice(0, -'index.js'.length)}empty.js`;
require(empty);
require.cache[marker] = require.cache[empty];
// import: resolve under the react-server condition, which names the same empty module.
register('./server-only-hooks.mjs', import.meta.url);
