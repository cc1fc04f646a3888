/* Stand-in of macOS's <uuid/uuid.h>: uuid_t, 16 bytes. */
#ifndef UC_STANDIN_UUID_UUID_H
#define UC_STANDIN_UUID_UUID_H
typedef unsigned char uuid_t[16];
#endif
