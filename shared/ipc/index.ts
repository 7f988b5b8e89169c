/** The typed host contract and its validators. */
export * from './contract';
export { validateArgs, isHostMethod } from './validate';
