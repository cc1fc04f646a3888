/* Stand-in of macOS's <mach/message.h>: only the audit token (8 unsigned ints). */
#ifndef UC_STANDIN_MACH_MESSAGE_H
#define UC_STANDIN_MACH_MESSAGE_H
typedef struct {
  unsigned int val[8];
} audit_token_t;
#endif
