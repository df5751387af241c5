# Bearer tokens for the services a benchmark starts (sourced by bench/run and bench/membership/*).
# Each run makes its own RSA key pair (nothing in the repository) and starts the services trusting its public
# key (QUARKUS_OIDC_PUBLIC_KEY, issuer loket-bench): they verify these tokens exactly as they verify Keycloak's
# (signature, expiry, issuer), so the figures include the verification a real request pays.

BENCH_OIDC_ISSUER=loket-bench

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# bench_keys <dir>: makes <dir>/bench-key.pem and sets BENCH_OIDC_PUBLIC_KEY (base64 X.509, as Quarkus takes it)
bench_keys() {
  mkdir -p "$1"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/bench-key.pem" 2>/dev/null \
    || { echo "bench: openssl could not make a key pair" >&2; return 1; }
  BENCH_KEY="$1/bench-key.pem"
  BENCH_OIDC_PUBLIC_KEY="$(openssl pkey -in "$BENCH_KEY" -pubout -outform DER 2>/dev/null | base64 -w0)"
}

# bench_token <subject> <branch or -> <ROLE>...: a token valid for 12 hours; "-" = no branch (national)
bench_token() {
  local subject="$1" branch="$2" roles="" r header payload
  shift 2
  for r in "$@"; do roles+="${roles:+,}\"$r\""; done
  header="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
  payload="$(printf '{"iss":"%s","sub":"%s","preferred_username":"%s","iat":%d,"exp":%d,"realm_access":{"roles":[%s]}%s}' \
    "$BENCH_OIDC_ISSUER" "$subject" "$subject" "$(date +%s)" $(( $(date +%s) + 43200 )) "$roles" \
    "$([[ "$branch" == - ]] || printf ',"branch":"%s"' "$branch")" | b64url)"
  printf '%s.%s.%s\n' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$BENCH_KEY" -binary | b64url)"
}
