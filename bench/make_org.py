#!/usr/bin/env python3
"""A synthetic organisation for the organisation-scale benchmark (docs/performance.md).

    make_org.py SCALE FOLDER

At scale 1: 500 series of 10 sessions (5,000 sessions), a pool of 2,000 members (each series
invites 20 of them, so every member is in about 5 series), 100 actions a series (50,000), and a
year of records: every stage done up to a few weeks before the as-of day 2026-06-30, some of them
late, some not done at all, so that status, overdue and remind all have real work. SCALE 0.1 is a
tenth of everything but the members per series and sessions per series, which stay as they are:
cost should grow with the number of series.

Writes FOLDER/schedules/<series>.yaml and FOLDER/records/<series>.yaml (the `import` format).
Seeded, so every run writes the same files.
"""
import datetime as dt
import os
import random
import sys

AS_OF = dt.date(2026, 6, 30)
ZONES = ["Europe/London", "Europe/Paris", "America/New_York", "America/Chicago", "Australia/Sydney",
         "Asia/Kolkata", "Pacific/Auckland", "America/Sao_Paulo"]
SECTORS = ["public", "private", "voluntary"]
PLACES = ["Havant", "Norwich", "Wakefield", "Poole", "Luton", "Leeds", "Bristol", "Derby", "York", "Exeter"]
SESSIONS_PER_SERIES = 10
MEMBERS_PER_SERIES = 20
ACTIONS_PER_SERIES = 100


def member_line(n):
    return (f"  - {{id: m{n:04d}, name: Member {n:04d}, email: m{n:04d}@org{n % 50:02d}.example.org, "
            f"organisation: Organisation {n % 50:02d}, sector: {SECTORS[n % 3]}}}")


def series_files(index, pool, rng, sessions_count=SESSIONS_PER_SERIES, actions_count=ACTIONS_PER_SERIES, first=None,
                 every=dt.timedelta(weeks=5)):
    """One series' schedule and records. By default a series of the organisation; a long series
    (bench/long_series_bench.py) passes its own number of sessions and actions, its first day and
    the interval between sessions."""
    series = f"org-{index:04d}"
    zone = ZONES[index % len(ZONES)]
    people = rng.sample(range(pool), MEMBERS_PER_SERIES)
    ids = [f"m{n:04d}" for n in people]
    # Series start spread over the year before the as-of day; a session every five weeks, on a
    # Tuesday at 10:00 local (never inside a DST change, which happens at night).
    if first is None:
        first = AS_OF - dt.timedelta(days=300 - (index * 7) % 250)
        first += dt.timedelta(days=(1 - first.weekday()) % 7)
    days = [first + every * k for k in range(sessions_count)]
    schedule = [
        f"# Synthetic series {index} of the organisation-scale benchmark (bench/make_org.py).",
        "series:",
        f"  id: {series}",
        f"  title: \"Learning group {index}: provider development\"",
        f"  timezone: {zone}",
        f"  organiser: {ids[0]}",
        "  uid-domain: org.example.org",
        "  discussion-areas: [Technical issues, Operational issues, Cultural issues]",
        "",
        "policy:",
        "  invite-lead: P28D",
        "  writeup-within: P14D",
        "  disseminate-within: P21D",
        "  papers-before-seminar: P14D",
        "  remind-before: [P7D, P1D]",
        "  overdue-every: P7D",
        "  default-duration: PT3H",
        "",
        "members:",
    ] + [member_line(n) for n in people] + ["", "sessions:"]
    sessions = []
    for k, day in enumerate(days):
        kind = "meeting" if k == 0 else "seminar" if k == sessions_count - 1 else "roundtable"
        sid = "inaugural" if k == 0 else "seminar" if kind == "seminar" else f"rt{k}"
        sessions.append((sid, kind, day))
        schedule += [
            f"  - id: {sid}",
            f"    kind: {kind}",
            f"    subject: Subject {k} of series {index}, with commas, semicolons; and \"quotes\"",
            f"    location: {PLACES[(index + k) % len(PLACES)]}",
            f"    start: {day.isoformat()}T{'18' if kind == 'seminar' else '10'}:00:00",
            "    duration: PT3H",
            f"    facilitator: {ids[k % MEMBERS_PER_SERIES]}",
            f"    rapporteur: {ids[(k + 1) % MEMBERS_PER_SERIES]}",
            "    attendees: all",
        ]
        if kind == "seminar":
            schedule.append("    requires: [" + ", ".join(s for s, kd, _ in sessions if kd == "roundtable") + "]")

    stages = {"meeting": ["plan", "hold", "writeup"], "roundtable": ["plan", "hold", "writeup", "disseminate"],
              "seminar": ["plan", "hold"]}
    offsets = {"plan": -28, "hold": 0, "writeup": 14, "disseminate": 35}
    records = [f"series: {series}", "completions:"]
    for sid, kind, day in sessions:
        for stage in stages[kind]:
            due = day + dt.timedelta(days=offsets[stage])
            done = due + dt.timedelta(days=rng.choice([-5, -2, 0, 0, 3, 9]))
            if done < AS_OF - dt.timedelta(days=rng.choice([0, 10, 20])) and rng.random() > 0.03:
                records.append(f"- {{session: {sid}, stage: {stage}, on: {done.isoformat()}}}")
    records.append("actions:")
    for a in range(actions_count):
        sid, _, day = sessions[a % (sessions_count - 1)]
        due = day + dt.timedelta(days=rng.randint(7, 60))
        line = (f"- {{id: A{a + 1}, session: {sid}, owner: {ids[rng.randrange(MEMBERS_PER_SERIES)]}, "
                f"text: Action {a + 1} of series {index}, due: {due.isoformat()}")
        if due < AS_OF and rng.random() < 0.8:
            line += f", done: {min(due + dt.timedelta(days=rng.randint(-10, 10)), AS_OF).isoformat()}"
        records.append(line + "}")
    return series, "\n".join(schedule) + "\n", "\n".join(records) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    scale, folder = float(sys.argv[1]), sys.argv[2]
    series_count, pool = max(1, round(500 * scale)), max(MEMBERS_PER_SERIES, round(2000 * scale))
    rng = random.Random(7)
    for sub in ("schedules", "records"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    for index in range(1, series_count + 1):
        series, schedule, records = series_files(index, pool, rng)
        with open(os.path.join(folder, "schedules", series + ".yaml"), "w") as f:
            f.write(schedule)
        with open(os.path.join(folder, "records", series + ".yaml"), "w") as f:
            f.write(records)
    print(f"{series_count} series, {series_count * SESSIONS_PER_SERIES} sessions, {pool} members, "
          f"{series_count * ACTIONS_PER_SERIES} actions in {folder}")


if __name__ == "__main__":
    main()
