#!/usr/bin/env python3
"""Scan benchmark for the cleaner (not a test; numbers go in the report).

Generates a tree of nested directories (default 200,000 files), then compares, on the same warm
tree in the same run, a once-mode dry run of the cleaner (threshold 0: every file is a candidate,
statx-ed and logged as "[DRY-RUN] Would delete file") against GNU `find <root> -type f`, both with
stdout to /dev/null. Reports the median of several runs, files/s, the ratio cleaner/find, the
peak RSS and CPU time (user+sys, wait4 rusage) of each, its idle RSS in interval mode and the binary size.

    addons/cleaner/bench/scan-bench.py --binary addons/cleaner/bin/Release/net10.0/linux-x64/publish/cleaner
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time


def generate(root, files, per_dir, fan_out):
    """Nested tree: root/dNN/sNN/fNNN ... until `files` files exist."""
    if os.path.isdir(root):
        shutil.rmtree(root)
    created = 0
    top = 0
    while created < files:
        for sub in range(fan_out):
            d = os.path.join(root, f"d{top:04d}", f"s{sub:02d}", "deep")
            os.makedirs(d)
            for f in range(per_dir):
                if created >= files:
                    break
                with open(os.path.join(d if f % 2 else os.path.dirname(d), f"file-{f:04d}.bin"), "wb") as handle:
                    handle.write(b"x" * (f % 7))
                created += 1
        top += 1
    return created


def timed(cmd):
    """Runs cmd with stdout to /dev/null; returns (wall seconds, CPU seconds user+sys, peak RSS KiB)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed ({status}): {stderr[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def idle_rss_kib(binary, root):
    """RSS of the cleaner in interval mode, idle between cycles (threshold 100: nothing to do)."""
    env = dict(os.environ)
    proc = subprocess.Popen(
        [binary, f"--target-paths={root}", "--cleanup-mode=interval", "--usage-threshold-percent=100",
         "--check-interval-minutes=60", "--metrics-port=0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        for line in proc.stdout:
            if b"Next cycle in" in line:
                break
        time.sleep(3)
        with open(f"/proc/{proc.pid}/status") as status:
            rss = next(int(l.split()[1]) for l in status if l.startswith("VmRSS:"))
        return rss
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="addons/cleaner/bin/Release/net10.0/linux-x64/publish/cleaner")
    parser.add_argument("--root", default="/tmp/cleaner-bench-tree")
    parser.add_argument("--files", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the generated tree")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} is not executable: dotnet publish addons/cleaner -c Release -r linux-x64")

    print(f"generating {args.files} files under {args.root} ...", flush=True)
    files = generate(args.root, args.files, per_dir=100, fan_out=10)
    dirs = sum(len(d) for _, d, _ in os.walk(args.root)) + 1

    find = ["find", args.root, "-type", "f"]
    # The fair comparison for a tool that must report sizes: find stat-ing every file too.
    find_sizes = ["find", args.root, "-type", "f", "-printf", "%s %p\n"]
    cleaner = [binary, f"--target-paths={args.root}", "--cleanup-mode=once", "--dry-run",
               "--usage-threshold-percent=0", "--metrics-port=0"]
    quiet = cleaner + ["--log-level=warn"]

    # Warm the dentry/inode caches so both tools read from memory.
    timed(find)
    timed(cleaner)

    results = {"find": [], "find -printf %s (stats every file)": [], "cleaner (info: one log line per file)": [], "cleaner (warn: summary only)": []}
    for _ in range(args.runs):
        # Interleave so drift (other load on the machine) affects all three alike.
        results["find"].append(timed(find))
        results["find -printf %s (stats every file)"].append(timed(find_sizes))
        results["cleaner (info: one log line per file)"].append(timed(cleaner))
        results["cleaner (warn: summary only)"].append(timed(quiet))

    print(f"\ntree: {files} files in {dirs} directories; {args.runs} runs each, median; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    find_wall = statistics.median(r[0] for r in results["find"])
    find_cpu = statistics.median(r[1] for r in results["find"])
    for name, samples in results.items():
        wall = statistics.median(r[0] for r in samples)
        cpu = statistics.median(r[1] for r in samples)
        rss = max(r[2] for r in samples)
        print(f"  {name:40s} wall {wall * 1000:7.0f} ms {files / wall:10,.0f} files/s ratio {find_wall / wall:4.2f} | "
              f"cpu {cpu * 1000:6.0f} ms ratio {find_cpu / cpu:4.2f} | peak RSS {rss / 1024:5.1f} MiB")

    print(f"idle RSS, interval mode: {idle_rss_kib(binary, args.root) / 1024:.1f} MiB")
    print(f"binary size: {os.path.getsize(binary) / (1024 * 1024):.1f} MiB ({binary})")

    if not args.keep:
        shutil.rmtree(args.root)


if __name__ == "__main__":
    main()
