/**
 * The layers of the product and the one rule that keeps them apart: no
 * import cycles anywhere. `npm run depcheck` (part of `npm test`) fails on any
 * violation. Type-only imports count: a cycle of types is a cycle of design.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No module may reach itself again through its imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ is the contract: it imports nothing outside itself but its libraries, and no Node module.',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^shared/', '^node_modules/'] },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'shared/ also runs in the browser.',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-never-import-electron-or-renderer',
      severity: 'error',
      comment: 'The desk services and the web host run in plain Node: no Electron, no main or preload, no renderer.',
      from: { path: '^electron/(services|webhost)/' },
      to: { path: ['^electron/(main|preload)/', '^renderer/', '^node_modules/electron/', '^server/'] },
    },
    {
      name: 'renderer-never-imports-services-or-server',
      severity: 'error',
      comment: 'The renderer reaches the services only through DeskApi.',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^server/', '^node_modules/electron/'] },
    },
    {
      name: 'server-never-imports-the-desk',
      severity: 'error',
      comment: 'The hub shares only the contract with the desk.',
      from: { path: '^server/' },
      to: { path: ['^electron/', '^renderer/'] },
    },
    {
      name: 'electron-only-in-main-and-preload',
      severity: 'error',
      comment: 'Only the Electron shell imports electron.',
      from: { pathNot: ['^electron/(main|preload)/', '^test/', '^scripts/'] },
      to: { path: '^node_modules/electron/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^dist/', '^\\.tsbuild/', '^release/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
