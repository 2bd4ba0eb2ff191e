#!/usr/bin/python3
"""Wall time of the Spark job in local mode against `gramian fit-many`, on the same input.

Generates, from a fixed seed, N local-level series of 120 to 200 monthly points (the generator of
estimation/src/jmh/statsmodels/fit_many_timing.py), writes them as a long CSV (id,month,y, sorted
by id) in a temporary directory, and times, REPEATS times each, alternating, as whole processes:

  fit-many     ./gramian fit-many FILE --id id --value y --model local-level --threads 2 --quiet
               --out results.csv
  spark, java  java [Spark's --add-opens] -Dspark.master=local[2] -cp CLASSPATH
               io.gramian.spark.FitManySpark FILE --id id --value y --model local-level --out DIR
               (the module's class path, as exec:exec runs it)

The Gramian modules come from this checkout's target/classes, not from ~/.m2 (which another
build may have replaced); the documented `mvn -q -pl estimation/spark exec:exec` runs the same
java command after Maven's own start.

and prints the medians and the overhead of each Spark run over fit-many (seconds, and ratio), and
checks that the two results tables agree cell by cell. Needs the modules built first:
  mvn -B -q install -DskipTests -pl estimation/spark -am

Usage: /usr/bin/python3 estimation/spark/timing/spark_overhead_timing.py [REPEATS] [N]
Prints a report and writes it to spark_overhead_timing_output.txt beside this script.
"""

import csv
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # estimation/spark/timing -> the repository
sys.path.insert(0, str(ROOT / "estimation" / "src" / "jmh" / "statsmodels"))
from fit_many_timing import SEED, local_level, write_long  # noqa: E402

GRAMIAN = ROOT / "gramian"
OUTPUT = HERE / "spark_overhead_timing_output.txt"
REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
N = int(sys.argv[2]) if len(sys.argv) > 2 else 400
JOB = ["--id", "id", "--value", "y", "--model", "local-level"]


def timed(command, cwd=ROOT):
    t0 = time.perf_counter()
    subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def spark_java_command():
    """java + the exec plugin's flags and class path, read from the module's pom."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as cp:
        subprocess.run(["mvn", "-q", "-o", "-pl", "estimation/spark", "dependency:build-classpath",
                        "-Dmdep.includeScope=compile", f"-Dmdep.outputFile={cp.name}"],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        classpath = cp.read().strip()
    modules = {"gramian-autodiff": "autodiff", "gramian-kalman": "kalman",
               "gramian-datasets": "datasets", "gramian-estimation": "estimation",
               "gramian-cli": "estimation/cli"}
    entries = [str(ROOT / "estimation" / "spark" / "target" / "classes")]
    for entry in classpath.split(os.pathsep):
        name = Path(entry).name
        module = next((m for a, m in modules.items() if name.startswith(a + "-0")), None)
        if "/junit" in entry or "/opentest4j" in entry or "/apiguardian" in entry:
            continue
        entries.append(str(ROOT / module / "target" / "classes") if module else entry)
    pom = (ROOT / "estimation" / "spark" / "pom.xml").read_text()
    opens = pom.split("<spark.jvm.opens>")[1].split("</spark.jvm.opens>")[0].split()
    return ["java", *opens, "-Dspark.master=local[2]", "-cp", os.pathsep.join(entries),
            "io.gramian.spark.FitManySpark"]


def read_rows(path):
    with open(path, newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def main():
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    say(f"Spark local mode against fit-many, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    say(f"{os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.2f}; "
        f"{REPEATS} repeats, medians; {N} local-level series of 120-200 points")
    subprocess.run([str(GRAMIAN), "--version"], check=True, stdout=subprocess.DEVNULL)
    java = spark_java_command()
    rng = np.random.default_rng(SEED)
    series = [local_level(rng, int(rng.integers(120, 201))) for _ in range(N)]
    times = {"fit-many": [], "spark, java": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "long.csv"
        write_long(data, series, 1)
        for r in range(REPEATS):
            times["fit-many"].append(timed(
                [str(GRAMIAN), "fit-many", str(data), *JOB, "--threads", "2", "--quiet",
                 "--out", str(tmp / "fm.csv")]))
            out = tmp / f"java{r}"
            times["spark, java"].append(timed([*java, str(data), *JOB, "--out", str(out)]))
        want = read_rows(tmp / "fm.csv")
        got = read_rows(next((tmp / "java0").glob("*.csv")))
        worst = 0.0
        for key, row in want.items():
            for column, cell in row.items():
                other = got[key][column]
                try:
                    x, y = float(cell), float(other)
                    worst = max(worst, abs(x - y) / max(1.0, abs(x)))
                except ValueError:
                    assert cell == other, (key, column, cell, other)
    median = {k: statistics.median(v) for k, v in times.items()}
    say()
    for k, v in times.items():
        say(f"  {k:12s} median {median[k]:6.2f} s  (runs: {', '.join(f'{x:.2f}' for x in v)})")
    base = median["fit-many"]
    say()
    for k in ("spark, java",):
        say(f"{k}: {median[k] - base:+.2f} s over fit-many ({median[k] / base:.2f}x its wall time)")
    say(f"results agree: {len(want)} series, largest relative difference {worst:.1e}")
    say(f"load average at end {os.getloadavg()[0]:.2f}")
    OUTPUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
