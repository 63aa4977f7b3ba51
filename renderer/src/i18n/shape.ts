/** The type of a second language: the same keys as the source (zh-CN), every leaf a string. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
