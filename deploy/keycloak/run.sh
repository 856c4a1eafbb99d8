#!/usr/bin/env bash
# Starts a real Keycloak (26.4.7, from the keycloak-quarkus-dist archive on Maven Central: no Docker) on loopback,
# with the realm of realm-socialfund.json imported, and prints how to get a token from it. Needs Java 17 or newer.
#
#   deploy/keycloak/run.sh            # Keycloak on http://127.0.0.1:8180, admin console user admin/admin
#   KC_PORT=8280 KC_FRESH=1 deploy/keycloak/run.sh   # another port; KC_FRESH=1 forgets earlier data first
#
# The archive is fetched once (about 160 MB) into target/keycloak/ of the repository; Keycloak keeps its data
# (an H2 database, development mode) in its own data/ folder there. Stop it with Ctrl-C.
# The users, secrets and the test client in the realm are for testing only: see the README's production section.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version=26.4.7
dist="$root/target/keycloak"
home="$dist/keycloak-$version"
port="${KC_PORT:-8180}"
if [ ! -x "$home/bin/kc.sh" ]; then
  mkdir -p "$dist"
  if [ ! -f "$dist/keycloak-quarkus-dist-$version.zip" ]; then
    echo "fetching org.keycloak:keycloak-quarkus-dist:$version:zip from Maven Central ..." >&2
    (cd "$root" && ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
      -DoutputDirectory="$dist" >&2)
  fi
  if command -v unzip > /dev/null; then
    (cd "$dist" && unzip -q -o "keycloak-quarkus-dist-$version.zip")
  else # the JDK's jar tool unpacks it too, without the scripts' executable bits
    (cd "$dist" && jar xf "keycloak-quarkus-dist-$version.zip" && chmod +x "keycloak-$version"/bin/*.sh)
  fi
fi
if [ "${KC_FRESH:-0}" = 1 ]; then
  rm -rf "$home/data"
fi
mkdir -p "$home/data/import"
cp "$here/realm-socialfund.json" "$home/data/import/"
issuer="http://127.0.0.1:$port/realms/socialfund"
cat >&2 <<INFO
Keycloak $version is starting on http://127.0.0.1:$port (admin console: admin / admin), realm socialfund.
When it is up (about 30 s), a token for a test user (roles: applicant, office-head, fund-officer,
scientific-advisor, auditor; at utb = utbildningskontoret, sbk = stadsbyggnadskontoret or, for fund officers
and auditors, ks = kommunstyrelsens-kontor; e.g. applicant.utb, auditor.ks; no-role.utb has no role):

  curl -s -d grant_type=password -d client_id=socialfund-test -d username=fund-officer.ks \\
    -d password=test-only-password $issuer/protocol/openid-connect/token \\
    | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/'

and the form's (client credentials, role form-integration):

  curl -s -d grant_type=client_credentials -d client_id=socialfund-form \\
    -d client_secret=form-secret-for-tests-only $issuer/protocol/openid-connect/token

Point the service at it:
  QUARKUS_OIDC_AUTH_SERVER_URL=$issuer QUARKUS_OIDC_TOKEN_AUDIENCE=socialfund-api ./run
INFO
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --hostname-strict=false \
  --import-realm --cache=local "$@"
