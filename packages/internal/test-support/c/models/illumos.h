/*
 * Model of illumos's peer query, getpeerucred(3C) (illumos/illumos-gate). Oracle Solaris's source is not
 * available: nothing here is claimed for it. Columns: connected, listening, unconnected, datagram, socketpair,
 * peer closed, TCP (kernel_model.h).
 */
#ifndef UC_MODEL_ILLUMOS_H
#define UC_MODEL_ILLUMOS_H

#include "kernel_model.h"

/* getpeerucred is the _I_GETPEERCRED ioctl (usr/src/uts/common/syscall/ucredsys.c), listed under this name. */
#define UC_ILLUMOS_GETPEERUCRED 0x4950

static const uc_kernel_model uc_illumos = {
    "illumos",
    /* usr/src/uts/common/fs/sockfs/sockcommon_subr.c socket_getopt_common: SO_ACCEPTCONN answers SO_ACCEPTCONN
     * while SS_ACCEPTCONN is set. */
    .acceptconn = SO_ACCEPTCONN,
    .options = {
        /*
         * usr/src/uts/common/fs/sockfs/socktpi.c socktpi_plain_ioctl and sockcommon_subr.c, case _I_GETPEERCRED:
         * ENOTSUP without SM_CONNREQUIRED (a datagram socket), ENOTCONN without SS_ISCONNECTED (a listener, an
         * unconnected socket), else so_peercred. It answers a local TCP peer too. After the peer closed: not
         * settled by the source read (docs/platforms.md section 10); modelled as the ids kept, as every BSD does.
         */
        {UC_MODEL_LIBC_CALL,
         UC_ILLUMOS_GETPEERUCRED,
         {UC_ANSWER_IDS, ENOTCONN, ENOTCONN, ENOTSUP, UC_ANSWER_IDS, UC_ANSWER_IDS, UC_ANSWER_IDS}},
    }};

#endif
