"""The table of bench/run-all: one row for each target of issue 15 (and the batch's), from the CSVs in bench/results.

benchmark | measured | floor | ratio | target | met? — "met" / "not met", or "n/a" when the benchmark has no result.
Writes bench/results/results.csv (benchmark,measured,floor,ratio,target,met,score; score ≥ 1 when met) for
bench/lib/Chart.java. FOOTPRINT_PROFILE names the documented memory profile of bench/footprint/run (default: the
first of lean, container, small that was measured).
"""
import csv
import os
import statistics

R = "bench/results"
rows = []


def read(name):
    p = os.path.join(R, name)
    return list(csv.DictReader(open(p))) if os.path.exists(p) else None


def add(name, measured, floor, ratio, target, met, score):
    rows.append([name, measured, floor, ratio, target, "met" if met else "not met", f"{score:.3f}"])


def na(name, target, why):
    rows.append([name, why, "", "", target, "n/a", ""])


# start-up: bench/startup/run (medians of alternating rounds)
st = read("startup.csv")
med = {}
if st:
    for side in dict.fromkeys(r["side"] for r in st):
        med[side] = statistics.median(float(r["startup_ms"]) for r in st if r["side"] == side)
name = "start-up to first answered check vs bare Quarkus app"
if "service" in med and "bare" in med:
    x = med["service"] / med["bare"]
    add(name, f"{med['service'] / 1000:.2f} s", f"{med['bare'] / 1000:.2f} s (bare)", f"{x:.2f}×", "≤ 1.3×", x <= 1.3, 1.3 / x)
else:
    na(name, "≤ 1.3×", "no bench/results/startup.csv")
name = "start-up with the AOT cache vs without (Java 25)"
if "service-java25-aot" in med and "service-java25" in med:
    x = med["service-java25-aot"] / med["service-java25"]
    add(name, f"{med['service-java25-aot'] / 1000:.2f} s", f"{med['service-java25'] / 1000:.2f} s (no cache)", f"{x:.2f}×",
        "≤ 0.6×", x <= 0.6, 0.6 / x)
else:
    na(name, "≤ 0.6×", "not measured (Java 25 absent or AOT=0)")
name = "restart with unchanged rule sets: rule-set loading"
rl = {r["side"]: r for r in st or [] if r["side"] in ("first-start", "restart")}
if rl.get("first-start", {}).get("rule_sets_ms") and rl.get("restart", {}).get("rule_sets_ms"):
    first, again = float(rl["first-start"]["rule_sets_ms"]), float(rl["restart"]["rule_sets_ms"])
    x = again / first
    detail = rl["restart"].get("rule_sets_detail") or "no compiled-cache counts in the log"
    add(name, f"{again:.0f} ms ({detail})", f"{first:.0f} ms (first start)", f"{x:.2f}×", "≤ 0.10×", x <= 0.10,
        0.10 / x if x > 0 else 10)
else:
    na(name, "≤ 0.10×", "no \"Loaded N rule sets\" log line measured")

# HTTP: bench/http/run
h = read("http.csv")
if h:
    d = {r["metric"]: r for r in h}
    real, fl = float(d["max_rps"]["eligibility"]), float(d["max_rps"]["floor"])
    add("http: POST /api/v1/eligibility max throughput vs floor", f"{real:.0f} req/s", f"{fl:.0f} req/s", f"{real / fl:.2f}×",
        "≥ 0.6× (stretch 0.8×)", real / fl >= 0.6, (real / fl) / 0.6)
    p99 = float(d["fixed_p99_ms"]["eligibility"])
    add("http: p99 at half the max rate",
        f"{p99:.1f} ms (p50 {float(d['fixed_p50_ms']['eligibility']):.1f}, p90 {float(d['fixed_p90_ms']['eligibility']):.1f}) at {float(d['fixed_rate_rps']['eligibility']):.0f} req/s",
        f"{float(d['fixed_p99_ms']['floor']):.1f} ms", "", "< 10 ms", p99 < 10, 10 / p99)
else:
    na("http: POST /api/v1/eligibility max throughput vs floor", "≥ 0.6× (stretch 0.8×)", "no bench/results/http.csv")
    na("http: p99 at half the max rate", "< 10 ms", "no bench/results/http.csv")

