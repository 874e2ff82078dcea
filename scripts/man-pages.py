#!/usr/bin/python3
"""man-pages.py GENERATED OUT DOCDIR: the installed man pages, from swift-argument-parser's.

swift-argument-parser's generate-manual plugin writes one mdoc page per command
(GENERATED/roundtable.action.add.1) with NAME, SYNOPSIS, DESCRIPTION (the options) and SEE ALSO.
This script turns each into the page people look for (OUT/roundtable-action-add.1, as git and
podman name theirs) and adds what the parser cannot know: the options under OPTIONS, the
ENVIRONMENT, FILES and EXIT STATUS a command's options imply, and the command's EXAMPLES from
docs/man/examples/<page>.txt. It also writes roundtable-schedule(5) from docs/schedule.md with
pandoc. DOCDIR is where the documentation is installed, named in FILES.

A command with no examples file gets a page without EXAMPLES, which `make test` (ManPageTests)
reports: every command that exists must have one.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "docs", "man", "examples")

# Each variable: (name, the option that makes it matter to a page (None: every page with
# --schedule), what it does). The root page lists them all.
ENVIRONMENT = [
    ("ROUNDTABLE_SCHEDULE", "-schedule", "The schedule file or folder when -s is not given."),
    ("ROUNDTABLE_STATE", "-state", "The state when --state is not given: a file path (SQLite) or a "
     "postgres:// URL."),
    ("ROUNDTABLE_STATE_PASSWORD", "-state", "The password of a PostgreSQL state (else libpq's own: "
     "PGPASSWORD, ~/.pgpass). Never printed."),
    ("XDG_STATE_HOME", "-state", "The default state is $XDG_STATE_HOME/roundtable/state.sqlite "
     "(else ~/.local/state/roundtable/state.sqlite)."),
    ("ROUNDTABLE_NOW", "-as-of", "An ISO 8601 instant (2012-11-26T09:00:00Z) that stands in for the clock, "
     "for tests and reproducible runs; --as-of still wins."),
    ("ROUNDTABLE_TEMPLATES", "-templates", "The templates folder when --templates is not given."),
    ("ROUNDTABLE_WRITEUPS", "-writeups", "The write-ups folder when --writeups is not given."),
    ("ROUNDTABLE_TRANSPORT", "-transport", "outbox, sendmail or smtp when --transport is not given "
     "(default outbox)."),
    ("ROUNDTABLE_SMTP_URL", "-transport", "The mail server of the smtp transport: smtps://host (TLS from "
     "the start) or smtp://host:587 (STARTTLS)."),
    ("ROUNDTABLE_SMTP_USER", "-transport", "The SMTP login; with a password, the login only ever goes over TLS."),
    ("ROUNDTABLE_SMTP_PASSWORD", "-transport", "The SMTP password, read from the environment only and never printed."),
    ("ROUNDTABLE_SMTP_CA_FILE", "-transport", "A PEM file of CA certificates to trust instead of the system's."),
    ("ROUNDTABLE_SENDMAIL_TIMEOUT", "-transport", "Seconds before the sendmail program is stopped (default 60)."),
    ("ROUNDTABLE_CALDAV_URL", "-caldav", "The CalDAV collection when --caldav is not given."),
    ("ROUNDTABLE_CALDAV_USER", "-caldav", "The CalDAV login (else the server's entry in ~/.netrc)."),
    ("ROUNDTABLE_CALDAV_PASSWORD", "-caldav", "The CalDAV password, never printed."),
    ("ROUNDTABLE_CALDAV_CA_FILE", "-caldav", "A PEM file of CA certificates to trust instead of the system's."),
    ("ROUNDTABLE_STATE_CA_FILE", "-state", "A PEM file of the CA a PostgreSQL state's certificate must come from "
     "(the connection is then verify-full)."),
    ("ROUNDTABLE_IMAP_PASSWORD", "-mailbox", "The IMAP password of rsvp --mailbox (else the server's entry in "
     "~/.netrc), never printed."),
    ("ROUNDTABLE_IMAP_CA_FILE", "-mailbox", "A PEM file of CA certificates to trust instead of the system's."),
    ("ROUNDTABLE_LIBCURL", "-transport -caldav -mailbox", "The libcurl to load instead of libcurl.so.4 (only "
     "when mail or a calendar goes to a server, or a mailbox is read)."),
]

EXIT_STATUS = [
    ("0", "Success."),
    ("1", "overdue only: something is overdue."),
    ("64", "Usage: an unknown option, a missing argument, a value of the wrong form."),
    ("65", "Bad data: the schedule, a records file, a reply or the state is wrong (each problem is "
     "named with its file and line, or its record); nothing was changed."),
    ("66", "Input missing: the schedule, a file named or the state does not exist."),
    ("69", "Service unavailable: the transport or server is misconfigured, or libcurl or libpq is missing."),
    ("73", "Cannot write the output."),
    ("74", "I/O error: the disk is full."),
    ("75", "Temporary failure: a server is down or the state is locked; the next run catches up."),
    ("77", "Not permitted: a server refused the login."),
]


def escape(text):
    """Text as mdoc shows it literally: backslashes escaped, a leading dot or quote protected."""
    text = text.replace("\\", "\\e")
    return "\\&" + text if text[:1] in (".", "'") else text


def examples(page):
    """The EXAMPLES section from docs/man/examples/PAGE.txt: paragraphs of text, and command lines
    indented four spaces shown as literal blocks. None when the file is missing."""
    path = os.path.join(EXAMPLES, page + ".txt")
    if not os.path.exists(path):
        return None
    out = [".Sh EXAMPLES"]
    for paragraph in open(path, encoding="utf-8").read().strip().split("\n\n"):
        lines = paragraph.split("\n")
        if all(line.startswith("    ") for line in lines):
            out += [".Bd -literal -offset indent"] + [escape(line[4:]) for line in lines] + [".Ed"]
        else:
            out += ([".Pp"] if len(out) > 1 else []) + sentences([escape(line) for line in lines])
    return out


def sentences(lines):
    """Text lines with each sentence starting a line of its own, as mdoc wants (it puts the wider
    space after a full stop at the end of a line); an abbreviation's stop is not a sentence's."""
    out = []
    for line in lines:
        if line.startswith("."):
            out.append(line)
            continue
        line = re.sub(r"\b(e\.g|i\.e|etc)\. ", r"\1.\\ ", line)
        out += [("\\&" + part if part[:1] in (".", "'") else part) for part in re.split(r"(?<=[.!?]) +(?=\S)", line)]
    return out


def environment(options, root):
    wanted = [(name, text) for name, needs, text in ENVIRONMENT
              if root or any(option in options for option in needs.split())]
    if not wanted:
        return [".Sh ENVIRONMENT", "This command reads no environment variables."]
    out = [".Sh ENVIRONMENT", ".Bl -tag -width Ds"]
    for name, text in wanted:
        out += [".It Ev " + name] + sentences([text])
    return out + [".El"]


def files(options, root, docdir):
    entries = []
    if root or "-schedule" in options:
        entries.append(("./schedules/*.yaml", "The schedule when neither -s nor ROUNDTABLE_SCHEDULE names one; "
                        "its format is in\n.Xr roundtable-schedule 5 ."))
    if root or "-state" in options:
        entries.append(("$XDG_STATE_HOME/roundtable/state.sqlite", "The default state (folder 0700, file 0600)."))
    if root or "-writeups" in options:
        entries.append(("writeups/SESSION.md", "A session's write-up, beside the schedule."))
    if root or "-templates" in options:
        entries.append(("templates/", "Templates that replace the built-in ones file by file, beside the schedules folder."))
    if root or "-outbox" in options:
        entries.append(("./outbox/", "Where the outbox transport writes one .eml file per message."))
    if root or "-json" in options:
        entries.append((docdir + "/json.md", "The schemas of the JSON output."))
    entries.append((docdir + "/schedule.md", "The schedule reference, as\n.Xr roundtable-schedule 5 ."))
    out = [".Sh FILES", ".Bl -tag -width Ds"]
    for name, text in entries:
        out += [".It Pa " + name] + sentences(text.split("\n"))
    return out + [".El"]


def exit_status(command):
    out = [".Sh EXIT STATUS", ".Bl -tag -width Ds"]
    for code, text in EXIT_STATUS:
        if code == "1" and command not in ("roundtable", "roundtable overdue"):
            continue
        out += [".It " + code] + sentences([text])
    return out + [".El"]


def sections(text):
    """The page split at its .Sh lines: (heading, lines), the first heading '' for the prologue."""
    parts = [("", [])]
    for line in text.split("\n"):
        if line.startswith(".Sh "):
            parts.append((line[4:].strip('"'), []))
        else:
            parts[-1][1].append(line)
    return parts


def abstract(text):
    """The one-line summary of a generated page (its .Nd)."""
    return re.search(r'^\.Nd "?(.*?)"?$', text, re.M).group(1)


def overview(commands):
    """roundtable(1)'s DESCRIPTION: docs/man/overview.txt, then every command with its summary."""
    paragraphs = open(os.path.join(ROOT, "docs", "man", "overview.txt"), encoding="utf-8").read().strip().split("\n\n")
    out = []
    for paragraph in paragraphs:
        out += ([".Pp"] if out else []) + sentences([escape(paragraph.replace("\n", " "))])
    out += [".Bl -tag -width Ds"]
    for name, summary in commands:
        out += [".It Xr " + name + " 1"] + sentences([escape(summary)])
    return out + [".El"]


