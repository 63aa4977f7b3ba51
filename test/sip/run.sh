#!/bin/sh
# Runs the SIP suite (npm run test:sip [-- playwright args]). As root, with unshare
# and ip available, it runs inside a private network namespace that has only
# loopback: Kamailio, rtpengine and sipp listen on 127.0.0.1 anyway, and this also
# keeps Chromium's ICE candidates off the machine's real interfaces. Otherwise it
# runs directly (everything still binds 127.0.0.1; Chromium may add host candidates).
set -e
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  exec unshare -n sh -c 'ip link set lo up && exec npx playwright test -c test/sip/playwright.config.ts "$@"' sh "$@"
fi
exec npx playwright test -c test/sip/playwright.config.ts "$@"
