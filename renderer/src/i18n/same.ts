// A translation table with the same keys as the Chinese one (values may differ).
export type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };
