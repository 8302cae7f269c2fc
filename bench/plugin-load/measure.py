"""Starts `uplink run` repeatedly and times it to ready. Called by run.sh; prints a Markdown table."""
import json, os, re, signal, statistics, subprocess, sys, tempfile, time

host_dir, runs = os.path.abspath(sys.argv[1]), int(sys.argv[2])
uplink = os.path.join(host_dir, "uplink")
plugins = os.path.join(host_dir, "plugins")
ids = sorted(json.load(open(os.path.join(plugins, d, "plugin.json")))["id"] for d in os.listdir(plugins))
work = tempfile.mkdtemp(prefix="uplink-bench-")
empty = os.path.join(work, "no-plugins"); os.makedirs(empty)

def config(name, plugins_dir):
    path = os.path.join(work, name + ".json")
    json.dump({"Uplink": {
        "ExpertCode": "BENCH", "Profile": "Anon-LPU-O", "ProfilePlugin": "Uplink.Profiles.Builtin",
        "Inputs": [i for i in ids if ".Input." in i], "Outputs": [i for i in ids if ".Output." in i],
        "PluginsDirectory": plugins_dir, "DataDirectory": os.path.join(work, name + "-data")}}, open(path, "w"))
    return path

per_plugin = re.compile(r"Plugin (\S+) (?:\S+ loaded in|refused \(\w+\) after) ([\d.]+) ms")

def once(path):
    start = time.perf_counter()
    proc = subprocess.Popen([uplink, "run", "--config", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    loads = {}
    try:
        for line in proc.stdout:
            m = per_plugin.search(line)
            if m:
                loads[m.group(1)] = float(m.group(2))
            if "Uplink ready" in line:
                return (time.perf_counter() - start) * 1000, loads
        raise SystemExit("uplink run exited before it was ready")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)

def version_start():
    start = time.perf_counter()
    subprocess.run([uplink, "--version"], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000

with_plugins, without, bare, loads = [], [], [], {}
full, none = config("all-bundled", plugins), config("no-plugins", empty)
once(full)  # warm the disk cache once; not counted
for _ in range(runs):
    ms, l = once(full); with_plugins.append(ms)
    for k, v in l.items(): loads.setdefault(k, []).append(v)
    without.append(once(none)[0])
    bare.append(version_start())

med = statistics.median
print(f"{runs} runs, medians (min-max), {os.cpu_count()} cores, Release build\n")
print("| measure | ms |\n| --- | --- |")
print(f"| `uplink run` to ready, {len(ids)} bundled plugins selected | {med(with_plugins):.0f} ({min(with_plugins):.0f}-{max(with_plugins):.0f}) |")
print(f"| `uplink run` to ready, empty plugins folder (baseline) | {med(without):.0f} ({min(without):.0f}-{max(without):.0f}) |")
print(f"| `uplink --version` (process start only) | {med(bare):.0f} ({min(bare):.0f}-{max(bare):.0f}) |")
print(f"| ratio: with plugins / empty plugins folder | {med(with_plugins) / med(without):.2f} |")
print("\n| plugin | load + configure, ms (median, max) |\n| --- | --- |")
for k in sorted(loads):
    print(f"| {k} | {med(loads[k]):.1f}, {max(loads[k]):.1f} |")
