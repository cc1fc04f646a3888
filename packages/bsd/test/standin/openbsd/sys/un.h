/* Stand-in of OpenBSD's <sys/un.h>: it has no LOCAL_* options (only struct sockaddr_un, which no file here uses). */
#ifndef UC_STANDIN_SYS_UN_H
#define UC_STANDIN_SYS_UN_H
#endif
