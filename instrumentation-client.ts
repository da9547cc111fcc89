import { config } from 'zod';

// zod compiles object parsers with `new Function` after probing whether eval is allowed; under the
// CSP (no 'unsafe-eval' in production) the probe itself is reported as a violation. Runs before
// any page code builds a schema.
config({ jitless: true });
