/**
 * The one registry of subgraphs. Every other configuration (gateway service list,
 * composition, start script, tests, benchmark) is derived from this list.
 */
export type SubgraphName = 'homeaffairs' | 'social' | 'health' | 'association' | 'audit';

export interface SubgraphInfo {
  readonly name: SubgraphName;
  /** Default port on loopback; `<NAME>_PORT` overrides it. */
  readonly port: number;
  /** MongoDB database name owned by this subgraph alone; `<NAME>_DB` overrides it. */
  readonly database: string;
  /** The agency that owns the data. */
  readonly agency: string;
}

export const SUBGRAPHS: readonly SubgraphInfo[] = [
  { name: 'homeaffairs', port: 4001, database: 'nct_homeaffairs', agency: 'Sở Nội vụ (home affairs)' },
  { name: 'social', port: 4002, database: 'nct_social', agency: 'Sở LĐ-TBXH (social protection)' },
  { name: 'health', port: 4003, database: 'nct_health', agency: 'Sở Y tế (health)' },
  { name: 'association', port: 4004, database: 'nct_association', agency: 'Hội Người cao tuổi (Association of the Elderly)' },
  // Not an agency: the access log of personal-data reads, written by the gateway (docs/security.md).
  { name: 'audit', port: 4005, database: 'nct_audit', agency: 'access log (data protection)' },
] as const;

export const GATEWAY_PORT = 4000;
export const DEFAULT_HOST = '127.0.0.1';

type Env = Record<string, string | undefined>;

export function subgraphInfo(name: SubgraphName): SubgraphInfo {
  const info = SUBGRAPHS.find((s) => s.name === name);
  if (!info) throw new Error(`Unknown subgraph ${name}`);
  return info;
}

export function subgraphPort(info: SubgraphInfo, env: Env = process.env): number {
  const raw = env[`${info.name.toUpperCase()}_PORT`];
  return raw ? parsePort(raw, `${info.name.toUpperCase()}_PORT`) : info.port;
}

/** URL the gateway uses to reach a subgraph: `<NAME>_URL` or loopback on its port. */
export function subgraphUrl(info: SubgraphInfo, env: Env = process.env): string {
  return env[`${info.name.toUpperCase()}_URL`] ?? `http://${DEFAULT_HOST}:${subgraphPort(info, env)}/graphql`;
}

export function subgraphDatabase(info: SubgraphInfo, env: Env = process.env): string {
  return env[`${info.name.toUpperCase()}_DB`] ?? info.database;
}

export function parsePort(raw: string, name: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer port between 0 and 65535, got "${raw}"`);
  }
  return port;
}
