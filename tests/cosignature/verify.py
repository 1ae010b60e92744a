#!/usr/bin/env python3
"""An independent check of C2SP cosignatures, written from the specifications
(c2sp.org/signed-note, c2sp.org/tlog-cosignature, c2sp.org/tlog-checkpoint), not from
Recourse's code.

    verify.py LOG_VKEY WITNESS_VKEY... < cosigned-checkpoint-note

Checks that the note is signed by the log key (Ed25519 note signature, type 0x01) and
cosigned by every witness key given (cosignature/v1, type 0x04). Prints one line per
verified cosignature, "witness <name> time <timestamp>". Exit status: 0 all verified,
1 a check failed, 77 skipped (the `cryptography` package is missing).
"""

import base64
import hashlib
import struct
import sys

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
except ImportError:
    print("SKIPPED: the Python `cryptography` package is not installed", file=sys.stderr)
    sys.exit(77)


def fail(why):
    print("FAIL: " + why, file=sys.stderr)
    sys.exit(1)


def parse_vkey(vkey, want_type):
    """name+hex(key id)+base64(type || key); checks the id against the key."""
    parts = vkey.strip().split("+", 2)
    if len(parts) != 3:
        fail("malformed vkey " + repr(vkey))
    name, key_id, data = parts
    raw = base64.b64decode(data, validate=True)
    if len(raw) != 33 or raw[0] != want_type:
        fail("vkey %r is not of type 0x%02x" % (vkey, want_type))
    computed = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if computed.hex() != key_id:
        fail("vkey %r: key id %s, computed %s" % (vkey, key_id, computed.hex()))
    return name, computed, Ed25519PublicKey.from_public_bytes(raw[1:])


def main():
    if len(sys.argv) < 3:
        fail("usage: verify.py LOG_VKEY WITNESS_VKEY... < note")
    note = sys.stdin.buffer.read().decode("utf-8")
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        fail("control characters in the note")
    # The text is separated from the signatures by the last empty line.
    cut = note.rfind("\n\n")
    if cut < 0 or not note.endswith("\n"):
        fail("not a signed note")
    text = note[: cut + 1]
    sigs = []
    for line in note[cut + 2 :].splitlines():
        if not line.startswith("\u2014 "):
            fail("bad signature line " + repr(line))
        name, b64 = line[2:].split(" ", 1)
        raw = base64.b64decode(b64, validate=True)
        sigs.append((name, raw[:4], raw[4:]))

    log_name, log_id, log_key = parse_vkey(sys.argv[1], 0x01)
    lines = text.split("\n")
    if lines[0] != log_name:
        fail("origin %r is not the log's name %r" % (lines[0], log_name))
    log_ok = False
    for name, key_id, sig in sigs:
        if name == log_name and key_id == log_id:
            try:
                log_key.verify(sig, text.encode())
            except InvalidSignature:
                fail("bad log signature")
            log_ok = True
    if not log_ok:
        fail("no log signature")

    for vkey in sys.argv[2:]:
        name, key_id, key = parse_vkey(vkey, 0x04)
        found = False
        for sname, sid, sig in sigs:
            if sname != name or sid != key_id:
                continue
            if len(sig) != 8 + 64:
                fail("cosignature by %s is %d bytes, not 72" % (name, len(sig)))
            (timestamp,) = struct.unpack(">Q", sig[:8])
            if timestamp >= 2**63:
                fail("timestamp beyond 2^63 - 1")
            message = ("cosignature/v1\ntime %d\n" % timestamp).encode() + text.encode()
            try:
                key.verify(sig[8:], message)
            except InvalidSignature:
                fail("bad cosignature by " + name)
            print("witness %s time %d" % (name, timestamp))
            found = True
        if not found:
            fail("no cosignature by " + name)


main()
