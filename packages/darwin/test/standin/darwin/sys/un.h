/* Stand-in of macOS's <sys/un.h> (the !_POSIX_C_SOURCE part): SOL_LOCAL and its LOCAL_PEER* options. */
#ifndef UC_STANDIN_SYS_UN_H
#define UC_STANDIN_SYS_UN_H
#define SOL_LOCAL       0
#define LOCAL_PEERCRED  0x001
#define LOCAL_PEERPID   0x002
#define LOCAL_PEEREPID  0x003
#define LOCAL_PEERUUID  0x004
#define LOCAL_PEEREUUID 0x005
#define LOCAL_PEERTOKEN 0x006
#endif
