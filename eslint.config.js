// Lint rules. The import boundaries below are the pipeline of DESIGN.md: a stage imports only
// from stages below it, and only through their index.ts, so each stage can be read, tested and
// replaced on its own (e.g. the store moved to a distributed engine) without chasing imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const STAGES = [
  'model',
  'store',
  'text',
  'media',
  'ingest',
  'policy',
  'coordination',
  'cases',
  'export',
  'synth',
  'server',
  'cli',
];

/** Which stages each stage may import (always through their index.ts). */
const ALLOWED = {
  model: [],
  store: ['model'],
  text: ['model'],
  media: ['model', 'store', 'text'],
  ingest: ['model', 'store', 'text', 'media'],
  policy: ['model', 'store', 'text', 'media'],
  coordination: ['model', 'store', 'text', 'media', 'policy'],
  cases: ['model', 'store', 'text', 'media', 'policy', 'coordination'],
  export: ['model', 'store', 'text', 'media', 'policy', 'coordination', 'cases'],
  synth: ['model', 'text'],
  server: ['model', 'store', 'text', 'media', 'ingest', 'policy', 'coordination', 'cases', 'export', 'synth'],
  cli: ['model', 'store', 'text', 'media', 'ingest', 'policy', 'coordination', 'cases', 'export', 'synth', 'server'],
};

const boundaryBlocks = STAGES.map((stage) => {
  const forbidden = STAGES.filter((s) => s !== stage && !ALLOWED[stage].includes(s));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${ALLOWED[stage].join('|') || '__none__'})/(?!index\\.ts$).+`,
      message: 'Import another stage only through its index.ts: the index is its public surface.',
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `src/${stage} may import only ${ALLOWED[stage].join(', ') || 'nothing'} (the pipeline of DESIGN.md); nothing imports cli/ or server/, which are thin adapters over the stages.`,
    });
  }
  return {
    files: [`src/${stage}/**/*.ts`],
    ignores: [`src/${stage}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
  ...boundaryBlocks,
);
