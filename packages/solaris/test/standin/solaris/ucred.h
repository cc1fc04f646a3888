/* Stand-in of illumos's <ucred.h>: the opaque ucred_t and the functions solaris.c calls. */
#ifndef UC_STANDIN_UCRED_H
#define UC_STANDIN_UCRED_H
#include <sys/types.h>

typedef struct ucred_s ucred_t;

extern void ucred_free(ucred_t *);
extern uid_t ucred_geteuid(const ucred_t *);
extern uid_t ucred_getruid(const ucred_t *);
extern uid_t ucred_getsuid(const ucred_t *);
extern gid_t ucred_getegid(const ucred_t *);
extern gid_t ucred_getrgid(const ucred_t *);
extern gid_t ucred_getsgid(const ucred_t *);
extern int ucred_getgroups(const ucred_t *, const gid_t **);
extern pid_t ucred_getpid(const ucred_t *);
extern int getpeerucred(int, ucred_t **);
extern ucred_t *ucred_get(pid_t);
#endif
