/** Pure document operations and undo history for the app, the CLI and the tests. */
export * from './decisions';
export * from './document';
export * from './history';
export * from './operations';
export * from './find-replace';
export * from './alignment';
