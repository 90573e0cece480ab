export * from './schema/index.js';
export { normalize, toOriginal, toNormalized } from './normalize/index.js';
