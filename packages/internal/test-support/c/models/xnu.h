/*
 * Model of xnu's peer queries (apple-oss-distributions/xnu). Include after macOS's <sys/un.h>.
 * Columns: connected, listening, unconnected, datagram, socketpair, peer closed, TCP (kernel_model.h).
 */
#ifndef UC_MODEL_XNU_H
#define UC_MODEL_XNU_H

#include "kernel_model.h"

/*
 * The options that need unp_conn (bsd/kern/uipc_usrreq.c uipc_ctloutput, cases LOCAL_PEERPID to LOCAL_PEERTOKEN):
 * ENOTCONN without it: a listener, an unconnected or unconnected datagram socket, and a socket whose peer closed
 * (unp_disconnect sets unp_conn = NULL). On TCP, options 2 to 6 of level 0 (IPPROTO_IP) are int IP options.
 */
#define UC_XNU_NEEDS_CONN \
  { UC_ANSWER_IDS, ENOTCONN, ENOTCONN, ENOTCONN, UC_ANSWER_IDS, ENOTCONN, UC_ANSWER_IP_INT }

static const uc_kernel_model uc_xnu = {
    "xnu",
    /* bsd/kern/uipc_socket.c sogetoptlock: the SOL_SOCKET switch has no SO_ACCEPTCONN case (default: ENOPROTOOPT). */
    .acceptconn = 0,
    /* bsd/kern/uipc_usrreq.c uipc_sockaddr: sun_noname (AF_UNIX) for an unbound socket. */
    .unbound_name_empty = 0,
    .options = {
        /*
         * uipc_ctloutput, case LOCAL_PEERCRED: unp_peercred while UNP_HAVEPC, else ENOTCONN (stream) or EINVAL.
         * UNP_HAVEPC: unp_connect sets it on both ends; unp_connect2 on both ends of a socketpair (the creator's);
         * unp_listen sets UNP_HAVEPCCACHED only; unp_disconnect keeps it. TCP: option 1 is IP_OPTIONS, none set.
         */
        {SOL_LOCAL,
         LOCAL_PEERCRED,
         {UC_ANSWER_IDS, ENOTCONN, ENOTCONN, EINVAL, UC_ANSWER_IDS, UC_ANSWER_IDS, UC_ANSWER_IP_EMPTY}},
        {SOL_LOCAL, LOCAL_PEERPID, UC_XNU_NEEDS_CONN},
        {SOL_LOCAL, LOCAL_PEEREPID, UC_XNU_NEEDS_CONN},
        {SOL_LOCAL, LOCAL_PEERUUID, UC_XNU_NEEDS_CONN},
        {SOL_LOCAL, LOCAL_PEEREUUID, UC_XNU_NEEDS_CONN},
        {SOL_LOCAL, LOCAL_PEERTOKEN, UC_XNU_NEEDS_CONN},
    }};

#endif
