// The committed GraphQL types (src/gql/) must be what GraphQL Code Generator makes today from
// gateway/supergraph.graphql and the operations in src/: a schema change or a new query without
// `npm run codegen -w @nct/web` fails here. The generation runs in memory (codegen/check.cjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(120_000);

describe('generated GraphQL types', () => {
  it('are up to date with the supergraph and the operations', () => {
    const check = spawnSync(process.execPath, [path.resolve(__dirname, '..', 'codegen', 'check.cjs')], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    expect(check.stdout).toMatch(/src\/gql is up to date \(3 files\)/);
  });
});
