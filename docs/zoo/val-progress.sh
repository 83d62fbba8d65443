#!/usr/bin/env bash
# Validation accuracy so far of every run under ROOT
for f in $1/*/runs/*/metrics.csv; do
  echo "$(echo $f | sed 's|.*/\([A-Z][0-9]-[a-z0-9-]*\)/runs/\([a-z0-9-]*\)/.*|\1 \2|'): $(tail -n 1 $f | awk -F, '{printf "step %s %.0fs", $1, $9}') val: $(awk -F, '$6!="" && NR>1 {printf "%s:%.2f ", $1, $6}' $f | tr ' ' '\n' | tail -n 6 | tr '\n' ' ')"
done
