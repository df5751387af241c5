#!/usr/bin/env bash
# Drives the participant's survey page (/survey/{token}) in headless Chromium against a running
# feedback-service with real PostgreSQL and Kafka, clicks the fourth star, types a comment, submits, and
# checks that the answer was stored; then copies the screenshot to docs/feedback-survey-page.png.
#
# The check itself is the @QuarkusTest BrowserSurveyTest (src/test/java/id/loket/feedback): it boots the
# service on the embedded PostgreSQL + in-JVM Kafka of platform-test, publishes a VisitClosed to
# loket.queue.events, and talks to Chromium over the DevTools protocol (JDK WebSocket, no framework).
# It is part of `verify` and skips itself where /usr/bin/chromium is missing.
#
#   apt-get install -y chromium            # once (Debian package)
#   feedback-service/src/test/browser/run-survey-page-check.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."           # the repository root
if [ ! -x /usr/bin/chromium ]; then
  echo "chromium is not installed: apt-get install -y chromium" >&2
  exit 1
fi
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -f feedback-service/pom.xml verify -Dtest=BrowserSurveyTest -Dsurefire.failIfNoSpecifiedTests=false
shot=feedback-service/target/browser/feedback-survey-page.png
[ -s "$shot" ] || { echo "no screenshot at $shot: was the test skipped?" >&2; exit 1; }
cp "$shot" docs/feedback-survey-page.png
echo "answer stored; screenshot: docs/feedback-survey-page.png"
