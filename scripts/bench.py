#!/usr/bin/env python3
"""Kizuna's benchmark harness (issue 7): validation, build, rebuild, the I/O floor, a YAML-only baseline and Hugo,
side by side, for 1, 100 and 1,741 editions of 534 manuscripts each.

usage: scripts/bench.py [--editions 1 100 1741] [--runs K] [--kizuna .build/release/kizuna] [--work /tmp/kizuna-bench]
                        [--json FILE] [--markdown FILE] [--no-hugo] [--hugo-max-gb 16] [--keep]

Method
======

Corpus. For each N, `scripts/make-national-corpus.py CORPUS --editions N` writes 534 manuscripts (the same for
every N), N fictional editions and 12 inserts per edition. The manuscripts are written as drafts; the harness
approves them once, in a corpus of its own, with `kizuna approve PATHS... --content BASE --reviewer ID` (grouped by
the supervisor each manuscript names), and copies that `manuscripts/` and `approved/` into every corpus, so each
corpus looks released. Before anything is timed, `kizuna validate --content CORPUS` must exit 0 with 0 errors.

The binaries. The kizuna binary (`--kizuna`) is copied into the run folder once it is complete (it exists, its
size and time stamp have not changed for a few seconds and `--version` runs), so a rebuild of it by someone else
during the run changes nothing; its SHA-256 is in the results. `yams-compose` is built from Benchmarks/ (`swift
build -c release --package-path Benchmarks --scratch-path .build-bench`) and `iofloor` from
scripts/bench/iofloor.c (`gcc -O2 -pthread`). The preview templates are copied too, into RUN_FOLDER/kizuna-cwd/
templates/, and every kizuna command runs in RUN_FOLDER/kizuna-cwd, so `kizuna build` (which reads `templates/`
from its working folder) uses the same templates for the whole run.

Steps, for each N (every step's command is timed on its own; `--runs` repetitions, default 5 for N <= 100 and 1
above):

  validate        `kizuna validate --content CORPUS`: reading, composing and checking every file, writing nothing.
  yams-compose    `yams-compose CORPUS` (Benchmarks/, Yams 6.2.2): every *.yaml file of the corpus read with
                  open/read and composed with `Yams.compose(yaml:)` on 2 threads (DispatchQueue.concurrentPerform),
                  nothing else. The floor under validation: what parsing the same YAML costs with the same library.
  yams-compose-1t the same on 1 thread (`--threads 1`).
  build           `kizuna build --content CORPUS --output FRESH --quiet` into a folder that does not exist yet. The
                  number of files and bytes it wrote are counted afterwards (untimed).
  rebuild-manuscript, rebuild-insert
                  Into the output of the last full build (so it is up to date): one manuscript is edited (default
                  manuscripts/childcare/0045.yaml: the line 「毎日の小さな発見を楽しみましょう。」 is added at the end
                  of its first section's `text: |` block), then the same build command is timed into the same
                  output. With several runs the edit is toggled (edited, original, edited, ...), so each timed build
                  sees exactly one file changed since the build before it. Then one insert of the first edition
                  (default inserts/muni-0001-4month-checkup.yaml: the first line of its text becomes
                  「保健センターで、予約制の健診を行います。」) is toggled the same way. After each timed build the
                  harness checks that the first edition's payload of an affected day does (or no longer does) carry
                  the change. Both files are restored byte for byte from a copy at the end. The harness only times
                  the command; what the build reuses is up to its cache (OUTPUT/.kizuna-cache). Each rebuild is
                  run at least 3 times, whatever --runs says (so 3 at 1,741 editions): the first rebuild after a
                  full build also hard-links every unchanged file of every edition, because a full build keeps no
                  previous folder to stage in, and the median should be the rebuild an editor sees edit after
                  edit. The report lists every run, the first among them.
  iofloor         The least a program can do to write the same bytes into the same files: the last full build's
                  output (paths with a component starting with `.kizuna`, such as a cache folder, left out) is packed
                  into one file (records of u32 LE path length, path, u64 LE size, bytes; files of one folder
                  together, sorted by path), then `iofloor PACK FRESH 2` (scripts/bench/iofloor.c) maps the pack,
                  makes the folders and writes every file with open/write/close on 2 threads. The first run's files
                  and bytes are checked against the build's. Its peak RSS includes the mapped pack.
  hugo            `hugo --quiet -s SITE -d FRESH` (Debian's hugo 0.111) on a site written by
                  scripts/bench/hugo-site.py from the corpus and the Kizuna build (untimed): for each edition and
                  day one content page from which Hugo writes the preview (ID/SERIES/STEM.html) and the LINE
                  payload (ID/SERIES/STEM.json, byte for byte the payload Kizuna writes), and per edition a
                  timeline (ID/index.html) and manifest.json with every payload's SHA-256. Manuscripts, editions,
                  inserts and the shared configuration go into Hugo's data folder, so Hugo merges them itself when
                  it renders; which inserts go on which day is taken from Kizuna's manifest.json. Escaping is Hugo's
                  own (html/template, htmlEscape, jsonify). Review sheets are not rendered. Hugo is skipped, and
                  recorded as not run with the reason, when its estimated peak memory exceeds `--hugo-max-gb`
                  (default 16 GB of this machine's 24): the estimate is linear in the number of pages, fitted to
                  the Hugo runs of the smaller N in the same invocation (two or more: a line through the two
                  largest; one: proportional), or 2.5 GB per 53,400 pages (measured earlier on this machine class)
                  when there is none.

Fresh folders. Every timed command that writes gets a folder name never used before in the run (a sequence
number in the name), never a path that was just deleted: ext4 is slow for a while after a mass delete (builds
timed right after deleting the previous run's output slowed down run after run). So the outputs of one N (every
run's build, I/O floor and Hugo output, and the pack) are kept until that N is done, then deleted (untimed,
`rm -rf`), and the harness waits `--settle` seconds (default 420) before the next N. Why 420: ext4 without a
journal (this machine's) will not reuse an inode deleted less than 60 s ago, or 360 s ago while its inode-table
block is dirty (fs/ext4/ialloc.c, RECENTCY_MIN and RECENTCY_DIRTY), and allocating new inodes in that block is what
dirties it; every file created meanwhile scans past the deleted ones, looking each up in the buffer cache. A
1,741-edition build started 3 minutes after the previous one's output was deleted took 290 s of system CPU
against the floor's 65 s for the same bytes. Before each N the free space
and inodes of the work folder are checked against an estimate (per-edition output size measured at the largest N
so far, or 11 MB per edition): with one run per N, when not everything fits (1,741 editions produce over 20 GB,
the pack as much again), the build output is deleted before the I/O floor is timed, followed by a sync and the
settle wait; if even that does not fit, the harness refuses with a message. `os.sync()` runs (untimed) before every timed command,
so no command pays for the write-back of the one before it. Input files are warm in the page cache, as they are
on an editor's machine.

Time and memory. Wall time is time.perf_counter() around the child, from spawn to reaped. Peak memory is the
command's ru_maxrss from wait4 (resident set in KiB on Linux, reported in MB = 10^6 bytes), taken by a tiny C
spawner the harness compiles (SPAWNER_C below) that forks the command and writes its ru_maxrss to a file: calling
os.wait4 on a child of this Python process would report at least Python's own peak RSS, because a forked child
starts with the parent's pages and Linux keeps the high-water mark across exec. The spawner adds one fork and
exec (well under a millisecond) to the wall time. Each measurement is repeated `--runs` times; the report gives
the median time and the largest peak RSS over the runs (all runs are in the JSON), and the median CPU time (user
plus system, from the spawner's `wait4`, which counts the command it waited for): a disk whose speed varies from run
to run moves the wall time, hardly the CPU time. Per-message cost is
time / (N x 534) in microseconds, so the scaling from 1 to 1,741 editions can be read off one column per N.

Report. Results go to a JSON file (`--json`, default RUN_FOLDER/results.json) and a Markdown table on stdout
(`--markdown` also writes it to a file): per N each measurement in seconds, as a ratio to the I/O floor and to
Hugo of the same N, CPU seconds, peak MB and µs per message; then µs per message across N; then the issue's targets, each
met / not met: full build / I/O floor <= 1.2 at 100 editions, Hugo / full build >= 8, rebuild after a
manuscript edit / full build <= 0.05, validate / yams-compose (2 threads) <= 1.5, kizuna's peak memory < 100 MB.
Progress goes to stderr.
"""
import argparse, datetime, hashlib, json, os, platform, re, shutil, statistics, struct, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MANUSCRIPTS = 534
EDIT_SENTENCE = "毎日の小さな発見を楽しみましょう。"
INSERT_SENTENCE = "保健センターで、予約制の健診を行います。"
HUGO_REFERENCE = (53_400, 2.5e9)            # pages, peak bytes: Hugo 0.111 on this machine class
DEFAULT_EDITION_BYTES = 11e6                # output bytes per edition when no smaller N was measured
DEFAULT_EDITION_FILES = 1_070               # output files per edition
STARTED = time.perf_counter()


