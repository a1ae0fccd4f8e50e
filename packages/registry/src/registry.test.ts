import { SUBGRAPHS, subgraphUrl, subgraphDatabase, subgraphPort, parsePort } from './index';

describe('subgraph registry', () => {
  it('gives every subgraph its own port and database', () => {
    expect(new Set(SUBGRAPHS.map((s) => s.port)).size).toBe(SUBGRAPHS.length);
    expect(new Set(SUBGRAPHS.map((s) => s.database)).size).toBe(SUBGRAPHS.length);
  });

  it.each([
    [{}, 'http://127.0.0.1:4002/graphql'],
    [{ SOCIAL_PORT: '5002' }, 'http://127.0.0.1:5002/graphql'],
    [{ SOCIAL_URL: 'http://social.internal:80/graphql' }, 'http://social.internal:80/graphql'],
  ])('derives the social URL from %j', (env, url) => {
    const social = SUBGRAPHS.find((s) => s.name === 'social')!;
    expect(subgraphUrl(social, env)).toBe(url);
  });

  it('lets the environment rename a database', () => {
    const health = SUBGRAPHS.find((s) => s.name === 'health')!;
    expect(subgraphDatabase(health, {})).toBe('nct_health');
    expect(subgraphDatabase(health, { HEALTH_DB: 'x' })).toBe('x');
    expect(subgraphPort(health, { HEALTH_PORT: '0' })).toBe(0);
  });

  it.each(['abc', '-1', '70000', '1.5'])('refuses the port %s', (raw) => {
    expect(() => parsePort(raw, 'PORT')).toThrow(/PORT must be an integer/);
  });
});
