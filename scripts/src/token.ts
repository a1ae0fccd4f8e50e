// `npm run token -- --role ROLE [--commune CODE] [--agency NAME] [--hours H]`: prints a token
// from the local development issuer, which the gateway's embedded default trusts.
import { isRole, issueDevToken, ROLES } from '@nct/auth';
import { DEV_ISSUER_DIR } from '@nct/gateway';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const role = option('role');
  const commune = option('commune');
  const agency = option('agency');
  const hours = Number(option('hours') ?? 8);
  const problems: string[] = [];
  if (!isRole(role)) problems.push(`--role must be one of: ${ROLES.join(', ')}`);
  if (commune !== undefined && !/^\d{5}$/.test(commune)) problems.push('--commune must be a 5-digit commune code');
  if (role === 'commune-officer' && !commune) problems.push('a commune-officer token needs --commune CODE');
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) problems.push('--hours must be between 0 and 24');
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\nUsage: npm run token -- --role ROLE [--commune CODE] [--agency NAME] [--hours H]\n`);
    process.exit(2);
  }
  const token = await issueDevToken(DEV_ISSUER_DIR, {
    role: role as (typeof ROLES)[number],
    commune,
    agency,
    ttlSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

void main();
