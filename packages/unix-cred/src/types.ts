export type { Capabilities, PeerCredentials, PeerPidUidGid, PeerProcess, PeerUidGid, PlatformName, ProcessCredentials, SocketLike, UnmappedIds } from '@unix-cred/internal';
export type { ReceivedCredentials, ReceivedFds } from '@unix-cred/internal';
