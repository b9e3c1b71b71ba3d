#!/usr/bin/python3
"""Plot the rollout error against time from `invtheory demo pendulum --out` documents.

Usage: /usr/bin/python3 docs/scripts/plot_pendulum.py OUT.png RESULT.json [RESULT.json ...]

Each document holds, per model, one error curve per seed (`error_by_step`): at each output time the geometric
mean over the test starts of the clamped relative error. The plot pools the seeds of all documents. Per model, it
draws the arithmetic mean over the seeds on a logarithmic axis, the same average that the reported mean error takes
over the seeds, and shades the range of the seeds. Needs Debian's matplotlib (python3-matplotlib).
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MODELS = [
    ("hnn_error", "Hamiltonian network, O(3) invariants"),
    ("node_error", "neural ODE, O(3)-equivariant field"),
    ("mlp_error", "neural ODE, plain MLP"),
]


def main(arguments):
    if len(arguments) < 2:
        sys.exit("usage: plot_pendulum.py OUT.png RESULT.json [RESULT.json ...]")
    output, inputs = arguments[0], arguments[1:]
    times = None
    curves = {key: [] for key, _ in MODELS}
    seeds = set()
    for path in inputs:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        if document.get("kind") != "demo-pendulum" or "times" not in document:
            sys.exit(f"{path}: not a demo-pendulum document with error curves (rerun the demo with this version)")
        if times is None:
            times = document["times"]
        elif document["times"] != times:
            sys.exit(f"{path}: its output times differ from those of {inputs[0]}")
        settings = document["settings"]
        seeds.update(range(settings["first_seed"], settings["first_seed"] + settings["seeds"]))
        for key, _ in MODELS:
            if key in document:
                curves[key].extend(document[key]["error_by_step"])

    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=120)
    for key, label in MODELS:
        runs = curves[key]
        if not runs:
            continue
        mean = [sum(run[k] for run in runs) / len(runs) for k in range(len(times))]
        # The first value is the floor 1e-7 at t = 0; it is left out so that the axis shows the rollout itself.
        (line,) = axes.plot(times[1:], mean[1:], label=label, linewidth=1.6)
        if len(runs) > 1:
            low = [min(run[k] for run in runs) for k in range(1, len(times))]
            high = [max(run[k] for run in runs) for k in range(1, len(times))]
            axes.fill_between(times[1:], low, high, color=line.get_color(), alpha=0.18, linewidth=0)
    axes.set_yscale("log")
    axes.set_xlabel("time")
    axes.set_ylabel("relative error (geometric mean over test starts)")
    seed_text = ", ".join(str(s) for s in sorted(seeds))
    noun = "seed" if len(seeds) == 1 else "seeds"
    axes.set_title(f"Springy double pendulum rollouts ({noun} {seed_text})")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(output)
    print(f"wrote {output}")


if __name__ == "__main__":
    main(sys.argv[1:])
