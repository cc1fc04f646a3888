"""What a Python user writes with the stdlib, per operation, on a socketpair of its own.
python3 stdlib.py OPERATION ITERATIONS  ->  prints ns/op. Exit 3 when the kernel lacks the option."""
import errno
import os
import socket
import struct
import sys
import time

SO_PEERGROUPS = getattr(socket, 'SO_PEERGROUPS', 59)
SO_PEERPIDFD = getattr(socket, 'SO_PEERPIDFD', 77)
SOL = socket.SOL_SOCKET


def peer_cred(s, _):
    if s.getsockopt(SOL, socket.SO_ACCEPTCONN):
        raise SystemExit('listening')
    pid, uid, gid = struct.unpack('3i', s.getsockopt(SOL, socket.SO_PEERCRED, 12))
    return pid, uid, gid


def peer_groups(s, _):
    ids = peer_cred(s, _)
    raw = s.getsockopt(SOL, SO_PEERGROUPS, 1024)  # Python's largest buffer: 256 groups
    return ids, struct.unpack(f'{len(raw) // 4}I', raw)


def peer_pidfd(s, _):
    peer_cred(s, _)
    os.close(s.getsockopt(SOL, SO_PEERPIDFD))


def pass_credentials(a, b):
    ids = struct.pack('3i', os.getpid(), os.geteuid(), os.getegid())
    a.sendmsg([b'\0'], [(SOL, socket.SCM_CREDENTIALS, ids)])
    _, ancillary, _, _ = b.recvmsg(1, socket.CMSG_SPACE(12))
    if not ancillary or ancillary[0][1] != socket.SCM_CREDENTIALS:
        raise SystemExit('no credentials')


def pass_fds(count):
    file = os.open('/dev/null', os.O_RDONLY | os.O_CLOEXEC)
    fds = [file] * count

    def op(a, b):
        socket.send_fds(a, [b'\0'], fds)
        _, received, _, _ = socket.recv_fds(b, 1, count)
        for fd in received:
            os.close(fd)
        if len(received) != count:
            raise SystemExit('descriptors lost')
    return op


OPERATIONS = {
    'peercred': peer_cred,
    'peergroups': peer_groups,
    'peerpidfd': peer_pidfd,
    'passcred': pass_credentials,
    'passfds1': pass_fds(1),
    'passfds253': pass_fds(253),
}


def loop(op, a, b, n):
    for _ in range(n):
        op(a, b)


def main():
    op, n = OPERATIONS[sys.argv[1]], int(sys.argv[2])
    a, b = socket.socketpair()
    if op is pass_credentials:
        b.setsockopt(SOL, socket.SO_PASSCRED, 1)  # once, as a Python user would
    try:
        loop(op, a, b, n // 10 + 1)
    except OSError as error:
        if error.errno == errno.ENOPROTOOPT:
            sys.exit(3)
        raise
    start = time.perf_counter_ns()
    loop(op, a, b, n)
    print((time.perf_counter_ns() - start) / n)


main()
