/*
 * A model of one kernel's peer queries, for the logic tests of the OS files: which options exist, and what each
 * answers in each state of the socket, as that kernel's source says (docs/platforms.md sections 2 to 4). A
 * scenario names a model and a socket state; the fake getsockopt and getsockname answer from them. Each OS's
 * models live in models/<os>.h, every answer with the repository, path and function it was read in.
 */
#ifndef UC_KERNEL_MODEL_H
#define UC_KERNEL_MODEL_H

#include <sys/types.h>
#include <sys/socket.h>

/* The state of the socket the op is given. */
typedef enum uc_socket_state {
  UC_SOCK_CONNECTED,   /* a connected stream socket */
  UC_SOCK_LISTENING,   /* listen() was called on it */
  UC_SOCK_UNCONNECTED, /* a stream socket that never connected */
  UC_SOCK_DATAGRAM,    /* a datagram socket */
  UC_SOCK_SOCKETPAIR,  /* one end of a socketpair() */
  UC_SOCK_PEER_CLOSED, /* a connected stream socket whose peer has closed */
  UC_SOCK_TCP,         /* a connected TCP socket */
  UC_SOCK_STATES
} uc_socket_state;

/* What a peer option answers in one state: an errno (> 0), or one of these. */
enum {
  UC_ANSWER_IDS = 0,       /* the peer's ids: the scenario's value of the option */
  UC_ANSWER_OWN_IDS = -1,  /* the caller's own ids (a Linux listener): any success is a wrong answer */
  UC_ANSWER_IP_INT = -2,   /* level 0 is IPPROTO_IP on an inet socket: an int IP option (IP_HDRINCL, IP_TOS ...) */
  UC_ANSWER_IP_EMPTY = -3, /* IP_OPTIONS of a socket without IP options: success, 0 bytes */
};

/* The level under which a model lists a peer query that is no socket option (illumos getpeerucred). */
#define UC_MODEL_LIBC_CALL (-1)

typedef struct uc_model_option {
  int level;
  int name;
  int answers[UC_SOCK_STATES];
} uc_model_option;

typedef struct uc_kernel_model {
  const char *name;
  /* What SO_ACCEPTCONN answers on a listener (FreeBSD: the SO_ACCEPTCONN bit); 0: no such option (ENOPROTOOPT). */
  int acceptconn;
  /* getsockname on an unbound AF_UNIX socket succeeds with length 0 (DragonFly before 5.4). */
  int unbound_name_empty;
  uc_model_option options[6];
} uc_kernel_model;

#endif
