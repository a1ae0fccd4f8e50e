export { ROLES, isRole, identityFromClaims, ANONYMOUS, type Role, type Identity } from './roles';
export { PURPOSES, PURPOSE_HEADER, isPurpose, type Purpose } from './purposes';
export { POLICIES, decide, communeLimit, scopesOf, type PolicyName, type Policy, type AccessDecision } from './policies';
export {
  INTERNAL_HEADER,
  INTERNAL_TTL_SECONDS,
  bodyHash,
  generateInternalKeyPair,
  parseSigningKey,
  parseVerifyKeys,
  signInternal,
  subgraphAudience,
  verifyInternal,
  verifyKeyOf,
  verifyKeysFromEnv,
  type InternalClaims,
  type InternalSigningKey,
  type InternalTarget,
  type InternalVerification,
  type InternalVerifyKey,
} from './internal-credential';
export { ReplayGuard, REPLAY_GUARD_MAX_ENTRIES, JTI_MAX_LENGTH, type ReplayGuardOptions } from './replay-guard';
export { createTokenVerifier, type TokenVerifier, type VerifierOptions, type VerifyResult } from './token-verifier';
export { SMALL_CELL_THRESHOLD, suppressSmallCells, type Cell, type DisclosedCell } from './disclosure';
export { DEV_ISSUER, DEV_AUDIENCE, ensureDevIssuer, issueDevToken, devIssuerFiles, type DevTokenOptions } from './dev-issuer';
