#!/usr/bin/env bash
# Whole-process benchmark of docs/benchmarks.md: `./migrate check`, `./migrate generate` (nothing to write),
# `./migrate check --url` and `mvn liquibase:diff` with the `registry:` reference (and Maven alone, its floor), alternating, on the bookstore model,
# against one embedded PostgreSQL migrated to head (served as in .ci/run). Prints every run, then the median wall
# time and peak RSS of each command and their ratio to `mvn liquibase:diff`.
#
#   bash db-migrations/bench/whole-process.sh [runs, default 5]
#
# Run it on an otherwise idle machine: it measures wall time. The warm-up round (not counted) builds what the
# commands need once: the `./migrate` build and its class-data archive, the kept shadow, Maven's compile.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
work="$PWD/target/bench-whole-process"
rm -rf "$work" && mkdir -p "$work"

./mvnw -B -q -o install -DskipTests
./mvnw -B -q -o dependency:build-classpath -pl db-core -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
mkfifo "$work/hold"
java -cp "db-core/target/test-classes:db-core/target/classes:$(cat "$work/cp.txt")" \
    com.bookstore.db.core.testing.ServeScratchDatabase "$work/url.txt" < "$work/hold" &
server=$!
exec 7>"$work/hold"
trap 'exec 7>&-; wait "$server" || true' EXIT
for _ in $(seq 1 120); do [ -f "$work/url.txt" ] && break; sleep 0.5; done
DATABASE_URL=$(cat "$work/url.txt")
export DATABASE_URL
./migrate upgrade >/dev/null
cp -r db-migrations/src/main/resources "$work/changelogs"

# name, then the command; appends "name seconds peak-KB exit" to results
measure() {
    local name=$1; shift
    local rc=0
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$name.log" 2>&1 || rc=$?
    if grep -q "migrate: building" "$work/$name.log"; then
        echo "a build ran during $name: discard this run" >&2; exit 1
    fi
    echo "$name $(cat "$work/time") $rc" | tee -a "$work/results"
}
commands() {
    measure check ./migrate check
    measure generate ./migrate generate -m bench --changelog-dir "$work/changelogs"
    measure check-url ./migrate check --url "$DATABASE_URL"
    measure liquibase-diff sh -c 'cd db-migrations && ../mvnw -q -o compile liquibase:diff'
    measure maven-floor sh -c 'cd db-migrations && ../mvnw -q -o compile'
}

echo "warm-up round (not counted):"
commands
: >"$work/results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
for i in $(seq 1 "$runs"); do
    echo "round $i:"
    commands
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
if ls db-migrations/target/liquibase-diff-changelog.xml >/dev/null 2>&1; then
    echo "note: mvn liquibase:diff wrote a changelog (the database differs from the model)" >&2
fi

echo
echo "| command | runs | wall median | peak RSS median | exit | ratio to mvn liquibase:diff |"
echo "|---|---:|---:|---:|---|---:|"
awk '
    { wall[$1] = wall[$1] " " $2; rss[$1] = rss[$1] " " $3; code[$1] = $4; n[$1]++ }
    function median(list,   a, k, i, j, t) {
        k = split(list, a, " ")
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    END {
        base = median(wall["liquibase-diff"])
        split("check generate check-url liquibase-diff maven-floor", order, " ")
        label["check"] = "`./migrate check`"
        label["generate"] = "`./migrate generate` (nothing to write)"
        label["check-url"] = "`./migrate check --url`"
        label["liquibase-diff"] = "`cd db-migrations && ../mvnw -q -o compile liquibase:diff` (`registry:`)"
        label["maven-floor"] = "`cd db-migrations && ../mvnw -q -o compile` (Maven alone: the floor of any `mvn liquibase:diff`)"
        for (o = 1; o <= 5; o++) {
            c = order[o]
            printf "| %s | %d | %.2f s | %d MiB | %s | %.2f |\n", label[c], n[c], median(wall[c]), median(rss[c]) / 1024, code[c], median(wall[c]) / base
        }
    }' "$work/results"
