#!/usr/bin/env python3
"""Measures the validator on the fresh real-world corpus (issue 17), one command:

    mvn -o -q -B -pl validator-plugin package -DskipTests
    python3 validator-plugin/src/test/corpus/measure_corpus.py /work/corpus > target/corpus-measurement.md
    # a later sample, with its own manifest (no shape or CUDA column):
    python3 validator-plugin/src/test/corpus/measure_corpus.py /work/corpus4 \
        validator-plugin/src/test/resources/realworld/corpus-2026-12d.tsv > target/corpus4-measurement.md

NIXML_CLI_JAR=path/to/nixml-cli.jar measures another build (the one before a change).

The corpus is collected outside the repository (one folder per project, named as in the `dir` column of
`src/test/resources/realworld/corpus-2026-12.tsv`). For each project the script runs the CLI's `nixml show` and
`nixml validate --today 2026-12-04`, classifies every dev shell, and lists every warning/error finding.

Classification of a dev shell (a shell name with its system level removed; the worst system counts):
  fully  - `nixml show` prints the shell and "Unknowns: none" for it on every system;
  partly - `nixml show` prints the shell but lists at least one unknown on some system;
  not    - the shell is not printed: the project's flake yields "The flake defines no dev shell the model
           found", or the project has no flake the model reads (devenv.nix + devenv.yaml only), each counted as
           one shell not understood; a project-level "Unknown: devShells: ..." next to printed shells adds one
           shell not understood (the shells the model could not list), and so does each file for nix-shell
           (shell.nix, or another beside it such as cuda-shell.nix) that gives no shell the model knows.
  none   - a project (a "Project X" section of `nixml show`) whose Nix defines no dev shell at all has no shell to
           understand and counts 0 shells, not "not": its section prints "The flake defines no dev shell the model
           found." (or, with no flake, only "Unknown: flake.nix: the file is missing") and no other project-level
           unknown, and its folder holds none of shell.nix, default.nix, devenv.nix, devenv.yaml (a flake with only
           `templates`, `packages` or `outputs = _: { }`). Any project-level unknown, or one of those files, keeps
           the project at one shell not understood: the model may have missed a shell there.
A devenv project without a flake (devenv.nix, devenv.yaml) is classified the same way from its `nixml show`
output: its one shell is printed as "devenv.shell (the system devenv runs on)" (devenv.nix names no systems).
"""
import collections
import csv
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
MANIFEST = os.path.join(PLUGIN, "src", "test", "resources", "realworld", "corpus-2026-12.tsv")
TODAY = "2026-12-04"


def cli_jar():
    if os.environ.get("NIXML_CLI_JAR"):  # another build, e.g. the one before a change
        return os.environ["NIXML_CLI_JAR"]
    jars = glob.glob(os.path.join(PLUGIN, "target", "nixml-maven-plugin-*-cli.jar"))
    if not jars:
        sys.exit("build the CLI first: mvn -o -q -B -pl validator-plugin package -DskipTests")
    return jars[0]


def run(jar, *args):
    p = subprocess.run(["java", "-jar", jar, *args], capture_output=True, text=True, timeout=300)
    return p.stdout + p.stderr


# a flake's shells by attribute path; a shell.nix/default.nix project's one shell by its file (`shell.nix (nix-shell, …)`)
SHELL_HEAD = re.compile(r"^((devShells?|devshells|packages|devenv)[^\s]*|([^\s]*/)?(([\w.-]+[-_.])?shell([-_.][\w.-]+)?|default)\.nix)$")


NO_SHELL = "The flake defines no dev shell the model found."
DEVENV_NO_SHELL = "devenv.nix defines no dev shell the model found."
NO_FLAKE = "flake.nix: the file is missing: there is no dev shell to model"
SHELL_FILES = ("shell.nix", "default.nix", "devenv.nix", "devenv.yaml")
# the other files made for `nix-shell FILE` (shell-cuda.nix), as ProjectContext reads them
NIX_SHELL_VARIANT = re.compile(r"([\w.-]+[-_.])?shell([-_.][\w.-]+)?\.nix")


def project_sections(show):
    """The project-level lines of each "Project X" section of `show`, by project folder X."""
    lines = show.splitlines()
    sections = {}
    current = None
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.startswith("~~~"):
            current = line[len("Project "):] if line.startswith("Project ") else None
            if current is not None:
                sections[current] = []
            continue
        if current is not None:
            sections[current].append(line)
    return sections


def defines_no_shell(body, folder):
    """Whether a project's Nix defines no dev shell at all (see "none" in the docstring)."""
    unknowns = [l[len("Unknown: "):] for l in body if l.startswith("Unknown: ")]
    if not ((NO_SHELL in body and not unknowns) or unknowns == [NO_FLAKE]):
        return False
    return not any(os.path.exists(os.path.join(folder, f)) for f in SHELL_FILES) and not any(
        NIX_SHELL_VARIANT.fullmatch(f) for f in os.listdir(folder))


