/*
 * A fake kernel for the logic tests of the OS files, which are compiled on Linux against stand-in
 * headers of their OS: getsockopt and getsockname answer what the running scenario says, either
 * directly (options, listening, family) or through a model of its kernel (kernel_model.h).
 */
#ifndef UC_FAKE_KERNEL_H
#define UC_FAKE_KERNEL_H

#include <sys/types.h>
#include <sys/socket.h>

#include "unix_cred/os.h"
#include "kernel_model.h"

/* One getsockopt answer: an errno, or `len` bytes of `value`. */
typedef struct uc_fake_option {
  int level;
  int name;
  int error;
  const void *value;
  socklen_t len;
} uc_fake_option;

/* The calling process, for the process-credentials ops (c/fake_process.c). */
typedef struct uc_fake_process {
  pid_t pid, ppid, pgid, sid;
  uid_t ruid, euid, suid;
  gid_t rgid, egid, sgid;
  int ngroups;
  const gid_t *groups;
  int grew; /* another thread adds a group right after the op first counts them */
} uc_fake_process;

/* A control message the fake recvmsg delivers. */
typedef struct uc_fake_cmsg {
  int level;
  int type;
  const void *data;
  size_t len;
} uc_fake_cmsg;

/* The process that sent a message, as its kernel holds its credentials, for an OS's kernel model. */
typedef struct uc_fake_sender {
  pid_t pid;
  uid_t ruid, euid;
  gid_t rgid, egid;
  int ngroups; /* supplementary groups */
  const gid_t *groups;
} uc_fake_sender;

/* The other end of a socket, for the fake sendmsg and recvmsg (c/fake_passing.c). */
typedef struct uc_fake_message {
  int error;             /* errno of sendmsg and recvmsg */
  size_t bytes;          /* recvmsg: the bytes that arrive (0: end of stream); sendmsg: the most it takes (0: all) */
  uc_fake_cmsg cmsgs[2]; /* control messages before the descriptors, as the kernel delivers them */
  int fds;               /* descriptors in an SCM_RIGHTS message after them, numbered from 100 */
  int fd_room;           /* descriptors the process can still open, then MSG_CTRUNC (as Linux); 0: any number */
  int record;            /* a datagram or seqpacket message: bytes beyond the buffer are discarded (MSG_TRUNC) */
  /*
   * Or a message the OS's kernel model turns into what arrives (uc_fake_kernel_deliver, in the OS's fake kernel
   * file): who sent it, the control messages it wrote, and the option (0: none) the receiver had on when it was sent.
   */
  const uc_fake_sender *sender;
  uc_fake_cmsg sent[2];
  int receiver_option;
} uc_fake_message;

typedef struct uc_scenario {
  const char *name;
  uc_op op;
  int arg;
  int error;                     /* errno of every call on the descriptor (EBADF, ENOTSOCK); 0 for a socket */
  int family;                    /* what getsockname answers (without a kernel model) */
  int listening;                 /* what SO_ACCEPTCONN answers (without a kernel model) */
  const uc_kernel_model *kernel; /* when set, the kernel's answers for a socket in state `socket` */
  uc_socket_state socket;
  int unbound;               /* the socket has no name of its own (a client, a socketpair end) */
  int fail_malloc;           /* malloc returns NULL */
  uc_fake_option options[2]; /* any other option answers ENOPROTOOPT; with a model: the peer's ids of each option */
  const void *peer;          /* state of an OS-specific fake (Solaris: the peer's ucred) */
  const uc_fake_process *process;
  const uc_fake_message *message;
  uint32_t input_word; /* words[0] before the call: a passing op's input */
  const void *input;   /* the bytes before the call */
  size_t input_len;
} uc_scenario;

/* Defined by each OS's scenario file. */
extern const uc_scenario uc_scenarios[];
extern const size_t uc_scenario_count;

/* The scenario running. */
extern const uc_scenario *uc_current;

/* What the running scenario's kernel model answers to (level, name) in its socket state (kernel_model.h). */
int uc_fake_model_answer(int level, int name);

/* Counts a call; the driver prints the counts of each scenario. */
void uc_fake_count(const char *counter);

/* Logs a call ("what value;"); the driver prints each scenario's log. */
void uc_fake_log(const char *what, long value);

/*
 * An OS's kernel model (its fake kernel file; none: the scenario's cmsgs arrive as written). Deliver writes to `out`
 * the control messages the kernel makes of m (their data in `scratch`) and returns their count. Option answers
 * getsockopt for an option the model keeps: 1, with *value, where it does.
 */
size_t uc_fake_kernel_deliver(const uc_fake_message *m, uc_fake_cmsg *out, size_t max, unsigned char *scratch, size_t room);
int uc_fake_kernel_option(int level, int name, int *value);

/* Whether the running scenario's socket is a datagram socket (its SO_TYPE answer). */
int uc_fake_datagram(void);

#endif
