/*
 * Models of the BSD kernels' peer queries. Include after the OS's <sys/socket.h> and <sys/un.h>; the models of
 * the OS being compiled are defined (__FreeBSD__, __DragonFly__, __OpenBSD__, __NetBSD__).
 * Columns: connected, listening, unconnected, datagram, socketpair, peer closed, TCP (kernel_model.h).
 */
#ifndef UC_MODEL_BSD_H
#define UC_MODEL_BSD_H

#include "kernel_model.h"

#if defined(__FreeBSD__) || defined(__DragonFly__)
/*
 * uipc_ctloutput, case LOCAL_PEERCRED (freebsd/freebsd-src and DragonFlyBSD/DragonFlyBSD sys/kern/uipc_usrreq.c):
 * unp_peercred while UNP_HAVEPC, else ENOTCONN (stream) or EINVAL. unp_connect sets UNP_HAVEPC on both ends,
 * unp_listen only UNP_HAVEPCCACHED, unp_disconnect keeps it. TCP: level 0 option 1 is IP_OPTIONS, none set.
 * A socketpair: FreeBSD 12+ gives the creator's (docs/platforms.md section 10); DragonFly's unp_connect2 (and,
 * in later versions, unp_connect_pair) sets no UNP_HAVEPC, so ENOTCONN.
 */
#define UC_XUCRED_ANSWERS(socketpair) \
  { UC_ANSWER_IDS, ENOTCONN, ENOTCONN, EINVAL, socketpair, UC_ANSWER_IDS, UC_ANSWER_IP_EMPTY }
#endif

#ifdef __FreeBSD__
static const uc_kernel_model uc_freebsd = {
    "FreeBSD",
    /* sys/kern/uipc_socket.c sogetopt: SO_ACCEPTCONN answers so_options & SO_ACCEPTCONN. */
    .acceptconn = SO_ACCEPTCONN,
    /* sys/kern/uipc_usrreq.c uipc_sockaddr: sun_noname (AF_LOCAL) for an unbound socket. */
    .unbound_name_empty = 0, .options = {{0, LOCAL_PEERCRED, UC_XUCRED_ANSWERS(UC_ANSWER_IDS)}}};
#endif

#ifdef __DragonFly__
/* sys/kern/uipc_socket.c sogetopt: no SO_ACCEPTCONN case (default: ENOPROTOOPT). */
static const uc_kernel_model uc_dragonfly_5_2 = {
    "DragonFly 5.2", .acceptconn = 0,
    /* uipc_sockaddr leaves the name NULL without unp_addr; kern_getsockname (uipc_syscalls.c) then answers length 0. */
    .unbound_name_empty = 1, .options = {{0, LOCAL_PEERCRED, UC_XUCRED_ANSWERS(ENOTCONN)}}};

/* 5.4 and later answer AF_LOCAL for an unbound socket (the commit ddec9e61ea; docs/platforms.md section 10). */
static const uc_kernel_model uc_dragonfly_5_4 = {"DragonFly 5.4", .acceptconn = 0, .unbound_name_empty = 0,
                                                 .options = {{0, LOCAL_PEERCRED, UC_XUCRED_ANSWERS(ENOTCONN)}}};
#endif

#ifdef __OpenBSD__
/*
 * sys/kern/uipc_socket.c sogetopt, case SO_PEERCRED: unp_connid while UNP_FEIDS, else ENOTCONN; another protocol
 * EOPNOTSUPP. UNP_FEIDS: unp_connect sets it on the accepted socket (the client's ids) and on the client (the
 * listener's ids from unp_bind, UNP_FEIDSBIND); uipc_connect2 on both ends of a socketpair; unp_bind sets only
 * UNP_FEIDSBIND; nothing clears it when the peer closes. A datagram socket never gets it.
 */
#define UC_SOCKPEERCRED_ANSWERS \
  { UC_ANSWER_IDS, ENOTCONN, ENOTCONN, ENOTCONN, UC_ANSWER_IDS, UC_ANSWER_IDS, EOPNOTSUPP }

/* Older sogetopt has no SO_ACCEPTCONN case (default: ENOPROTOOPT). */
static const uc_kernel_model uc_openbsd_old = {"OpenBSD (old)", .acceptconn = 0,
                                               .options = {{SOL_SOCKET, SO_PEERCRED, UC_SOCKPEERCRED_ANSWERS}}};

/* The current sogetopt answers so_options & SO_ACCEPTCONN. */
static const uc_kernel_model uc_openbsd = {"OpenBSD", .acceptconn = SO_ACCEPTCONN,
                                           .options = {{SOL_SOCKET, SO_PEERCRED, UC_SOCKPEERCRED_ANSWERS}}};
#endif

#ifdef __NetBSD__
/*
 * NetBSD/src sys/kern/uipc_usrreq.c unp_ctloutput, case LOCAL_PEEREID: unp_connid while UNP_EIDSVALID, else
 * EINVAL; unp_bind sets only UNP_EIDSBIND (sys/sys/unpcb.h); unp_connect sets UNP_EIDSVALID on the accepted socket
 * (the client's ids) and on the client (the listener's bind-time ids); unp_disconnect leaves the flags, so a closed
 * peer's ids stay. A socketpair has no ids (EINVAL). TCP: level 0 option 3 is IP_TOS, an int. SO_ACCEPTCONN was
 * not read (the library does not ask it here): modelled as present.
 */
static const uc_kernel_model uc_netbsd = {
    "NetBSD", .acceptconn = SO_ACCEPTCONN,
    .options = {{0, LOCAL_PEEREID, {UC_ANSWER_IDS, EINVAL, EINVAL, EINVAL, EINVAL, UC_ANSWER_IDS, UC_ANSWER_IP_INT}}}};
#endif

#endif
