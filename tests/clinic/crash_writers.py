#!/usr/bin/env python3
"""Writers for tests/clinic/crash_test: THREADS threads each log COUNT morning
entries (each its own day) through daybreak servers, every entry with its
own Idempotency-Key, and send each again with the same key until it is
answered 201 or 200 (a retry already applied), or refused (4xx); one more
thread for each server reads Today over and over. They go on through whatever the test does
to PostgreSQL and the server meanwhile.

Prints one JSON object: the entries answered (date -> status), the statuses
and connection failures met on the way ("today ..." for the reader's), the
first answer of each kind, and how many answers were replays.
Usage: crash_writers.py PORT[,PORT...] THREADS COUNT DEADLINE_SECONDS PROGRESS_FILE FIRST_DAY
(writer N writes to the Nth port, round and round; one reader each port)
"""
import datetime
import http.client
import json
import os
import sys
import threading
import time

ports = [int(p) for p in sys.argv[1].split(",")]
threads, count, deadline = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
progress_file = sys.argv[5]
start = datetime.date.fromisoformat(sys.argv[6])
end_at = time.monotonic() + deadline
lock = threading.Lock()
answered = {}  # date -> final status
seen = {}  # status (or "connection") -> count
examples = {}  # status -> the first body of that status
replayed = 0


def note(kind, body=""):
    with lock:
        seen[kind] = seen.get(kind, 0) + 1
        examples.setdefault(kind, body[:300])


class Client:
    """One keep-alive connection, made again after it fails. `send` gives
    the status, the text and the response, or None when the connection
    failed (noted as `label` + "connection")."""

    def __init__(self, label, port):
        self.label = label
        self.port = port
        self.connection = None

    def send(self, method, path, body=None, headers=None):
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            self.connection.request(method, path, body, headers or {})
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as e:
            note(self.label + "connection", repr(e))
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            time.sleep(0.05)
            return None
        note(self.label + str(response.status), text)
        return response.status, response


def write(thread):
    global replayed
    client = Client("", ports[thread % len(ports)])
    for i in range(count):
        day = (start + datetime.timedelta(days=thread * count + i)).isoformat()
        body = json.dumps({"date": day, "period": "morning", "fields": {"pain": 1 + (thread + i) % 9}})
        headers = {"Content-Type": "application/json", "Idempotency-Key": f"crash-{day}"}
        while time.monotonic() < end_at:
            got = client.send("POST", "/api/entries", body, headers)
            if got is None:
                continue
            status, response = got
            if status in (200, 201):
                with lock:
                    answered[day] = status
                    if response.getheader("Idempotent-Replayed") == "true":
                        replayed += 1
                    with open(progress_file + ".new", "w") as f:
                        f.write(str(len(answered)))
                    os.replace(progress_file + ".new", progress_file)
                break
            if 400 <= status < 500:
                break  # refused: sending it again changes nothing
            time.sleep(0.05)


writing = True


def read(port):
    """Today, read over and over while the writers write."""
    client = Client("today ", port)
    while writing and time.monotonic() < end_at:
        if client.send("GET", "/api/today") is not None:
            time.sleep(0.01)


workers = [threading.Thread(target=write, args=(t,)) for t in range(threads)]
readers = [threading.Thread(target=read, args=(p,)) for p in ports]
for w in workers + readers:
    w.start()
for w in workers:
    w.join()
writing = False
for r in readers:
    r.join()
print(json.dumps({"answered": answered, "seen": seen, "examples": examples, "replayed": replayed}))