# engine: bench/engine/run
e = read("engine.csv")
if e:
    m = [r for r in e if r["request"] == "mean"][0]
    c, f = float(m["check_us"]), float(m["floor_us"])
    add("engine: one check vs bare CEL", f"{c:.1f} µs", f"{f:.1f} µs", f"{c / f:.2f}×", "≤ 1.5×", c / f <= 1.5, 1.5 / (c / f))
else:
    na("engine: one check vs bare CEL", "≤ 1.5×", "no bench/results/engine.csv")

# writes: bench/writes/run
w = read("writes.csv") or []
for db, label in (("h2", "H2 file"), ("postgresql", "PostgreSQL")):
    r = next((r for r in w if r["metric"] == f"{db}_applications_per_s"), None)
    name = f"writes: applications/s on {label} vs plain JDBC"
    if r:
        ratio = float(r["ratio"])
        add(name, f"{float(r['service']):.0f}/s", f"{float(r['floor']):.0f}/s (JDBC)", f"{ratio:.2f}×", "≥ 0.5×", ratio >= 0.5, ratio / 0.5)
    else:
        na(name, "≥ 0.5×", "not measured")

# sweep: bench/sweep/run appends every run; the last H2 and PostgreSQL runs of 100,000 (one invocation runs both)
s = read("sweep.csv") or []
last = {}
for r in s:
    if r["monitorings"] == "100000":
        last[r["database"]] = r
name = "sweep of 100,000 monitorings: H2 vs PostgreSQL"
if "h2" in last and "postgresql" in last:
    h2, pg = float(last["h2"]["sweep_ms_server"]), float(last["postgresql"]["sweep_ms_server"])
    x = h2 / pg
    add(name, f"{h2 / 1000:.2f} s (H2, {last['h2']['date'][:10]})", f"{pg / 1000:.2f} s (PostgreSQL)", f"{x:.2f}×", "≤ 2×",
        x <= 2, 2 / x)
else:
    na(name, "≤ 2×", "no H2 and PostgreSQL run of 100,000")

# memory: bench/footprint/run — the documented profile against the default JVM, same run
fp = read("footprint.csv") or []
by = {r["config"]: r for r in fp}
profile = os.environ.get("FOOTPRINT_PROFILE") or next((c for c in ("lean", "container", "small") if c in by), None)
name = "RSS after the HTTP load (documented profile)"
if profile in by and "default" in by:
    p, d = by[profile], by["default"]
    rss = float(p["rss_mib_after_load"])
    mb = rss * 1.048576
    loss = 1 - float(p["rps_under_load"]) / float(d["rps_under_load"])
    met = mb < 300 and loss <= 0.10
    add(name, f"{rss:.0f} MiB = {mb:.0f} MB ({profile}); {float(p['rps_under_load']):.0f} req/s ({-loss * 100:+.0f} % vs default)",
        f"{float(d['rss_mib_after_load']):.0f} MiB, {float(d['rps_under_load']):.0f} req/s (default JVM)",
        f"{mb / 300:.2f}× of 300 MB", "< 300 MB, ≤ 10 % throughput loss", met, min(300 / mb, 0.10 / max(loss, 0.001)))
else:
    na(name, "< 300 MB, ≤ 10 % throughput loss", "no default and profile runs in bench/results/footprint.csv")

# not an issue-15 row, kept: the batch's own target
b = read("batch.csv")
if b:
    d = {r["metric"]: r["value"] for r in b}
    ratio = float(d["ratio"])
    add("batch: 1,000 in one call vs 1,000 calls", f"{float(d['batch_of_1000_ms']):.0f} ms", f"{float(d['1000_single_calls_ms']):.0f} ms",
        f"{ratio:.2f}×", "≥ 5×", ratio >= 5, ratio / 5)

with open(os.path.join(R, "results.csv"), "w", newline="") as out:
    wr = csv.writer(out)
    wr.writerow(["benchmark", "measured", "floor", "ratio", "target", "met", "score"])
    wr.writerows(rows)
header = ["benchmark", "measured", "floor", "ratio", "target", "met?"]
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(6)]
line = lambda r: "| " + " | ".join(str(r[i]).ljust(widths[i]) for i in range(6)) + " |"
print(line(header))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(line(r))
