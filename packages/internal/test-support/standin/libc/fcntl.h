/* Stand-in libc header: the fcntl(2) commands passing.h uses, the same on every OS here. */
#ifndef UC_STANDIN_FCNTL_H
#define UC_STANDIN_FCNTL_H
#define F_GETFD 1
#define F_SETFD 2
#define FD_CLOEXEC 1
int fcntl(int fd, int command, ...);
#endif
