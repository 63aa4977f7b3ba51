// shared/ runs in Node and in the browser, so it gets neither lib's globals; these two exist in both.
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(id: unknown): void;
