import { capabilities, platformName } from '@unix-cred/internal';
import { platform } from '../src/index.js';
import { describeCapabilities } from '../../internal/test-support/capabilities.js';

const os = platformName();
const bsd = os === 'freebsd' || os === 'dragonfly' || os === 'openbsd' || os === 'netbsd' ? os : undefined;
// Off a BSD the package's row is FreeBSD's.
describeCapabilities(platform, capabilities[bsd ?? 'freebsd'], bsd !== undefined);
