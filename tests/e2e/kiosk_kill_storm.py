#!/usr/bin/env python3
"""SIGKILL storm: a scripted battery answered at the real kiosk (xdotool,
under the X server of $DISPLAY), the kiosk killed with SIGKILL at a random
moment of every round and started again on the same database.

After every kill: PRAGMA integrity_check is ok, and every stored answer is
compared with the keys sent: an answer whose storage completed (the kiosk
was seen moving on from its question) is stored with its value; the answer
in flight when the kill came (its key sent, the kiosk not yet seen moving
on) is stored with its value, or with the value it had before, or absent;
nothing else is stored. At the end a clean start closes every killed
sitting as abandoned (the surveys finished before a kill stay completed).

usage: kiosk_kill_storm.py ANKETA SURVEYS_DIR DB LOG_DIR ROUNDS SEED
Prints one line of figures; exits 1 with a FAIL line on the first failure.
"""
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

anketa, surveys, db, logdir = sys.argv[1:5]
rounds, seed = int(sys.argv[5]), int(sys.argv[6])
rng = random.Random(seed)
# The battery and the number of options of each survey's questions.
OPTIONS = {"who5_students": 6, "school_attitude_senior": 3, "school_anxiety": 2}
FRAME = re.compile(r"^anketa: frame \d+ screen=(\S+)(?:.* survey=(\S+) question=(\d+))?")


def fail(message):
    print("FAIL (seed %d): %s" % (seed, message))
    sys.exit(1)


class Kiosk:
    """One kiosk process and the frames of its trace, read as they come."""

    def __init__(self, n):
        self.log = os.path.join(logdir, "storm.%d.log" % n)
        env = dict(os.environ, ANKETA_TRACE="1")
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen(
                [anketa, "--db", db, "--surveys", surveys, "--wave", "start",
                 "--class", "7А", "--audience", "student", "--run", ",".join(battery())],
                stdout=out, stderr=subprocess.STDOUT, env=env)
        self.seen = 0  # lines of the log already read

    def next_frame(self, differs_from=None, timeout=10.0):
        """The next frame (screen, survey, question) after those read, one
        that differs from differs_from when given."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with open(self.log) as f:
                lines = f.read().split("\n")[:-1]
            while self.seen < len(lines):
                m = FRAME.match(lines[self.seen])
                self.seen += 1
                if m:
                    frame = (m.group(1), m.group(2), int(m.group(3) or 0))
                    if frame != differs_from:
                        return frame
            if self.proc.poll() is not None:
                fail("the kiosk exited (%s); see %s" % (self.proc.returncode, self.log))
            time.sleep(0.01)
        fail("no new frame after %s in %s" % (differs_from, self.log))

    def wait_screen(self, name):
        while self.next_frame()[0] != name:
            pass


def battery():
    order = list(OPTIONS)
    rng.shuffle(order)
    return order


def xdotool(*args):
    subprocess.run(["xdotool"] + list(args), check=True)


def stored_answers():
    """{(code, survey, question): value} of every stored answer, and the
    database's integrity_check verdict."""
    con = sqlite3.connect(db)
    try:
        verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
        rows = con.execute(
            "SELECT s.respondent, s.survey_id, a.question_id, a.value FROM answer a"
            " JOIN sitting s ON s.id = a.sitting_id").fetchall()
    finally:
        con.close()
    return verdict, {(r[0], r[1], int(r[2][1:])): r[3] for r in rows}


confirmed = {}  # (code, survey, question) -> value whose storage completed
allowed = {}    # the key in flight at each kill -> values it may have, None: absent
stats = {"kills": 0, "keys": 0, "backs": 0, "inflight_stored": 0, "inflight_absent": 0}
# (in flight "absent" also counts a re-answer whose new value was not stored)


