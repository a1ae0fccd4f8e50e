// GraphQL Code Generator: typed documents for every operation in src/ (written with the
// generated `graphql()` function), from the gateway's supergraph. `npm run codegen -w @nct/web`
// rewrites src/gql/ (committed); tests/codegen.test.ts fails while it is stale.
const path = require('node:path');

const SUPERGRAPH = path.resolve(__dirname, '..', '..', 'gateway', 'supergraph.graphql');

/** @type {import('@graphql-codegen/cli').CodegenConfig} */
module.exports = {
  schema: [{ [SUPERGRAPH]: { loader: path.join(__dirname, 'codegen', 'supergraph-loader.cjs') } }],
  documents: [path.join(__dirname, 'src/**/*.{ts,tsx}'), `!${path.join(__dirname, 'src/gql/**')}`],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    [path.join(__dirname, 'src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { Date: 'string', Month: 'string' },
        avoidOptionals: false,
      },
    },
  },
};
