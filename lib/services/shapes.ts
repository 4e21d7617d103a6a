/**
 * Checks of what a message carries, composed into the request and reply shapes of the message
 * protocol (messages.ts). A shape is a type guard: when it passes, the value is what it says.
 * They are this small because the content scripts run them too: zod, which checks the knowledge
 * packs in the extension's pages, would add about 6 KB gzipped to each content script (the one
 * that wakes the background has 4 KB in all).
 */
export type Shape<T> = (value: unknown) => value is T;

/** The type a shape checks for. */
export type ShapeOf<S> = S extends Shape<infer T> ? T : never;

export const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A list, whatever it holds. */
export const anyList: Shape<readonly unknown[]> = Array.isArray;

export const yesNo: Shape<boolean> = (value): value is boolean => typeof value === 'boolean';

export const number: Shape<number> = (value): value is number => typeof value === 'number';

/** Text of at most `max` characters. */
export const text =
  ({ max = Infinity }: { readonly max?: number } = {}): Shape<string> =>
  (value): value is string =>
    typeof value === 'string' && value.length <= max;

/** A whole number from `min` to `max`. */
export const integer =
  ({ min = -Infinity, max = Infinity }: { readonly min?: number; readonly max?: number }): Shape<number> =>
  (value): value is number =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** A list of at most `max` items, each of `item`'s shape. */
export const list =
  <T>(item: Shape<T>, { max = Infinity }: { readonly max?: number } = {}): Shape<readonly T[]> =>
  (value): value is readonly T[] =>
    Array.isArray(value) && value.length <= max && value.every(item);

/** Exactly `expected`. */
export const exactly =
  <const V>(expected: V): Shape<V> =>
  (value): value is V =>
    value === expected;

/** Of one shape or the other. */
export const either =
  <A, B>(first: Shape<A>, second: Shape<B>): Shape<A | B> =>
  (value): value is A | B =>
    first(value) || second(value);

export const nullOr =
  <T>(shape: Shape<T>): Shape<T | null> =>
  (value): value is T | null =>
    value === null || shape(value);

/** An object with at least these fields, each of its shape (other fields are let through unread). */
export const fields =
  <S extends Readonly<Record<string, Shape<unknown>>>>(shape: S): Shape<{ readonly [K in keyof S]: ShapeOf<S[K]> }> =>
  (value): value is { readonly [K in keyof S]: ShapeOf<S[K]> } =>
    isObject(value) && Object.entries(shape).every(([key, check]) => check((value as Record<string, unknown>)[key]));

/** `shape`, and what its fields must say of one another. */
export const where =
  <T>(shape: Shape<T>, holds: (value: T) => boolean): Shape<T> =>
  (value): value is T =>
    shape(value) && holds(value);

/**
 * A reply from Crosscheck's own code taken for a `T` once `check` passes: `check` reads only what
 * the receiver relies on (a reply from another version, or from nobody, fails it).
 */
export const trusted = <T>(check: Shape<unknown>): Shape<T> => check as Shape<T>;
