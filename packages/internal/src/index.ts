export * from './errors.js';
export * from './descriptor.js';
export * from './native.js';
export * from './peer.js';
export { platformName, type PlatformName } from './platform.js';
