/* Stand-in of the 4.4BSD family's <sys/param.h>: only what the OS files and their headers use. */
#ifndef UC_STANDIN_SYS_PARAM_H
#define UC_STANDIN_SYS_PARAM_H
#include <sys/types.h>
/* DragonFly's and macOS's (NGROUPS_MAX): it sizes their xucred. FreeBSD's xucred uses XU_NGROUPS. */
#define NGROUPS 16
/* FreeBSD's release as its headers give it (the tests build releases 12 to 15: -D__FreeBSD__=N). */
#ifdef __FreeBSD__
#define __FreeBSD_version (__FreeBSD__ * 100000)
#endif
#endif
