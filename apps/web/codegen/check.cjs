// Whether the committed src/gql/ is what GraphQL Code Generator makes today from
// gateway/supergraph.graphql and the operations in src/ (generated in memory, nothing written).
// Run by tests/codegen.test.ts (in a plain Node process: the generator's ESM dependencies do not
// load inside jest's module system); exits 1 and names the stale files.
const fs = require('node:fs');
const path = require('node:path');
const { generate } = require('@graphql-codegen/cli');
const config = require('../codegen.config.cjs');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'src', 'gql');

generate({ ...config, cwd: root }, false).then(
  (files) => {
    if (!files.length) throw new Error('the generator produced no file');
    const stale = files
      .filter((f) => !fs.existsSync(f.filename) || fs.readFileSync(f.filename, 'utf8') !== f.content)
      .map((f) => f.filename);
    const made = new Set(files.map((f) => path.resolve(f.filename)));
    const extra = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .filter((f) => !made.has(f));
    const problems = [
      ...stale.map((f) => `stale: ${path.relative(root, f)}`),
      ...extra.map((f) => `not generated any more: ${path.relative(root, f)}`),
    ];
    if (problems.length) {
      process.stderr.write(`${problems.join('\n')}\nRun: npm run codegen -w @nct/web\n`);
      process.exit(1);
    }
    process.stdout.write(`src/gql is up to date (${files.length} files)\n`);
  },
  (err) => {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
    process.exit(2);
  },
);
