/**
 * One-way layers (tests/unit/layers.test.ts runs this with dependency-cruiser): a module may import
 * its own layer and the layers above it in this list, never one below.
 *
 *   configuration → content sources → domain → checks → rendering → build tooling
 *
 * Each layer is a folder (src/config, src/sources, src/lib + src/schemas, src/check, the rendering
 * folders, scripts/). The first layer whose pattern matches a path is its layer.
 * .dependency-cruiser-known-violations.json (`npx depcruise-baseline`) can let known imports
 * against the direction through while they are moved; it is empty.
 */
const LAYERS = [
  // Configuration, and the Problem value (file, line, column, message; it imports nothing), which
  // every layer from the source readers to the tools reports with.
  { name: 'configuration', path: '^(data/|src/config/)' },
  { name: 'content sources', path: '^src/sources/' },
  // Pure: the domain's types and rules.
  { name: 'domain', path: '^(src/lib/|src/schemas/)' },
  // The checks, and the parse of a report body with its rules (src/check/body/), which the check
  // walks and the compiler renders from: one parse, below rendering.
  { name: 'checks', path: '^src/check/' },
  { name: 'rendering', path: '^(src/(markdown|components|pages|layouts|data|share|client|loaders|styles|integrations)/|src/content\\.config\\.ts$|src/env\\.d\\.ts$)' },
  { name: 'build tooling', path: '^(scripts/|bench/|astro\\.config\\.mjs$)' },
];

const either = (patterns) => patterns.map((p) => `(${p})`).join('|');

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer.name.replace(' ', '-')}-imports-no-later-layer`,
  comment: `${layer.name} may import ${LAYERS.slice(0, i + 1).map((l) => l.name).join(', ')} only`,
  severity: 'error',
  from: { path: layer.path, ...(i > 0 ? { pathNot: either(LAYERS.slice(0, i).map((l) => l.path)) } : {}) },
  to: { path: either(LAYERS.slice(i + 1).map((l) => l.path)), pathNot: either(LAYERS.slice(0, i + 1).map((l) => l.path)) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    { name: 'src-imports-no-tests-or-scripts', severity: 'error', from: { path: '^src/' }, to: { path: '^(tests|scripts|bench)/' } },
    { name: 'scripts-import-no-tests', severity: 'error', from: { path: '^(scripts|bench)/' }, to: { path: '^tests/' } },
    {
      name: 'no-date-fns-barrel',
      comment: "import each date-fns function from its own path ('date-fns/parseISO'): the package's index loads all ~250 functions, each resolved against a 199 KB package.json, 1.3 s on Node 24, paid by every build and the dev server's first page",
      severity: 'error',
      from: {},
      to: { path: '^node_modules/date-fns/index\\.c?js$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // Type-only imports count: a layer that names another's types depends on it too.
    tsConfig: { fileName: 'tsconfig.json' },
    // bench/.work holds synthetic archives and the caches their builds and dev servers leave (bundled dependencies among them).
    exclude: { path: '^(tests/\\.tmp|dist|bench/\\.work)' },
  },
};