# The spawner every timed command runs under. A child forked from this Python process starts with Python's pages
# mapped, and Linux keeps the larger of the high-water marks across exec, so os.wait4 on a direct child reports at
# least Python's own peak RSS (30 MB and more; /bin/true would read 14 MB). The spawner is a few kB: it forks the
# command from itself, reaps it with wait4 and writes that child's ru_maxrss (KiB) to FILE, then exits with the
# command's status (128 + signal when killed).
SPAWNER_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: spawn FILE COMMAND [ARG...]\n"); return 2; }
    pid_t pid = fork();
    if (pid < 0) { perror("spawn: fork"); return 125; }
    if (pid == 0) { execvp(argv[2], argv + 2); perror(argv[2]); _exit(127); }
    int status; struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("spawn: wait4"); return 125; }
    FILE *out = fopen(argv[1], "w");
    if (!out || fprintf(out, "%ld\n", usage.ru_maxrss) < 0 || fclose(out) != 0) { perror(argv[1]); return 125; }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
"""


def log(message):
    print(f"[bench {time.perf_counter() - STARTED:7.1f}s] {message}", file=sys.stderr, flush=True)


def fail(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def remove(path):
    """Deletes a folder or file (untimed). `rm -rf` is much faster than shutil.rmtree on a million files."""
    if os.path.lexists(path):
        subprocess.run(["rm", "-rf", "--", path], check=True)


def tree_size(root):
    """(files, bytes, hidden): regular files under root, their total size, and how many of them sit under a path
    component starting with `.kizuna` (counted in files and bytes too)."""
    files = size = hidden = 0
    stack = [(root, False)]
    while stack:
        folder, inside_hidden = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                is_hidden = inside_hidden or entry.name.startswith(".kizuna")
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, is_hidden))
                elif entry.is_file(follow_symlinks=False):
                    files += 1
                    size += entry.stat(follow_symlinks=False).st_size
                    hidden += is_hidden
    return files, size, hidden


def write_pack(root, pack):
    """Packs the files under root for iofloor: u32 LE path length, path, u64 LE size, bytes; skips any path with a
    component starting with `.kizuna`; files of one folder together, folders and files sorted by path."""
    files = size = 0
    with open(pack, "wb", buffering=8 << 20) as out:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".kizuna"))
            relative = os.path.relpath(folder, root)
            for name in sorted(n for n in names if not n.startswith(".kizuna")):
                path = os.path.join(folder, name)
                if not os.path.isfile(path) or os.path.islink(path):
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                key = (name if relative == "." else f"{relative}/{name}").encode("utf-8")
                out.write(struct.pack("<I", len(key)))
                out.write(key)
                out.write(struct.pack("<Q", len(data)))
                out.write(data)
                files += 1
                size += len(data)
    return files, size


def median(values):
    return statistics.median(values) if values else None


class Bench:
    def __init__(self, args):
        self.args = args
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        self.run_dir = os.path.join(os.path.abspath(args.work), f"run-{stamp}-{os.getpid()}")
        os.makedirs(os.path.join(self.run_dir, "bin"))
        source = os.path.join(self.run_dir, "bin", "spawn.c")
        self.spawner = os.path.join(self.run_dir, "bin", "spawn")
        with open(source, "w") as f:
            f.write(SPAWNER_C)
        compiled = subprocess.run(["gcc", "-O2", "-o", self.spawner, source], capture_output=True, text=True)
        if compiled.returncode != 0:
            fail(f"cannot compile the spawner with gcc:\n{compiled.stderr}")
        self.sequence = 0
        self.hugo_points = []          # (pages, peak bytes) of Hugo runs in this invocation
        self.edition_bytes = None      # output bytes per edition, measured at the largest N so far
        self.edition_files = None
        self.largest_n = 0
        self.eager_delete = False      # delete the build output before the I/O floor (when disk is short)
        self.results = {"meta": {}, "editions": {}}

    # -- folders and commands ------------------------------------------------------------------------------------

    def fresh(self, label):
        """A path in the run folder that has never existed in this run."""
        self.sequence += 1
        path = os.path.join(self.run_dir, f"{self.sequence:04d}-{label}")
        assert not os.path.lexists(path)
        return path

    def run(self, command, what, timed=True, cwd=ROOT, check=True):
        """Runs a command; returns (seconds, peak RSS in KiB, exit status, stdout and stderr text). Output goes to
        files in the run folder, not pipes, so a chatty child never blocks."""
        out_path, err_path = os.path.join(self.run_dir, "last-stdout.txt"), os.path.join(self.run_dir, "last-stderr.txt")
        rss_path = os.path.join(self.run_dir, "last-maxrss.txt")
        if os.path.exists(rss_path):
            os.remove(rss_path)
        if command and command[0] == getattr(self, "kizuna", None):
            cwd = self.kizuna_cwd           # where `templates/` is the run's snapshot
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            if timed:
                os.sync()
            start = time.perf_counter()
            child = subprocess.Popen([self.spawner, rss_path, *command], cwd=cwd, stdin=subprocess.DEVNULL,
                                     stdout=out, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            # The spawner's usage includes the command's (it waits for it): CPU time, steadier than wall time on a
            # disk whose speed varies.
            self.last_cpu = (usage.ru_utime, usage.ru_stime)
            child.returncode = os.waitstatus_to_exitcode(status)
        try:
            with open(rss_path) as f:
                max_rss = int(f.read())
        except (OSError, ValueError):
            max_rss = 0
        with open(out_path, encoding="utf-8", errors="replace") as f:
            output = f.read()
        with open(err_path, encoding="utf-8", errors="replace") as f:
            output += f.read()
        if check and child.returncode != 0:
            fail(f"{what} failed (exit {child.returncode}): {' '.join(command)}\n{output[-4000:]}")
        return seconds, max_rss, child.returncode, output

    def cpu_fields(self):
        """The last timed command's user and system CPU seconds, for its record."""
        user, system = getattr(self, "last_cpu", (0.0, 0.0))
        return {"userSeconds": round(user, 3), "systemSeconds": round(system, 3)}

    def measure(self, name, n, runs, command_for, output_label=None, after=None):
        """Times `command_for(folder)` `runs` times (folder: a fresh path when output_label is given, else None);
        `after(folder, index)` runs untimed after each run and may return extra fields for the record."""
        records = []
        for index in range(runs):
            folder = self.fresh(f"{output_label}-N{n}-run{index + 1}") if output_label else None
            command = command_for(folder)
            seconds, rss, _, _ = self.run(command, f"{name} (N={n})")
            record = {"seconds": round(seconds, 4), "peakRSSMB": round(rss * 1024 / 1e6, 1), **self.cpu_fields()}
            if after:
                record.update(after(folder, index) or {})
            records.append(record)
            log(f"N={n} {name} run {index + 1}/{runs}: {seconds:.3f} s, {record['peakRSSMB']:.0f} MB")
        return summarize(records)

    # -- setup ---------------------------------------------------------------------------------------------------

    def snapshot_kizuna(self):
        source = os.path.abspath(self.args.kizuna)
        deadline = time.monotonic() + self.args.wait
        while True:
            reason = None
            try:
                before = os.stat(source)
                if time.time() - before.st_mtime < 5:
                    reason = "was written less than 5 s ago"
                else:
                    time.sleep(2)
                    after = os.stat(source)
                    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
                        reason = "is changing"
            except FileNotFoundError:
                reason = "does not exist"
            if reason is None:
                target = os.path.join(self.run_dir, "bin", "kizuna")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(source, target)
                probe = subprocess.run([target, "--version"], capture_output=True, text=True)
                if probe.returncode == 0 and os.stat(source).st_mtime_ns == os.stat(target).st_mtime_ns:
                    return target, source, probe.stdout.strip()
                reason = "did not run (--version)"
                os.remove(target)
            if time.monotonic() > deadline:
                fail(f"{source} {reason}; gave up after {self.args.wait} s (pass --kizuna PATH)")
            log(f"{source} {reason}; waiting")
            time.sleep(10)

    def build_tools(self):
        if self.args.yams:
            yams = os.path.abspath(self.args.yams)
        else:
            log("building Benchmarks/ (yams-compose)")
            self.run(["swift", "build", "-c", "release", "--package-path", "Benchmarks", "--scratch-path",
                      ".build-bench"], "swift build (Benchmarks)", timed=False)
            yams = os.path.join(ROOT, ".build-bench", "release", "yams-compose")
        if not os.access(yams, os.X_OK):
            fail(f"no yams-compose at {yams}")
        iofloor = os.path.join(self.run_dir, "bin", "iofloor")
        os.makedirs(os.path.dirname(iofloor), exist_ok=True)
        self.run(["gcc", "-O2", "-pthread", "-o", iofloor, os.path.join(ROOT, "scripts", "bench", "iofloor.c")],
                 "gcc iofloor.c", timed=False)
        hugo = None
        if not self.args.no_hugo:
            hugo = shutil.which(self.args.hugo)
            if not hugo:
                log(f"no {self.args.hugo} on PATH: Hugo is not run (apt-get install -y hugo)")
        return yams, iofloor, hugo

    def approved_base(self):
        """Writes a 1-edition corpus and approves its manuscripts, grouped by supervisor."""
        base = self.fresh("approved-base")
        self.run([sys.executable, os.path.join(ROOT, "scripts", "make-national-corpus.py"), base, "--editions", "1"],
                 "make-national-corpus.py", timed=False)
        groups = {}
        for folder, _, names in os.walk(os.path.join(base, "manuscripts")):
            for name in sorted(names):
                if name.endswith(".yaml"):
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8") as f:
                        found = re.search(r"^supervisors:\s*\[([^\]]*)\]", f.read(), re.M)
                    if not found:
                        fail(f"{path}: no `supervisors: [...]` line")
                    reviewers = tuple(r.strip() for r in found.group(1).split(",") if r.strip())
                    groups.setdefault(reviewers, []).append(path)
        count = sum(len(paths) for paths in groups.values())
        if count != MANUSCRIPTS:
            fail(f"the corpus generator wrote {count} manuscripts, not {MANUSCRIPTS}")
        for reviewers, paths in sorted(groups.items()):
            log(f"approving {len(paths)} manuscripts as {', '.join(reviewers)}")
            flags = [flag for reviewer in reviewers for flag in ("--reviewer", reviewer)]
            self.run([self.kizuna, "approve", *paths, "--content", base, *flags], "kizuna approve", timed=False)
        return base

    def corpus(self, n, base):
        corpus = self.fresh(f"corpus-N{n}")
        self.run([sys.executable, os.path.join(ROOT, "scripts", "make-national-corpus.py"), corpus,
                  "--editions", str(n)], "make-national-corpus.py", timed=False)
        for folder in ("manuscripts", "approved"):
            remove(os.path.join(corpus, folder))
            shutil.copytree(os.path.join(base, folder), os.path.join(corpus, folder))
        _, _, status, output = self.run([self.kizuna, "validate", "--content", corpus, "--lang", "en"],
                                        "kizuna validate", timed=False, check=False)
        summary = output.strip().splitlines()[-1] if output.strip() else ""
        if status != 0 or not summary.startswith("0 errors"):
            fail(f"the corpus for N={n} does not validate (exit {status}): {summary}\n{output[-3000:]}")
        log(f"N={n}: corpus ready ({summary})")
        return corpus, summary

    def check_space(self, n, hugo_planned):
        per_bytes = self.edition_bytes or DEFAULT_EDITION_BYTES
        per_files = self.edition_files or DEFAULT_EDITION_FILES
        output_bytes, output_files = n * per_bytes + 3e6, n * per_files + 600
        # Every run's build and iofloor outputs stay until this N is done (see after_build), with the pack beside them.
        runs = self.args.runs or (5 if n <= 100 else 1)
        need_bytes = (2 * runs + 1.2) * output_bytes + 2e9
        need_files = (2 * runs + 0.2) * output_files + (runs * n * (MANUSCRIPTS + 1) if hugo_planned else 0) + 100_000
        stat = os.statvfs(self.run_dir)
        free_bytes, free_files = stat.f_bavail * stat.f_frsize, stat.f_favail
        self.eager_delete = False
        if runs == 1 and (free_bytes < need_bytes or free_files < need_files):
            # Not room for the build output, the pack and the I/O floor's output at once (1,741 editions on this
            # machine): the build output goes before the I/O floor is timed, followed by a sync and --settle s.
            eager_bytes, eager_files = 2 * output_bytes + 2e9, 1.2 * output_files + 100_000
            if free_bytes >= eager_bytes and free_files >= eager_files:
                self.eager_delete = True
                need_bytes, need_files = eager_bytes, eager_files
                log(f"N={n}: not room for every output at once; the build output is deleted before the I/O floor")
        if free_bytes < need_bytes:
            fail(f"not enough disk space for N={n} in {self.run_dir}: {free_bytes / 1e9:.1f} GB free, about "
                 f"{need_bytes / 1e9:.1f} GB needed (the output is about {output_bytes / 1e9:.1f} GB and is packed "
                 f"once); free some space or pass --work on a bigger disk")
        if free_files < need_files:
            fail(f"not enough inodes for N={n} in {self.run_dir}: {free_files:,} free, about {need_files:,.0f} needed")
        log(f"N={n}: {free_bytes / 1e9:.1f} GB free, about {need_bytes / 1e9:.1f} GB needed")

    # -- the steps -----------------------------------------------------------------------------------------------

    def hugo_estimate(self, pages):
        points = sorted(self.hugo_points)
        if len(points) >= 2 and points[-1][0] > points[-2][0] and points[-1][1] > points[-2][1]:
            (p1, m1), (p2, m2) = points[-2], points[-1]
            slope = (m2 - m1) / (p2 - p1)
            return m2 + slope * (pages - p2), (f"line through the Hugo runs of {p1:,} and {p2:,} pages, "
                                                f"{slope / 1e3:,.1f} kB per page")
        if points:
            p, m = points[-1]
            return m * pages / p, f"proportional to the Hugo run of {p:,} pages"
        p, m = HUGO_REFERENCE
        return m * pages / p, f"{m / 1e9:.1f} GB per {p:,} pages measured earlier on this machine class"

    def edition_n(self, n, base, tools):
        yams, iofloor, hugo = tools
        runs = self.args.runs or (5 if n <= 100 else 1)
        messages = n * MANUSCRIPTS
        hugo_pages = n * (MANUSCRIPTS + 1)
        entry = {"editions": n, "messages": messages, "runs": runs, "measurements": {}, "notRun": {}}
        self.results["editions"][str(n)] = entry
        measurements = entry["measurements"]

        hugo_planned = bool(hugo)
        if hugo:
            estimate, basis = self.hugo_estimate(hugo_pages)
            entry["hugoMemoryEstimateGB"] = round(estimate / 1e9, 2)
            if estimate > self.args.hugo_max_gb * 1e9:
                hugo_planned = False
                entry["notRun"]["hugo"] = (f"estimated peak memory {estimate / 1e9:.2f} GB for {hugo_pages:,} pages "
                                           f"exceeds {self.args.hugo_max_gb:g} GB ({basis})")
                log(f"N={n}: Hugo not run: {entry['notRun']['hugo']}")
        elif self.args.no_hugo:
            entry["notRun"]["hugo"] = "--no-hugo"
        else:
            entry["notRun"]["hugo"] = f"{self.args.hugo} is not installed"

        self.check_space(n, hugo_planned)
        corpus, summary = self.corpus(n, base)
        entry["corpus"] = {"path": corpus, "validate": summary}
        k = self.kizuna
        cleanup = []
        try:
            measurements["validate"] = self.measure(
                "validate", n, runs, lambda _: [k, "validate", "--content", corpus])
            measurements["yams-compose"] = self.measure(
                "yams-compose", n, runs, lambda _: [yams, corpus])
            measurements["yams-compose-1t"] = self.measure(
                "yams-compose-1t", n, runs, lambda _: [yams, corpus, "--threads", "1"])

            # Full builds: each into a fresh folder; all but the last are counted and deleted.
            kept = []

            def after_build(folder, index):
                files, size, hidden = tree_size(folder)
                # Deleted only after this N: ext4 skips recently deleted inodes for a minute or more, and a
                # build right after a mass delete pays for it (measured here: 21 s, then 43, 60, 72 s).
                cleanup.append(folder)
                if index + 1 == runs:
                    kept.append(folder)
                return {"files": files, "bytes": size, "hiddenFiles": hidden}

            measurements["build"] = self.measure(
                "build", n, runs, lambda out: [k, "build", "--content", corpus, "--output", out, "--quiet"],
                output_label="build", after=after_build)
            output = kept[0]
            last = measurements["build"]["runs"][-1]
            if n >= self.largest_n:
                # The largest N's figure: at N = 1 the review sheets (per corpus, not per edition) inflate it.
                self.largest_n = n
                self.edition_bytes, self.edition_files = last["bytes"] / n, last["files"] / n
            measurements["build"].update(files=last["files"], bytes=last["bytes"], hiddenFiles=last["hiddenFiles"])

            pack = self.fresh(f"pack-N{n}.bin")
            cleanup.append(pack)
            log(f"N={n}: packing {output}")
            pack_files, pack_bytes = write_pack(output, pack)
            log(f"N={n}: pack holds {pack_files:,} files, {pack_bytes / 1e6:,.1f} MB")

            site = None
            if hugo_planned:
                site = self.fresh(f"hugo-site-N{n}")
                cleanup.append(site)
                self.run([sys.executable, os.path.join(ROOT, "scripts", "bench", "hugo-site.py"), corpus, output,
                          site, "--templates", os.path.join(self.kizuna_cwd, "templates")],
                         "hugo-site.py", timed=False)

            # At least 3 rebuilds, so that the median is one made after another rebuild: the first after a full
            # build also links every unchanged file (a full build keeps no previous folder); it is reported apart.
            measurements.update(self.rebuilds(n, max(runs, 3), corpus, output))
            if self.eager_delete:
                remove(output)
                cleanup.remove(output)
                os.sync()
                entry["notes"] = (f"the build output was deleted before the I/O floor to save disk, then "
                                  f"{self.args.settle} s of settling")
                log(f"N={n}: build output deleted to make room; waiting {self.args.settle} s")
                time.sleep(self.args.settle)

            def after_floor(folder, index):
                files, size, _ = tree_size(folder)
                if index == 0 and (files, size) != (pack_files, pack_bytes):
                    fail(f"iofloor wrote {files} files, {size} bytes; the pack holds {pack_files}, {pack_bytes}")
                cleanup.append(folder)
                return {"files": files, "bytes": size}

            measurements["iofloor"] = self.measure(
                "iofloor", n, runs, lambda out: [iofloor, pack, out, "2"], output_label="iofloor", after=after_floor)
            measurements["iofloor"].update(files=pack_files, bytes=pack_bytes)
            remove(pack)

            if hugo_planned:
                def after_hugo(folder, index):
                    files, size, _ = tree_size(folder)
                    cleanup.append(folder)
                    return {"files": files, "bytes": size}

                measurements["hugo"] = self.measure(
                    "hugo", n, runs, lambda out: [hugo, "--quiet", "-s", site, "-d", out],
                    output_label="hugo", after=after_hugo)
                last = measurements["hugo"]["runs"][-1]
                measurements["hugo"].update(files=last["files"], bytes=last["bytes"], pages=hugo_pages)
                self.hugo_points.append((hugo_pages, measurements["hugo"]["peakRSSMB"] * 1e6))
        finally:
            for path in cleanup + ([] if self.args.keep else [corpus]):
                remove(path)
            if n != self.args.editions[-1] and cleanup:
                # Let ext4 forget the inodes just deleted before the next N is timed (see "Fresh folders").
                log(f"N={n}: outputs deleted; waiting {self.args.settle} s before the next N")
                time.sleep(self.args.settle)
        for m in measurements.values():
            m["usPerMessage"] = round(m["medianSeconds"] / messages * 1e6, 2)
        return entry

    def rebuilds(self, n, runs, corpus, output):
        """Times the build into an up-to-date output after one manuscript, then one insert, was edited."""
        k = self.kizuna
        command = [k, "build", "--content", corpus, "--output", output, "--quiet"]
        results = {}
        edits = [
            ("rebuild-manuscript", os.path.join(corpus, self.args.edit_manuscript), add_sentence, EDIT_SENTENCE),
            ("rebuild-insert", os.path.join(corpus, self.args.edit_insert), change_insert_sentence, INSERT_SENTENCE),
        ]
        originals = {}
        try:
            for name, path, edit, marker in edits:
                with open(path, "rb") as f:
                    originals[path] = f.read()
                edited = edit(originals[path].decode("utf-8")).encode("utf-8")
                probe = self.affected_payload(corpus, output, path)
                records = []
                for index in range(runs):
                    now_edited = index % 2 == 0
                    with open(path, "wb") as f:
                        f.write(edited if now_edited else originals[path])
                    seconds, rss, _, _ = self.run(command, f"{name} (N={n})")
                    record = {"seconds": round(seconds, 4), "peakRSSMB": round(rss * 1024 / 1e6, 1),
                              "edited": now_edited, **self.cpu_fields()}
                    if probe:
                        with open(probe, encoding="utf-8") as f:
                            carried = marker in f.read()
                        if carried != now_edited:
                            fail(f"{name}: after the build, {probe} {'lacks' if now_edited else 'still has'} "
                                 f"「{marker}」")
                    records.append(record)
                    log(f"N={n} {name} run {index + 1}/{runs} ({'edit' if now_edited else 'undo'}): "
                        f"{seconds:.3f} s, {record['peakRSSMB']:.0f} MB")
                results[name] = summarize(records)
                results[name]["file"] = os.path.relpath(path, corpus)
                results[name]["firstSeconds"] = records[0]["seconds"]
        finally:
            for path, data in originals.items():
                with open(path, "wb") as f:
                    f.write(data)
        return results

    def affected_payload(self, corpus, output, edited_path):
        """The first edition's payload file that shows the edited file's text, or None."""
        editions = sorted(os.listdir(os.path.join(corpus, "editions")))
        if not editions:
            return None
        edition = os.path.splitext(editions[0])[0]
        try:
            with open(os.path.join(output, edition, "manifest.json"), encoding="utf-8") as f:
                days = json.load(f)["days"]
            with open(edited_path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, ValueError, KeyError):
            return None
        if "/manuscripts/" in edited_path.replace(os.sep, "/"):
            series = re.search(r"^series:\s*(\S+)", text, re.M)
            day = re.search(r"^day:\s*(\S+)", text, re.M)
            match = lambda d: series and day and d["series"] == series.group(1) and str(d["day"]) == day.group(1)
        else:
            insert = re.search(r"^id:\s*(\S+)", text, re.M)
            match = lambda d: insert and insert.group(1) in d.get("inserts", [])
        for d in days:
            if match(d):
                return os.path.join(output, edition, d["files"]["line"]["path"])
        return None

    # -- the whole run -------------------------------------------------------------------------------------------

    def main(self):
        args = self.args
        log(f"run folder {self.run_dir}")
        self.kizuna, source, version = self.snapshot_kizuna()
        # kizuna build reads its templates from `templates/` in the working folder: a copy taken now keeps them
        # as they are for the whole run; every kizuna command runs in that folder.
        self.kizuna_cwd = os.path.join(self.run_dir, "kizuna-cwd")
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(self.kizuna_cwd, "templates"))
        templates_digest = hashlib.sha256()
        for name in sorted(os.listdir(os.path.join(self.kizuna_cwd, "templates"))):
            templates_digest.update(name.encode() + b"\0")
            templates_digest.update(open(os.path.join(self.kizuna_cwd, "templates", name), "rb").read())
        tools = self.build_tools()
        hugo_version = subprocess.run([tools[2], "version"], capture_output=True, text=True).stdout.strip() \
            if tools[2] else None
        gcc_version = subprocess.run(["gcc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        self.results["meta"] = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "host": platform.node(), "cpus": os.cpu_count(),
            "memoryGB": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1),
            "kernel": platform.release(), "python": platform.python_version(),
            "kizuna": {"path": source, "sha256": sha256_file(self.kizuna), "version": version,
                       "templatesSHA256": templates_digest.hexdigest()},
            "yamsCompose": tools[0], "iofloor": "scripts/bench/iofloor.c, " + gcc_version,
            "hugo": hugo_version, "manuscriptsPerEdition": MANUSCRIPTS, "runFolder": self.run_dir,
            "arguments": vars(args),
        }
        base = self.approved_base()
        try:
            for n in args.editions:
                log(f"=== N={n} editions ({n * MANUSCRIPTS:,} messages) ===")
                self.edition_n(n, base, tools)
                self.write_results()
        finally:
            if not args.keep:
                remove(base)
        self.results["targets"] = targets(self.results)
        self.write_results()
        table = markdown(self.results)
        print(table)
        if args.markdown:
            with open(args.markdown, "w", encoding="utf-8") as f:
                f.write(table + "\n")
        log(f"results in {self.json_path}")

    @property
    def json_path(self):
        return os.path.abspath(self.args.json) if self.args.json else os.path.join(self.run_dir, "results.json")

    def write_results(self):
        with open(self.json_path, "w", encoding="utf-8") as f:
            json.dump(self.results, f, ensure_ascii=False, indent=2)
            f.write("\n")


