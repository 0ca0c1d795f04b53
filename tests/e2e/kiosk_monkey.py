#!/usr/bin/env python3
"""Monkey run: random input at the real kiosk (XTest, xinput.py, under the
X server of $DISPLAY) with a watchdog. Keys the keyboard contract knows and keys it
ignores (Escape, Alt+F4, Ctrl+Q, Alt+Tab, F-keys), digits, Latin and
Cyrillic text (typed in the second layout, as a person does), clicks
anywhere, drags, the wheel and wrong PINs, 2 to 10 ms apart. Every batch the kiosk must be alive; every 500 events its
window must still cover the screen at 0,0. At the end it must answer a
scripted action (a click on a button of the screen shown is followed by a
new frame) and stop cleanly on SIGTERM.

usage: kiosk_monkey.py ANKETA SURVEYS_DIR DB LOG EVENTS SEED WxH
Prints one line of figures; exits 1 with a FAIL line on the first failure.
"""
import os
import random
import re
import signal
import subprocess
import sys
import time

from xinput import XInput

anketa, surveys, db, log = sys.argv[1:5]
events, seed = int(sys.argv[5]), int(sys.argv[6])
width, height = (int(v) for v in sys.argv[7].split("x"))
rng = random.Random(seed)
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KEYS = ["Return", "BackSpace", "Left", "Right", "Up", "Down", "space", "Escape", "Tab",
        "Home", "End", "Delete", "KP_1", "KP_2", "KP_Enter", "alt+F4", "ctrl+q", "ctrl+w",
        "alt+Tab", "super", "ctrl+Escape", "alt+F2", "ctrl+alt+t", "F11", "comma", "period",
        "minus"] + ["F%d" % i for i in range(1, 13)]


def fail(message):
    print("FAIL (seed %d): %s" % (seed, message))
    sys.exit(1)


def one_event(x):
    """Sends one random event."""
    r = rng.random()
    if r < 0.25:
        x.key(str(rng.randint(1, 9)))
    elif r < 0.45:
        x.key(rng.choice(KEYS))
    elif r < 0.52:
        x.type("".join(rng.choice("abcxyz 0123456789,.-") for _ in range(rng.randint(1, 6))))
    elif r < 0.62:
        x.type("".join(rng.choice(CYRILLIC + " ") for _ in range(rng.randint(1, 6))))
    elif r < 0.84:
        x.click(rng.randrange(width), rng.randrange(height))
    elif r < 0.90:
        x.drag(rng.randrange(width), rng.randrange(height), rng.randrange(width),
               rng.randrange(height))
    elif r < 0.95:
        x.click(rng.randrange(width), rng.randrange(height), rng.choice([4, 5]))
    elif r < 0.99:
        x.key(rng.choice(["Escape", "F10"]))
    else:
        # The PIN screen, a wrong PIN (the lockout then has its say), and out.
        x.key("F10")
        x.type(str(rng.randint(1000, 99999999)))
        x.key("Return")
        x.key("Escape")


def alive(proc):
    if proc.poll() is not None:
        fail("the kiosk exited with status %s after %d events; see %s" % (proc.returncode, sent, log))


def full_screen():
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "^anketa$"],
                         capture_output=True, text=True).stdout.split()
    if not ids:
        fail("no visible Anketa window after %d events" % sent)
    geometry = subprocess.run(["xdotool", "getwindowgeometry", ids[0]],
                              capture_output=True, text=True).stdout
    if "Position: 0,0" not in geometry or "Geometry: %dx%d" % (width, height) not in geometry:
        fail("the window left full screen after %d events: %s" % (sent, geometry.strip()))


def wait_frame(pattern, after, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with open(log, errors="replace") as f:
            lines = f.read().split("\n")[after:]
        if any(re.search(pattern, line) for line in lines):
            return
        time.sleep(0.05)
    fail("no frame matching %r within %.0f s: the kiosk does not answer" % (pattern, timeout))


def lines_so_far():
    with open(log, errors="replace") as f:
        return len(f.read().split("\n")) - 1


env = dict(os.environ, ANKETA_TRACE="1")
with open(log, "w") as out:
    proc = subprocess.Popen([anketa, "--db", db, "--surveys", surveys, "--wave", "start",
                             "--class", "7А", "--audience", "student", "--run",
                             "mini,who5_students,school_day_senior"],
                            stdout=out, stderr=subprocess.STDOUT, env=env)
sent = 0
wait_frame(r"^anketa: ready", 0)
started = time.monotonic()
next_check = 500
x = XInput()
while sent < events:
    for _ in range(min(20, events - sent)):
        one_event(x)
        sent += 1
        # A fast person's pace: events a few milliseconds apart (at the same
        # instant, SDL would take a key pressed again for the key's repeat).
        time.sleep(rng.uniform(0.002, 0.010))
    x.sync()
    alive(proc)
    if sent >= next_check:
        full_screen()
        next_check += 500
took = time.monotonic() - started

# The final scripted action: out of the PIN screen if the monkey left it
# there, then a click on the first click target of the screen shown (every
# screen's buttons change something: the welcome screen's corner button
# opens the PIN screen, an option is chosen, "back" goes back); a screen
# without a target gets F10. A new frame must follow.
subprocess.run(["xdotool", "key", "Escape", "sleep", "0.6"], check=True)
with open(log, errors="replace") as f:
    last = [line for line in f if line.startswith("anketa: frame")][-1]
targets = re.findall(r"target=(\d+),(\d+),", last)
mark = lines_so_far()
if targets:
    subprocess.run(["xdotool", "mousemove", targets[0][0], targets[0][1], "mousedown", "1",
                    "mouseup", "1"], check=True)
else:
    subprocess.run(["xdotool", "key", "F10"], check=True)
wait_frame(r"^anketa: frame", mark)
full_screen()
frames = sum(1 for line in open(log, errors="replace") if line.startswith("anketa: frame"))
proc.send_signal(signal.SIGTERM)
try:
    status = proc.wait(timeout=10)
except subprocess.TimeoutExpired:
    fail("the kiosk did not stop on SIGTERM")
if status != 0:
    fail("the kiosk stopped with status %d" % status)
print("monkey: %d events in %.0f s, %d frames, alive and full screen throughout, answered the "
      "final click (seed %d)" % (sent, took, frames, seed))