def play_round(n):
    code = "k%d" % n
    kiosk = Kiosk(n)
    kiosk.wait_screen("welcome")
    kill_at = rng.randint(0, 8)  # 0: killed while the code is typed
    xdotool("key", "Return")
    kiosk.wait_screen("code")
    if kill_at == 0:
        xdotool("type", "--delay", "20", code)
        return kiosk, None
    xdotool("type", "--delay", "20", code)
    xdotool("key", "Return")
    kiosk.wait_screen("instructions")
    xdotool("key", "Return")
    frame = kiosk.next_frame()
    keys = 0
    while True:
        screen, survey, q = frame
        if screen == "instructions":
            xdotool("key", "Return")
            frame = kiosk.next_frame(frame)
            continue
        if screen != "question":
            return kiosk, None  # the end of the battery: killed on the thanks screen
        if q > 1 and rng.random() < 0.15:
            xdotool("key", "BackSpace")
            stats["backs"] += 1
            frame = kiosk.next_frame(frame)
            continue
        value = str(rng.randint(1, OPTIONS[survey]))
        key = (code, survey, q)
        xdotool("key", value)
        stats["keys"] += 1
        keys += 1
        if keys == kill_at:
            return kiosk, (key, value)
        frame = kiosk.next_frame(frame)
        confirmed[key] = value


def check_after_kill(inflight):
    verdict, stored = stored_answers()
    if verdict != "ok":
        fail("integrity_check after kill %d: %s" % (stats["kills"], verdict))
    if inflight is not None:
        key, value = inflight
        allowed[key] = {value, confirmed.get(key)}
        if stored.get(key) == value:
            stats["inflight_stored"] += 1
        else:
            stats["inflight_absent"] += 1  # not stored, or the value from before
    for key, value in confirmed.items():
        if stored.get(key) != value and (key not in allowed or stored.get(key) not in allowed[key]):
            fail("kill %d: %s stored as %r, want %r" % (stats["kills"], key, stored.get(key), value))
    for key, value in stored.items():
        if key not in confirmed and (key not in allowed or value not in allowed[key]):
            fail("kill %d: %s stored as %r, never confirmed" % (stats["kills"], key, value))


started = time.monotonic()
for n in range(1, rounds + 1):
    kiosk, inflight = play_round(n)
    # A random moment: at once, within 15 ms of the key (the answer being
    # committed), or anywhere up to the 450 ms the chosen option is shown.
    moment = rng.random()
    if moment >= 1 / 3:
        time.sleep(rng.uniform(0, 0.015) if moment < 2 / 3 else rng.uniform(0, 0.5))
    kiosk.proc.send_signal(signal.SIGKILL)
    kiosk.proc.wait()
    stats["kills"] += 1
    check_after_kill(inflight)
    # What the kiosk moved on from is settled; an in-flight key that was
    # stored stays as it is from now on too.
    if inflight is not None:
        _, stored = stored_answers()
        if inflight[0] in stored:
            confirmed[inflight[0]] = stored[inflight[0]]
        allowed.pop(inflight[0], None)

# A clean start on the database closes every killed sitting as abandoned.
kiosk = Kiosk(rounds + 1)
kiosk.wait_screen("welcome")
kiosk.proc.send_signal(signal.SIGTERM)
if kiosk.proc.wait(timeout=10) != 0:
    fail("the last kiosk did not stop cleanly")
con = sqlite3.connect(db)
statuses = con.execute("SELECT status, count(*) FROM sitting GROUP BY status").fetchall()
n_answers = con.execute("SELECT count(*) FROM answer").fetchone()[0]
con.close()
if any(status == 0 for status, _ in statuses):
    fail("sittings left in progress: %s (status, count)" % statuses)
verdict, stored = stored_answers()
if verdict != "ok" or stored != confirmed:
    fail("at the end: integrity %s, %d stored, %d expected" % (verdict, len(stored), len(confirmed)))
print("kill storm: %d kills, %d answer keys (%d Backspace), %d answers stored in %d sittings, "
      "in flight at a kill: %d stored, %d absent; 0 integrity failures, 0 lost, 0 wrong; "
      "%.0f s (seed %d)"
      % (stats["kills"], stats["keys"], stats["backs"], n_answers, sum(c for _, c in statuses),
         stats["inflight_stored"], stats["inflight_absent"], time.monotonic() - started, seed))
