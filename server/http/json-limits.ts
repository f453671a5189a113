// A JSON body's shape checked against hard bounds before it is parsed: nesting depth, items in
// one list, keys in one object and values in all. JSON.parse builds the whole value before
// anyone can look at it, so a 28 MB `[1,1,1,…]` became 15 million array slots and a document
// nested thousands deep broke JSON.stringify later; this scan walks the bytes once, allocates
// nothing per value, and stops at the first bound crossed.

export interface JsonBounds {
  depth: number;
  itemsPerList: number;
  keysPerObject: number;
  values: number;
}

/**
 * Generous for any real request (a batch of 50 scripts of 1,000 entries with images is about
 * 250,000 values at depth 5) and small enough that JSON.parse of what passes stays cheap.
 */
export const BODY_BOUNDS: JsonBounds = {
  depth: 32,
  itemsPerList: 10_000,
  keysPerObject: 1_000,
  values: 500_000,
};

export type JsonCheck = { ok: true } | { ok: false; reason: string; syntax: boolean };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isDelimiter(byte: number): boolean {
  return isSpace(byte) || byte === COMMA || byte === CLOSE_LIST || byte === CLOSE_OBJECT;
}

/**
 * Whether `bytes` is one JSON value within `bounds`. Structure is checked (brackets, commas,
 * colons, string ends); the scalars themselves are left to JSON.parse, which sees only
 * documents this has passed.
 */
export function checkJson(bytes: Uint8Array, bounds: JsonBounds = BODY_BOUNDS): JsonCheck {
  // One frame per open container: whether it is an object, and how many members it has.
  const isObject: boolean[] = [];
  const counts: number[] = [];
  // In an object, after "{" or ",": a key comes next.
  let expectingKey = false;
  // A whole value was just read: a comma, a closing bracket or the end comes next.
  let afterValue = false;
  let values = 0;
  let i = 0;
  const n = bytes.length;
  const fail = (reason: string, syntax = false): JsonCheck => ({ ok: false, reason, syntax });

  /** The end of the string whose opening quote is at `at`, or -1. */
  const stringEnd = (at: number): number => {
    let j = at + 1;
    while (j < n && bytes[j] !== QUOTE) j += bytes[j] === BACKSLASH ? 2 : 1;
    return j < n ? j + 1 : -1;
  };
  const close = () => {
    isObject.pop();
    counts.pop();
    expectingKey = false;
    afterValue = true;
    i++;
  };

  for (;;) {
    while (isSpace(bytes[i])) i++;
    if (i >= n) break;
    const byte = bytes[i] as number;
    const top = isObject.length - 1;

    if (afterValue) {
      if (top < 0) return fail("more than one value", true);
      if (byte === COMMA) {
        afterValue = false;
        expectingKey = isObject[top] as boolean;
        i++;
      } else if (byte === (isObject[top] ? CLOSE_OBJECT : CLOSE_LIST)) close();
      else return fail("a comma or a closing bracket is missing", true);
      continue;
    }

    if (expectingKey) {
      if (byte === CLOSE_OBJECT && counts[top] === 0) {
        close();
        continue;
      }
      if (byte !== QUOTE) return fail("object keys must be strings", true);
      const members = (counts[top] as number) + 1;
      counts[top] = members;
      if (members > bounds.keysPerObject) {
        return fail(`an object in the body has more than ${bounds.keysPerObject} keys`);
      }
      i = stringEnd(i);
      if (i < 0) return fail("a string is not closed", true);
      while (isSpace(bytes[i])) i++;
      if (bytes[i] !== COLON) return fail("a colon is missing after a key", true);
      i++;
      expectingKey = false;
      continue;
    }

    // A value comes next.
    if (byte === CLOSE_LIST && top >= 0 && !isObject[top] && counts[top] === 0) {
      close();
      continue;
    }
    if (++values > bounds.values) return fail(`the body has more than ${bounds.values} values`);
    if (top >= 0 && !isObject[top]) {
      const items = (counts[top] as number) + 1;
      counts[top] = items;
      if (items > bounds.itemsPerList) {
        return fail(`a list in the body has more than ${bounds.itemsPerList} items`);
      }
    }
    if (byte === OPEN_OBJECT || byte === OPEN_LIST) {
      if (isObject.length >= bounds.depth) {
        return fail(`the body nests more than ${bounds.depth} levels deep`);
      }
      isObject.push(byte === OPEN_OBJECT);
      counts.push(0);
      expectingKey = byte === OPEN_OBJECT;
      i++;
      continue;
    }
    if (byte === QUOTE) {
      i = stringEnd(i);
      if (i < 0) return fail("a string is not closed", true);
    } else {
      const start = i;
      while (i < n && !isDelimiter(bytes[i] as number) && bytes[i] !== COLON) i++;
      if (i === start) return fail("a value is missing", true);
    }
    afterValue = true;
  }
  if (isObject.length > 0) return fail("the body ends inside a list or an object", true);
  if (!afterValue) return fail("the body is empty", true);
  return { ok: true };
}