def classify(show, path):
    lines = show.splitlines()
    shells = {}   # name without system -> worst class
    reasons = collections.defaultdict(list)
    project_unknown = []
    current = None
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        head = line.split(" (")[0]
        if nxt.startswith("~~~") and SHELL_HEAD.match(head):
            parts = head.split(".")
            name = ".".join(p for p in parts if not SYSTEM.match(p))
            current = name
            shells.setdefault(name, "fully")
            if "(systems unknown)" in line:
                shells[name] = "partly"
                reasons["(all)"].append("systems unknown (the shell's systems could not be listed)")
            continue
        if nxt.startswith("~~~") and line.startswith("Project "):
            current = None
            continue
        if line.startswith("Unknowns:") and current is not None:
            if not line.startswith("Unknowns: none"):
                shells[current] = "partly"
        if line.startswith("Unknown: ") and current is None:
            project_unknown.append(line[len("Unknown: "):])
    # the unknowns of partly shells: collect the indented block after "Unknowns:"
    block = None
    for line in lines:
        if line.startswith("Unknowns:") and not line.startswith("Unknowns: none"):
            block = []
            rest = line[len("Unknowns:"):].strip()
            if rest:
                block.append(rest)
            continue
        if block is not None:
            if line.startswith("  "):
                block.append(line.strip())
                continue
            reasons["(all)"].extend(block)
            block = None
    if block:
        reasons["(all)"].extend(block)
    sections = project_sections(show)
    no_shell = {p for p, body in sections.items() if defines_no_shell(body, os.path.join(path, p))}
    not_found = any(NO_SHELL in body or DEVENV_NO_SHELL in body for p, body in sections.items() if p not in no_shell)
    result = dict(shells)
    for unknown in project_unknown:
        if "not a shell builder call the model knows" in unknown:  # a file for nix-shell that gave no shell
            result[unknown.split(":")[0]] = "not"
    if not result:
        if not sections or set(sections) - no_shell:
            result["(no shell read)"] = "not"
    elif any(u.startswith("devShells") for u in project_unknown) or not_found:
        result["(shells not listed)"] = "not"
    return result, project_unknown, sorted(set(reasons["(all)"]))


# a Nix system double (`lib.platforms.all` names freebsd, netbsd, wasi, none … as well as linux and darwin): one
# shell defined for many systems is one shell
SYSTEM = re.compile(r"^[a-z0-9_]+-(linux|darwin|freebsd\d*|netbsd|openbsd|none|windows|cygwin|solaris|redox|wasi|"
                    r"genode|mmixware|ghcjs|uefi)$")

FINDING = re.compile(r"^(\S+): (warning|error): \[([a-z0-9-]+)\] (.*)$")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "/work/corpus"
    manifest = sys.argv[2] if len(sys.argv) > 2 else MANIFEST
    jar = cli_jar()
    with open(manifest, newline="") as f:
        rows = [r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")]
    for row in rows:  # the later samples' manifests list no shape or CUDA column
        row.setdefault("shape", "-")
        row.setdefault("cuda", "-")
    per_shape = collections.defaultdict(collections.Counter)
    out = ["# Corpus measurement (nixml validate --today %s)" % TODAY, ""]
    out.append("| project | shape | CUDA | shells: fully / partly / not | warning/error findings |")
    out.append("| --- | --- | --- | --- | --- |")
    details = []
    for row in rows:
        path = os.path.join(corpus, row["dir"])
        if not os.path.isdir(path):
            out.append("| `%s` | %s | %s | missing from the corpus | |" % (row["dir"], row["shape"], row["cuda"]))
            continue
        show = run(jar, "show", path)
        shells, project_unknown, reasons = classify(show, path)
        validate = run(jar, "validate", path, "--today", TODAY, "--fail-on", "none")
        findings = [m.group(0) for m in map(FINDING.match, validate.splitlines()) if m]
        counts = collections.Counter(shells.values())
        per_shape[row["shape"]].update(counts)
        per_shape["(all)"].update(counts)
        out.append("| `%s` | %s | %s | %d / %d / %d | %s |" % (
            row["dir"], row["shape"], row["cuda"], counts["fully"], counts["partly"], counts["not"],
            "<br>".join("`%s`" % f.split(": ", 1)[0] + " " + f.split(": ", 1)[1].split("]")[0] + "]"
                        for f in findings)))
        details.append("## %s\n\nshells: %s\n\nproject unknowns: %s\n\nshell unknowns:\n%s\n\nfindings:\n%s\n" % (
            row["dir"], ", ".join("%s=%s" % kv for kv in sorted(shells.items())) or "none (the project defines no dev shell)",
            "; ".join(project_unknown) or "none",
            "\n".join("- " + r for r in reasons if not r.startswith("What |")) or "- none",
            "\n".join("- " + f for f in findings) or "- none"))
    out += ["", "| shape | fully | partly | not |", "| --- | ---: | ---: | ---: |"]
    for shape in sorted(per_shape):
        c = per_shape[shape]
        out.append("| %s | %d | %d | %d |" % (shape, c["fully"], c["partly"], c["not"]))
    print("\n".join(out))
    print()
    print("\n".join(details))


if __name__ == "__main__":
    main()
