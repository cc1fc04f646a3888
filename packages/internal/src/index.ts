export * from './errors.js';
export * from './descriptor.js';
export * from './native.js';
export * from './peer.js';
export * from './passing.js';
export * from './process.js';
export * from './platform.js';
export * from './capabilities.js';