def summarize(records):
    return {
        "medianSeconds": round(median([r["seconds"] for r in records]), 4),
        "peakRSSMB": max(r["peakRSSMB"] for r in records),
        "medianCPUSeconds": round(median([r.get("userSeconds", 0) + r.get("systemSeconds", 0) for r in records]), 3),
        "runs": records,
    }


def add_sentence(text):
    """Adds EDIT_SENTENCE as a new last line of the first `text: |` block."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if re.match(r"^\s*(- )?text: \|\s*$", line):
            if i + 1 >= len(lines) or not lines[i + 1].strip():
                break
            indent = re.match(r"^(\s*)", lines[i + 1]).group(1)
            j = i + 1
            while j < len(lines) and lines[j].startswith(indent) and lines[j].strip():
                j += 1
            return "\n".join(lines[:j] + [indent + EDIT_SENTENCE] + lines[j:])
    fail("the manuscript to edit has no `text: |` block")


def change_insert_sentence(text):
    """Replaces the first line of the first `text: |` block with INSERT_SENTENCE."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if re.match(r"^\s*(- )?text: \|\s*$", line) and i + 1 < len(lines) and lines[i + 1].strip():
            if lines[i + 1].strip() == INSERT_SENTENCE:
                fail("the insert to edit already has the edited sentence")
            indent = re.match(r"^(\s*)", lines[i + 1]).group(1)
            return "\n".join(lines[:i + 1] + [indent + INSERT_SENTENCE] + lines[i + 2:])
    fail("the insert to edit has no `text: |` block")