def page(text, docdir, commands):
    """One generated page rewritten: (file name, text, whether it has EXAMPLES). `commands` is
    every page's name and summary, which the root page lists."""
    parts = dict(sections(text))
    title = re.search(r"^\.Dt (\S+) (\d)", text, re.M)
    dotted, number = title.group(1).lower(), title.group(2)
    name = dotted.replace(".", "-")
    command = dotted.replace(".", " ")
    root = name == "roundtable"
    prologue = [line.replace(".Dt " + title.group(1), ".Dt " + name.upper()) for line in parts[""]]
    prologue = [re.sub(r"^\.Dd .*", ".Dd $Mdocdate$", line) for line in prologue]
    description = parts.get("DESCRIPTION", [])
    # The option list is the last list of DESCRIPTION; what comes before it is the discussion.
    start = max((i for i, line in enumerate(description) if line.startswith(".Bl -tag")), default=len(description))
    discussion, options = description[:start], description[start:]
    if not [line for line in discussion if line.strip()]:
        discussion = [escape(abstract(text))]
    if root:
        discussion = overview(commands) + [".Pp"] + discussion
    option_text = "\n".join(options)
    see_also = [re.sub(r"^\.Xr (\S+)", lambda m: ".Xr " + m.group(1).replace(".", "-"), line)
                for line in parts.get("SEE ALSO", []) if line.strip()]
    if see_also:
        see_also[-1] += " ,"
    see_also.append(".Xr roundtable-schedule 5")
    own = examples(name)
    out = prologue
    out += [".Sh NAME"] + parts["NAME"]
    out += [".Sh SYNOPSIS"] + parts.get("SYNOPSIS", [])
    out += [".Sh DESCRIPTION"] + sentences(discussion)
    if options:
        out += [".Sh OPTIONS"] + sentences(options)
    out += environment(option_text, root) + files(option_text, root, docdir) + exit_status(command)
    out += own or []
    out += [".Sh SEE ALSO"] + see_also
    out = [line for line in out if line != ""]
    # The parser ends some items with an empty paragraph (where it lists values it has none of).
    out = [line for i, line in enumerate(out) if not (line == ".Pp" and out[i + 1][:3] in (".It", ".El"))]
    return name + "." + number, "\n".join(out) + "\n", own is not None


