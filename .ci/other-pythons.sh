#!/usr/bin/env bash
# The whole suite on the other supported Pythons this machine has (3.10, the lowest supported,
# and 3.13 and 3.14, where durable-rules needs its build mapping), each in its own venv.
# A version that is not here is skipped with a line saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
default=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
find_python() {
    local v=$1 candidate
    for candidate in "python$v" "$(pyenv root 2>/dev/null)/versions/$v"*/bin/"python$v" \
                     /usr/bin/"python$v" /usr/local/bin/"python$v"; do
        if "$candidate" -c 'import sys' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}
for v in 3.10 3.13 3.14; do
    if [ "$v" = "$default" ]; then
        continue
    fi
    if py=$(find_python "$v"); then
        echo "== the whole suite on Python $v ($py)"
        make test PYTHON="$py" VENV=".venv-py$v"
    else
        echo "== skipped: no Python $v interpreter on this machine"
    fi
done