# -- report ------------------------------------------------------------------------------------------------------

ORDER = [
    ("validate", "validate"),
    ("yams-compose", "Yams compose, 2 threads"),
    ("yams-compose-1t", "Yams compose, 1 thread"),
    ("build", "full build"),
    ("rebuild-manuscript", "rebuild, 1 manuscript edited"),
    ("rebuild-insert", "rebuild, 1 insert edited"),
    ("iofloor", "I/O floor (2 threads)"),
    ("hugo", "Hugo 0.111"),
]
KIZUNA_STEPS = ("validate", "build", "rebuild-manuscript", "rebuild-insert")


def ratio(a, b):
    return a / b if a is not None and b else None


def fmt(value, digits=2, suffix=""):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def targets(results):
    found = []

    def add(name, n, value, limit, at_most):
        if value is None:
            return
        met = value <= limit if at_most else value >= limit
        found.append({"target": name, "editions": n, "value": round(value, 4), "limit": limit,
                      "met": met})

    for key, entry in results["editions"].items():
        n, m = int(key), entry["measurements"]
        t = lambda step: m.get(step, {}).get("medianSeconds")
        if n == 100:
            add("full build / I/O floor <= 1.2 (at 100 editions)", n, ratio(t("build"), t("iofloor")), 1.2, True)
        add("Hugo / full build >= 8", n, ratio(t("hugo"), t("build")), 8, False)
        if "hugo" in entry.get("notRun", {}):
            found.append({"target": "Hugo / full build >= 8", "editions": n, "value": None, "limit": 8,
                          "met": None, "note": "Hugo not run: " + entry["notRun"]["hugo"].split(" (")[0]})
        add("rebuild after a manuscript edit / full build <= 0.05", n,
            ratio(t("rebuild-manuscript"), t("build")), 0.05, True)
        add("validate / yams-compose (2 threads) <= 1.5", n, ratio(t("validate"), t("yams-compose")), 1.5, True)
        peaks = [m[s]["peakRSSMB"] for s in KIZUNA_STEPS if s in m]
        if peaks:
            add("kizuna peak memory < 100 MB (validate, build, rebuilds)", n, max(peaks), 100, True)
    if "100" not in results["editions"]:
        found.append({"target": "full build / I/O floor <= 1.2 (at 100 editions)", "editions": 100, "value": None,
                      "limit": 1.2, "met": None, "note": "100 editions not measured in this run"})
    return found


