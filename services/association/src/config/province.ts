/**
 * The province this deployment serves (one graph per province). Read once, here only:
 * `NCT_PROVINCE_CODE` (2 digits, Decision 19/2025/QĐ-TTg), default '12' (the seed's province).
 * It picks the province's row in the gift table of longevity celebrations.
 */
export function provinceCode(env: NodeJS.ProcessEnv = process.env): string {
  const code = env.NCT_PROVINCE_CODE ?? '12';
  if (!/^\d{2}$/.test(code)) throw new Error(`NCT_PROVINCE_CODE must be 2 digits, got "${code}"`);
  return code;
}
