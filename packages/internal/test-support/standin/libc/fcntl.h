/*
 * Stand-in libc header: the fcntl(2) commands and flags unix_cred/passing.h and async.h use. The commands up to
 * F_SETFL and FD_CLOEXEC are the same on every OS here; F_DUPFD_CLOEXEC and O_NONBLOCK are not (each OS's
 * sys/fcntl.h: freebsd-src, DragonFlyBSD, NetBSD/src, openbsd/src, xnu, illumos-gate).
 */
#ifndef UC_STANDIN_FCNTL_H
#define UC_STANDIN_FCNTL_H
#define F_GETFD    1
#define F_SETFD    2
#define F_GETFL    3
#define F_SETFL    4
#define FD_CLOEXEC 1
#if defined(__FreeBSD__) || defined(__DragonFly__)
#define F_DUPFD_CLOEXEC 17
#elif defined(__NetBSD__)
#define F_DUPFD_CLOEXEC 12
#elif defined(__OpenBSD__)
#define F_DUPFD_CLOEXEC 10
#elif defined(__APPLE__)
#define F_DUPFD_CLOEXEC 67
#elif defined(__sun)
#define F_DUPFD_CLOEXEC 37
#endif
#ifdef __sun
#define O_NONBLOCK 0x80
#else
#define O_NONBLOCK 0x0004
#endif
int fcntl(int fd, int command, ...);
#endif
