#!/bin/sh
# Creates the env files and secret files deploy/compose.yaml reads, with fresh random
# passwords and a fresh internal Ed25519 key pair. Never overwrites a file that exists.
# Needs: sh, openssl, node (any version >= 16, for the key pair). Run from deploy/.
set -eu
cd "$(dirname "$0")"
umask 077
mkdir -p env secrets

new() { [ -e "$1" ] && { echo "keep    $1"; return 1; }; echo "create  $1"; }
pw() { openssl rand -hex 24; }

SERVICES="homeaffairs social health association audit"

if new secrets/mongo-keyfile; then openssl rand -base64 756 > secrets/mongo-keyfile; fi
if new secrets/idp-jwks.json; then
  # Placeholder: replace with your identity provider's JWKS (public keys only).
  echo '{"keys":[]}' > secrets/idp-jwks.json
  chmod 644 secrets/idp-jwks.json
fi

for s in $SERVICES; do
  if [ ! -e "env/db-$s.env" ] && [ ! -e "env/$s.env" ]; then
    root=$(pw); app=$(pw)
    new "env/db-$s.env"
    printf 'MONGO_ROOT_USERNAME=root\nMONGO_ROOT_PASSWORD=%s\nMONGO_APP_USERNAME=nct_%s\nMONGO_APP_PASSWORD=%s\n' "$root" "$s" "$app" > "env/db-$s.env"
    new "env/$s.env"
    printf 'MONGODB_URI=mongodb://nct_%s:%s@db-%s:27017/nct_%s?replicaSet=rs0&authSource=admin\n' "$s" "$app" "$s" "$s" > "env/$s.env"
  else
    echo "keep    env/db-$s.env, env/$s.env (both are made together)"
  fi
done

if [ ! -e env/gateway.env ] && [ ! -e env/subgraphs.env ]; then
  # One line each: the private key as a JWK (gateway only), the public key as base64url "x".
  keys=$(node -e "const k=require('crypto').generateKeyPairSync('ed25519').privateKey.export({format:'jwk'});console.log(JSON.stringify(k));console.log(k.x)")
  private=$(echo "$keys" | sed -n 1p); public=$(echo "$keys" | sed -n 2p)
  new env/gateway.env
  cat > env/gateway.env <<EOT
NODE_ENV=production
INTERNAL_SIGNING_KEY=$private
AUTH_ISSUER=https://id.example.gov.vn/realms/nct
AUTH_AUDIENCE=nct-gateway
CORS_ALLOWED_ORIGINS=
LOG_LEVEL=info
EOT
  new env/subgraphs.env
  cat > env/subgraphs.env <<EOT
NODE_ENV=production
INTERNAL_VERIFY_KEYS=$public
NCT_PROVINCE_CODE=12
LOG_LEVEL=info
EOT
else
  echo "keep    env/gateway.env, env/subgraphs.env (both are made together: one key pair)"
fi
echo "Now: set AUTH_ISSUER / AUTH_AUDIENCE in env/gateway.env and your provider's JWKS in secrets/idp-jwks.json."
