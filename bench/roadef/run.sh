#!/usr/bin/env bash
# Solves the ten ROADEF/EURO 2012 set-A instances one after the other (TIME_LIMIT each, default 60s), re-scores every
# written solution with the exact evaluator (drover bench roadef --evaluate) and prints a table against the best
# verified values, with the CPU time each solve really got (the machine may be shared).
# Usage: bench/roadef/run.sh [instance...]   (env: TIME_LIMIT, DATA, SKIP_BUILD=1, JAR, EXTRA_ARGS)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DATA:-/work/shared/bench-data/roadef2012/A}"
limit="${TIME_LIMIT:-60s}"
out="$root/bench/out"
jar="${JAR:-$root/target/drover.jar}"
mkdir -p "$out"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    (cd "$root" && mvn -o -q -DskipTests package)
fi

declare -A best=(
    [a1_1]=44306501 [a1_2]=777532896 [a1_3]=583005717 [a1_4]=252728589 [a1_5]=727578309
    [a2_1]=196 [a2_2]=816523983 [a2_3]=1303662728 [a2_4]=1681353943 [a2_5]=336158091)
instances=("$@")
[ ${#instances[@]} -eq 0 ] && instances=(a1_1 a1_2 a1_3 a1_4 a1_5 a2_1 a2_2 a2_3 a2_4 a2_5)

# objective of the line starting with $2 in file $1, without thousands separators
objective() { grep "^$2 " "$1" | head -1 | awk '{print $2}' | tr -d ','; }

table="$out/roadef-table.md"
{
    echo "| instance | original | result | best verified | gap % | feasible | target met | CPU s | moves drawn/s |"
    echo "|---|---:|---:|---:|---:|---|---|---:|---:|"
} > "$table"
for instance in "${instances[@]}"; do
    model="$data/model_$instance.txt"
    assignment="$data/assignment_$instance.txt"
    solution="$out/solution_$instance.txt"
    log="$out/$instance.log"
    java ${JAVA_OPTS:-} -jar "$jar" bench roadef "$model" "$assignment" --time-limit "$limit" --out "$solution" \
        ${EXTRA_ARGS:-} > "$log" 2>&1 || true
    check="$out/$instance.check"
    feasible=no
    java -jar "$jar" bench roadef "$model" "$assignment" --evaluate "$solution" > "$check" 2>&1 && feasible=yes
    original=$(objective "$check" original)
    result=$(objective "$check" solution)
    reference=${best[$instance]}
    gap=$(awk -v r="$result" -v b="$reference" 'BEGIN { printf "%.3f", 100 * (r - b) / b }')
    case "$instance" in
        a1_*) met=$(awk -v g="$gap" 'BEGIN { print (g <= 1.0) ? "yes" : "no" }') ;;
        a2_1) met=$([ "$result" -lt 1000 ] && echo yes || echo no) ;;
        *) met=$(awk -v g="$gap" 'BEGIN { print (g <= 5.0) ? "yes" : "no" }') ;;
    esac
    [ "$feasible" = yes ] || met=no
    # "search    N moves drawn (R/s), A accepted, C s CPU"
    cpu=$(grep '^search ' "$log" | sed -E 's/.*, ([0-9.]+) s CPU.*/\1/')
    rate=$(grep '^search ' "$log" | sed -E 's/.*\(([0-9,]+)\/s\).*/\1/')
    line=$(printf "| %s | %'d | %'d | %'d | %s | %s | %s | %s | %s |" "$instance" "$original" "$result" "$reference" \
        "$gap" "$feasible" "$met" "$cpu" "$rate")
    echo "$line" >> "$table"
    echo "$line"
done
echo
cat "$table"
