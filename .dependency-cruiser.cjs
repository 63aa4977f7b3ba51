/**
 * The layers of the product and the rules that keep them apart: no import
 * cycles anywhere; shared/ is pure; the renderer's features are entered only
 * through their index.ts and never import the app shell. `npm run depcheck` (part of `npm test`) fails on any
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
      name: 'feature-through-its-index',
      severity: 'error',
      comment: 'A renderer feature is entered only through its index.ts; its other files are its own.',
      from: { path: '^renderer/src/features/([^/]+)/' },
      to: { path: '^renderer/src/features/[^/]+/', pathNot: ['^renderer/src/features/$1/', '^renderer/src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'renderer-enters-features-through-index',
      severity: 'error',
      comment: 'app/, status-bar/ and the rest of the renderer reach a feature only through its index.ts.',
      from: { path: '^renderer/src/', pathNot: '^renderer/src/features/' },
      to: { path: '^renderer/src/features/[^/]+/', pathNot: '^renderer/src/features/[^/]+/index\\.tsx?$' },
    },
    {
      name: 'features-never-import-app',
      severity: 'error',
      comment: 'Features sit below the app shell: what two features share lives in core/ or is passed in.',
      from: { path: '^renderer/src/features/' },
      to: { path: '^renderer/src/(app|status-bar)/' },
    },
    {
      name: 'core-imports-no-feature',
      severity: 'error',
      comment: 'core/ and the renderer plumbing (desk, stores, i18n, shortcuts, charts) sit below the features.',
      from: { path: '^renderer/src/(core|desk|stores|i18n|shortcuts|charts)/' },
      to: { path: '^renderer/src/(features|app|status-bar)/' },
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
