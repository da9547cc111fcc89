// Module resolve hook for the plain-Node entry (tsx server/http/main.ts) and scripts: `server-only`
// throws unless resolved under the `react-server` condition, which only Next's server bundle uses.
// Outside Next the whole process is server-side, so it resolves to the package's own empty module.
// Next keeps its own resolution: a client component importing a server-only module still fails
// the build. Registered by server/http/server-only.mjs (`tsx --import ./server/http/server-only.mjs`).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') {
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  }
  return nextResolve(specifier, context);
}
