import { capabilities } from '@unix-cred/internal';
import { platform } from '../src/index.js';
import { describeCapabilities } from '../../internal/test-support/capabilities.js';

describeCapabilities(platform, capabilities.darwin, process.platform === 'darwin');
