#!/usr/bin/env bash
# Adds one trained run to the model zoo: copies its best checkpoint (weights and run.json only) to
# samples/checkpoints/zoo/ID, measures its held-out accuracy with `haxlab eval` and writes the entry into
# samples/zoo.json (replacing an entry with the same id).
#
#   docs/zoo/add-to-zoo.sh ID "NAME" RUN_DIR STEPS "COMMAND"     e.g.
#   docs/zoo/add-to-zoo.sh mamba2-hax "Mamba-2 +HAX" runs/zoo/C2/runs/hax-s0 4000 "haxlab table ..."
set -euo pipefail
cd "$(dirname "$0")/../.."
id=$1; name=$2; run=$3; steps=$4; command=$5
H=${HAXLAB:-java -jar app/target/haxlab.jar}
SAMPLES=${ZOO_EVAL_SAMPLES:-512}
dest=samples/checkpoints/zoo/$id
[[ -f $run/best/run.json ]] || { echo "add-to-zoo: $run has no best/ checkpoint" >&2; exit 2; }
rm -rf "$dest" && mkdir -p "$dest"
cp "$run/best/run.json" "$run/best/weights.ndlist" "$dest/"
out=$($H eval --checkpoint "$dest" --samples "$SAMPLES" --device cpu --seed 7)
acc=$(sed -n 's/^accuracy=\([0-9.]*\).*/\1/p' <<<"$out" | head -1)
[[ -n $acc ]] || { echo "add-to-zoo: no accuracy in: $out" >&2; exit 1; }
python3 - "$id" "$name" "$dest" "$steps" "$command" "$acc" "$SAMPLES" <<'PY'
import json, sys, os
zid, name, dest, steps, command, acc, samples = sys.argv[1:]
run = json.load(open(os.path.join(dest, "run.json")))
def find(d, key):
    if isinstance(d, dict):
        if key in d:
            return d[key]
        for v in d.values():
            r = find(v, key)
            if r is not None:
                return r
    return None
model = find(run, "model")
task = find(run, "task")
sparse = model.get("sparse", {})
pattern = sparse.get("pattern", "NONE").lower()
entry = {"name": name, "id": zid, "checkpoint": os.path.relpath(dest, "samples"),
         "backbone": model["backbone"].lower().replace("mamba1", "mamba1"),
         "pattern": "ssm" if pattern == "none" else pattern,
         "dModel": model["dModel"], "dState": model["dState"],
         "contexts": f"{task['minContexts']}..{task['maxContexts']}" if "minContexts" in task else task.get("contexts"),
         "keys": f"{task['minKeys']}..{task['maxKeys']}" if "minKeys" in task else task.get("keys"),
         "k": sparse.get("budget"), "hashBits": sparse.get("hashBits"),
         "steps": int(steps), "accuracy": round(float(acc), 4), "evalSamples": int(samples),
         "seed": model.get("initSeed", 0), "command": command}
path = "samples/zoo.json"
zoo = json.load(open(path)) if os.path.exists(path) else {"grid": {"contexts": entry["contexts"], "keys": entry["keys"]}, "models": []}
zoo["models"] = [m for m in zoo["models"] if m["id"] != zid] + [entry]
json.dump(zoo, open(path, "w"), indent=2)
open(path, "a").write("\n")
print(json.dumps(entry))
PY
