/* Socket values every OS here kept from 4.2BSD (docs/platforms.md): included by each stand-in <sys/socket.h>. */
#ifndef UC_STANDIN_SYS_SOCKET_4_2BSD_H
#define UC_STANDIN_SYS_SOCKET_4_2BSD_H
#define SOL_SOCKET    0xffff
#define SO_ACCEPTCONN 0x0002
#define SO_TYPE       0x1008
#define AF_UNSPEC     0
#define AF_UNIX       1
#define AF_INET       2
#endif