def markdown(results):
    out = []
    meta = results["meta"]
    out.append(f"Kizuna benchmark, {meta['date']}, {meta['cpus']} CPUs, {meta['memoryGB']} GB; kizuna "
               f"{meta['kizuna']['version']} (sha256 {meta['kizuna']['sha256'][:12]}); {meta['hugo'] or 'no Hugo'}")
    out.append("")
    for key, entry in results["editions"].items():
        n, m = int(key), entry["measurements"]
        floor = m.get("iofloor", {}).get("medianSeconds")
        hugo = m.get("hugo", {}).get("medianSeconds")
        build = m.get("build", {})
        rebuild_runs = len(m.get("rebuild-manuscript", {}).get("runs", []))
        also = f"; rebuilds median of {rebuild_runs}" if rebuild_runs and rebuild_runs != entry["runs"] else ""
        out.append(f"### {n:,} edition{'s' if n != 1 else ''} ({entry['messages']:,} messages, median of "
                   f"{entry['runs']} run{'s' if entry['runs'] != 1 else ''}{also})")
        if build:
            hidden = build.get("hiddenFiles", 0)
            out.append(f"Build output: {build.get('files', 0):,} files, {build.get('bytes', 0) / 1e6:,.1f} MB"
                       + (f" ({hidden:,} of the files under `.kizuna*`, not in the I/O floor's pack)." if hidden
                          else "."))
        if entry.get("notes"):
            out.append(f"Note: {entry['notes']}.")
        for step, label in ORDER:
            if step.startswith("rebuild") and step in m:
                runs = ", ".join(f"{r['seconds']:.3f}" for r in m[step]["runs"])
                first = " (the first is the first rebuild after the full build)" if step == "rebuild-manuscript" else ""
                out.append(f"{label[0].upper() + label[1:]}: runs {runs} s{first}.")
        out.append("")
        out.append("| measurement | seconds | × I/O floor | × Hugo | CPU s (user + sys) | peak MB | µs / message |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for step, label in ORDER:
            if step in m:
                s = m[step]["medianSeconds"]
                out.append(f"| {label} | {fmt(s, 3)} | {fmt(ratio(s, floor))} | {fmt(ratio(s, hugo))} | "
                           f"{fmt(m[step].get('medianCPUSeconds'), 2)} | "
                           f"{fmt(m[step]['peakRSSMB'], 0)} | {fmt(m[step]['usPerMessage'], 1)} |")
            elif step in entry["notRun"]:
                out.append(f"| {label} | not run: {entry['notRun'][step]} | | | | | |")
        out.append("")
    keys = list(results["editions"])
    if len(keys) > 1:
        out.append("### µs per message by number of editions")
        out.append("")
        out.append("| measurement | " + " | ".join(f"N = {int(k):,}" for k in keys) + " |")
        out.append("| --- |" + " ---: |" * len(keys))
        for step, label in ORDER:
            cells = []
            for k in keys:
                e = results["editions"][k]
                cells.append(fmt(e["measurements"][step]["usPerMessage"], 1) if step in e["measurements"]
                             else ("not run" if step in e["notRun"] else "–"))
            out.append(f"| {label} | " + " | ".join(cells) + " |")
        out.append("")
    out.append("### Targets (issue 7)")
    out.append("")
    out.append("| target | editions | value | |")
    out.append("| --- | ---: | ---: | --- |")
    for t in results.get("targets", []):
        verdict = "met" if t["met"] else ("not met" if t["met"] is False else t.get("note", "not measured"))
        value = fmt(t["value"], 1 if "MB" in t["target"] else 3) if t["value"] is not None else "–"
        out.append(f"| {t['target']} | {t['editions']:,} | {value} | {verdict} |")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--editions", type=int, nargs="+", default=[1, 100, 1741], metavar="N",
                        help="numbers of editions to measure, in this order (default: 1 100 1741)")
    parser.add_argument("--runs", type=int, default=None,
                        help="repetitions of each measurement (default: 5 for N <= 100, 1 above)")
    parser.add_argument("--kizuna", default=os.path.join(ROOT, ".build", "release", "kizuna"),
                        help="the kizuna binary (default: .build/release/kizuna)")
    parser.add_argument("--wait", type=int, default=1800,
                        help="seconds to wait for the kizuna binary to exist and stop changing (default 1800)")
    parser.add_argument("--yams", help="a yams-compose binary (default: build Benchmarks/ into .build-bench)")
    parser.add_argument("--hugo", default="hugo", help="the hugo command (default: hugo)")
    parser.add_argument("--no-hugo", action="store_true", help="do not run Hugo")
    parser.add_argument("--hugo-max-gb", type=float, default=16,
                        help="skip Hugo when its estimated peak memory exceeds this (default 16)")
    parser.add_argument("--work", default="/tmp/kizuna-bench", help="where corpora and outputs go")
    parser.add_argument("--json", help="results file (default: RUN_FOLDER/results.json)")
    parser.add_argument("--markdown", help="also write the Markdown report to this file")
    parser.add_argument("--edit-manuscript", default="manuscripts/childcare/0045.yaml",
                        help="the manuscript edited for the rebuild (relative to the corpus)")
    parser.add_argument("--edit-insert", default="inserts/muni-0001-4month-checkup.yaml",
                        help="the insert edited for the rebuild (relative to the corpus)")
    parser.add_argument("--settle", type=int, default=420,
                        help="seconds to wait after deleting one N's outputs before timing the next (default 420)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the corpora and the approved manuscripts in the run folder (outputs, packs and "
                             "the Hugo site are always deleted)")
    args = parser.parse_args()
    if any(n < 1 for n in args.editions):
        parser.error("--editions must be at least 1")
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    Bench(args).main()


if __name__ == "__main__":
    main()