def schedule_page(out):
    """roundtable-schedule(5) from docs/schedule.md, through pandoc's man writer, with the few
    things mandoc's lint dislikes in pandoc 2.17's output put right."""
    source = open(os.path.join(ROOT, "docs", "schedule.md"), encoding="utf-8").read().split("\n")
    # The Markdown's title and one-line summary become NAME; its sections shift up one level.
    markdown = "## NAME\n\n" + source[2].replace(" - ", " \\- ", 1) + "\n\n## DESCRIPTION\n" + "\n".join(source[3:])
    markdown = re.sub(r"^## ([A-Za-z ,-]+)$", lambda m: "## " + m.group(1).upper(), markdown, flags=re.M)
    date = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%cs", "--", "docs/schedule.md"],
                          capture_output=True, text=True).stdout.strip() or "2026-01-01"
    man = subprocess.run(["pandoc", "-f", "markdown", "-t", "man", "-s", "--shift-heading-level-by=-1",
                          "-M", "title=ROUNDTABLE-SCHEDULE", "-M", "section=5", "-M", "date=" + date,
                          "-M", "footer=roundtable", "-M", "header=File Formats Manual"],
                         input=markdown, capture_output=True, text=True, check=True).stdout
    # pandoc defines a font V with .ftr, which mandoc does not know: code is shown bold instead.
    man = re.sub(r'^\.ie "\\f\[CB\]x.*?^\.\\}\n\.el \\{\\\n.*?^\.\\}\n', "", man, flags=re.M | re.S)
    man = re.sub(r"\\f\[(V|C|CB)\]", r"\\f[B]", man)
    # A paragraph macro straight after a heading is redundant (mandoc warns).
    man = re.sub(r"^(\.S[HS] .*\n)\.PP\n", r"\1", man, flags=re.M)
    with open(os.path.join(out, "roundtable-schedule.5"), "w", encoding="utf-8") as f:
        f.write(man)


def main():
    generated, out, docdir = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    missing = []
    texts = {file: open(os.path.join(generated, file), encoding="utf-8").read()
             for file in sorted(os.listdir(generated)) if file.endswith(".1")}
    commands = [(file[:-2].replace(".", "-"), abstract(text)) for file, text in texts.items() if file != "roundtable.1"]
    for file, text in texts.items():
        name, text, has_examples = page(text, docdir, commands)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
        if not has_examples:
            missing.append(name)
    schedule_page(out)
    for name in missing:
        print(f"man-pages.py: no examples for {name}: add docs/man/examples/{name[:-2]}.txt", file=sys.stderr)


if __name__ == "__main__":
    main()
