/** Architecture rules: arrows point inward only (app → plugins → adapters → ports ← domain). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain imports only src/domain and src/ports: no frameworks, packages or node built-ins.',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/(domain|ports)/' },
    },
    {
      name: 'ports-are-pure',
      severity: 'error',
      comment: 'src/ports declares interfaces and tokens: it imports only src/ports and src/domain.',
      from: { path: '^src/ports/' },
      to: { pathNot: '^src/(domain|ports)/' },
    },
    {
      name: 'adapters-do-not-reach-out',
      severity: 'error',
      comment: 'Adapters implement ports; they never import the app or plugins.',
      from: { path: '^src/adapters/' },
      to: { path: '^(src/app|plugins)/' },
    },
    {
      name: 'no-tsyringe-inside',
      severity: 'error',
      comment: 'Only src/app, src/adapters and plugins may use the DI library.',
      from: { path: '^src/(domain|ports)/' },
      to: { path: 'node_modules/(tsyringe|reflect-metadata)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    // Only test files are left out: excluding node_modules would hide imports of packages.
    exclude: { path: '\\.test\\.ts$' },
  },
};
