#!/usr/bin/env bash
# Drives the participant's survey page (/survey/{token}) in headless Chromium against a running
# feedback-service with real PostgreSQL and Kafka: clicks the fourth star, types a comment, submits, checks
# that the answer was stored and that axe-core finds no serious or critical violation; the test itself writes
# docs/pages/survey-phone.png, docs/pages/survey-phone-thanks.png and docs/feedback-survey-page.png.
#
# The check is the @QuarkusTest BrowserSurveyTest (src/test/java/id/loket/feedback), on platform-test's
# Browser (Selenium 4 driving Debian's chromium through /usr/bin/chromedriver). It is part of `verify`; it
# skips itself, loudly, where chromium or chromium-driver is missing, and fails then with CI=true.
#
#   apt-get install -y chromium chromium-driver      # once (Debian packages)
#   feedback-service/src/test/browser/run-survey-page-check.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."           # the repository root
for bin in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$bin" ] || { echo "$bin is missing: apt-get install -y chromium chromium-driver" >&2; exit 1; }
done
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -pl feedback-service -am verify -Dtest=BrowserSurveyTest -Dsurefire.failIfNoSpecifiedTests=false
echo "answer stored; screenshots: docs/pages/survey-phone.png docs/pages/survey-phone-thanks.png docs/feedback-survey-page.png"
