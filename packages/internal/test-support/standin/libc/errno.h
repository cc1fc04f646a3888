/*
 * Stand-in libc header for compiling an OS file on Linux with -nostdinc. errno is the fake kernel's;
 * the E* numbers are the OS's own, given on the command line by the test (-DENOTCONN=57 ...).
 */
#ifndef UC_STANDIN_ERRNO_H
#define UC_STANDIN_ERRNO_H
extern int uc_fake_errno;
#define errno uc_fake_errno
#endif
