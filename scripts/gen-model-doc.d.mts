// Types of scripts/gen-model-doc.mjs, for tests/docs.test.ts.
/** where docs/model.md is */
export declare const MODEL_DOC: string;
/** docs/model.md as the zod schema makes it */
export declare function modelDoc(): string;
