/*
 * The illumos kernel's control messages on AF_UNIX sockets, for c/fake_passing.c (illumos/illumos-gate):
 * - sockfs turns every control message a sender writes, but SCM_RIGHTS, into a TPI option unchanged
 *   (usr/src/uts/common/fs/sockfs/socksubr.c so_cmsg2opt) and every option back into a control message on receipt
 *   (so_opt2cmsg), in order;
 * - tl passes those options through on streams and datagrams alike (usr/src/uts/common/io/tl.c, its header
 *   comment, tl_data, tl_unitdata);
 * - on a datagram socket with SO_RECVUCRED on (TL_SOCKUCRED, which tl_set_opt refuses on streams), tl_unitdata
 *   appends the sender's ucred_t (tl_fill_option, cred2ucred in usr/src/uts/common/os/cred.c) AFTER the sender's
 *   own options: the last SCM_UCRED is the kernel's.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <string.h>

#include "fake_kernel.h"
#include "fake_ucred.h"

size_t uc_fake_kernel_deliver(const uc_fake_message *m, uc_fake_cmsg *out, size_t max, unsigned char *scratch, size_t room) {
  size_t count = 0;
  for (size_t i = 0; i < sizeof m->sent / sizeof m->sent[0] && m->sent[i].len != 0 && count < max; i++) out[count++] = m->sent[i];
  if (m->receiver_option == SO_RECVUCRED && uc_fake_datagram() && count < max) {
    const uc_fake_sender *s = m->sender;
    fake_peer peer = {0, s->pid, s->ruid, s->euid, s->euid, s->rgid, s->egid, s->egid, s->ngroups, s->groups};
    size_t len = fake_ucred_write(&peer, NULL);
    if (len > room) return count;
    fake_ucred_write(&peer, scratch);
    out[count++] = (uc_fake_cmsg){SOL_SOCKET, SCM_UCRED, scratch, len};
  }
  return count;
}

/* tl_get_opt: SO_RECVUCRED answers whether TL_SOCKUCRED is set. */
int uc_fake_kernel_option(int level, int name, int *value) {
  const uc_fake_message *m = uc_current->message;
  if (m == NULL || m->sender == NULL || level != SOL_SOCKET || name != SO_RECVUCRED) return 0;
  *value = m->receiver_option == SO_RECVUCRED;
  return 1;
}
