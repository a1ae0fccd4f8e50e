// Lint rules for what review kept finding: import cycles, one agency's code reaching into
// another's, unused code. Formatting is Prettier's job (`npm run format`); that resolvers are
// imported only by their schema module is tested in packages/testing/src/structure.test.ts.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const SERVICES = ['homeaffairs', 'social', 'health', 'association', 'audit'];

export default tseslint.config(
  // Build output, caches, and jest coverage folders at a workspace root (not src/coverage/).
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.cache/**',
      '.data/**',
      '.turbo/**',
      'coverage/**',
      '*/coverage/**',
      '*/*/coverage/**',
      'deploy/**',
      // GraphQL Code Generator output (apps/web/codegen.config.cjs), checked by apps/web/tests/codegen.test.ts.
      'apps/web/src/gql/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // GraphQL JSON and test fixtures are loosely typed on purpose; new code should type its data.
      '@typescript-eslint/no-explicit-any': 'off',
      // CommonJS `require` is used deliberately (optional modules, preloads, the compose CLI).
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // Each agency owns its data: no service imports another service's code.
  ...SERVICES.map((name) => {
    const others = SERVICES.filter((o) => o !== name);
    const message = 'Agencies share data only through the graph, never by importing another service.';
    return {
      files: [`services/${name}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: others.map((o) => ({ name: `@nct/${o}`, message })),
            // By package name, by a path through services/, or by a relative path up and across.
            patterns: [{ group: others.flatMap((o) => [`**/services/${o}/**`, `**/../${o}`, `**/../${o}/**`]), message }],
          },
        ],
      },
    };
  }),
);
