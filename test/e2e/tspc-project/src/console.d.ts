// The one Node global main.ts uses, so the project need not type-check all of @types/node.
declare const console: { log(...data: unknown[]): void };
