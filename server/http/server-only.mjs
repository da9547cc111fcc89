// Preloaded with `--import` before anything else loads: registers the hook that lets plain Node
// (our server entry, scripts/bench.ts) import modules marked `import 'server-only'`.
import { register } from 'node:module';

register('./server-only-hooks.mjs', import.meta.url);
