/**
 * How a worker sends a report back: as two typed arrays and an array of strings instead of a graph
 * of objects. Structured cloning rebuilds a report's ~3,000 objects one property at a time, looking
 * up each key as it goes; here each distinct object shape (its keys, in order) is sent once, and the
 * receiving thread makes every object of that shape with one object literal compiled for it, so the
 * objects come out with the same keys, in the same order, as the sender's. The sender reads each
 * shape's values with a function compiled for it too, kept for the thread's later reports. Strings
 * travel as they are, each its own (so a string kept from a report keeps nothing else alive).
 *
 * Per 25 corpus reports: structured cloning 25–37 ms to serialise and 58–77 ms to deserialise;
 * packing and sending 25–37 ms, receiving and unpacking 13–18 ms.
 *
 * Only trees of plain data are packed: null, undefined, booleans, numbers, strings, arrays and
 * objects whose prototype is Object.prototype, nested at most MAX_DEPTH deep (so a cycle is refused
 * too), in at most MAX_OPS ops. Anything else makes `pack` return null, and the caller sends the
 * value as it is, by structured cloning. An object reached twice (a report has none) arrives as two
 * copies; an array goes as its elements only: named properties set on an array are not sent.
 */

const NULL = 0;
const UNDEFINED = 1;
const FALSE = 2;
const TRUE = 3;
/** an int32, in the next op */
const INT = 4;
/** the next number of `nums` */
const FLOAT = 5;
/** the next string of `strings` */
const STRING = 6;
/** an array of `length` (next op) values, which follow */
const ARRAY = 7;
/** an object of shape `id` (next op); its values follow, in the order of its keys */
const OBJECT = 8;
/** a new shape: key count (the keys are the next strings), then its id; its values follow */
const SHAPE = 9;

/** Deepest nesting packed: reports nest about 10 deep; a cycle would nest without end. */
export const MAX_DEPTH = 256;
/** Most ops in one packed value (128 MB): a report of the largest input allowed takes a tenth of that. */
export const MAX_OPS = 2 ** 25;

export interface Packed {
  ops: Int32Array;
  nums: Float64Array;
  strings: string[];
}

/** A node of the trie of key sequences this thread has packed: a shape where `keys` is set. */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  keys: string[] | null;
  /** puts an object's values in key order: compiled for the shape, so each key is a named load */
  values: ((o: Record<string, unknown>, put: (v: unknown) => void) => void) | null;
  /** the pack() call that last sent this shape, and the id it has there */
  sentIn: number;
  id: number;
}

const newNode = (): ShapeNode => ({ next: new Map(), keys: null, values: null, sentIn: 0, id: -1 });

/** The shapes seen so far (kept across calls: a report's ~20 shapes recur in every report). */
let shapes = newNode();
let shapeCount = 0;
/** More distinct shapes than reports have: the trie is started afresh rather than grown without end. */
const MAX_SHAPES = 4096;
let packCalls = 0;

/** A function that puts an object's values in the order of `keys`. */
function valuesOf(keys: string[]): NonNullable<ShapeNode['values']> {
  try {
    return new Function('o', 'put', keys.map((k) => `put(o[${JSON.stringify(k)}]);`).join('\n')) as NonNullable<ShapeNode['values']>;
  } catch {
    // no code generation (--disallow-code-generation-from-strings)
    return (o, put) => {
      for (const k of keys) put(o[k]);
    };
  }
}

/** Thrown inside pack when the value cannot be packed; pack then returns null. */
class CannotPack extends Error {}

/**
 * The value in packed form, or null when it is not a tree of plain data (see above). The typed arrays
 * own their buffers: they can be transferred.
 */
export function pack(value: unknown): Packed | null {
  // an enumerable property on Object.prototype would show up in every object's for…in below
  for (const _ in Object.prototype) return null;
  let ops = new Int32Array(4096);
  let n = 0;
  let nums = new Float64Array(256);
  let nf = 0;
  const strings: string[] = [];
  let depth = 0;
  const call = ++packCalls;
  let nShapes = 0;
  if (shapeCount > MAX_SHAPES) {
    shapes = newNode();
    shapeCount = 0;
  }

  const op = (x: number): void => {
    if (n === ops.length) {
      if (n >= MAX_OPS) throw new CannotPack();
      const grown = new Int32Array(n * 2);
      grown.set(ops);
      ops = grown;
    }
    ops[n++] = x;
  };

  const put = (v: unknown): void => {
    if (v === null) return op(NULL);
    switch (typeof v) {
      case 'undefined':
        return op(UNDEFINED);
      case 'boolean':
        return op(v ? TRUE : FALSE);
      case 'number':
        if ((v | 0) === v && !Object.is(v, -0)) {
          op(INT);
          return op(v);
        }
        if (nf === nums.length) {
          const grown = new Float64Array(nf * 2);
          grown.set(nums);
          nums = grown;
        }
        nums[nf++] = v;
        return op(FLOAT);
      case 'string':
        op(STRING);
        strings.push(v);
        return;
      case 'object': {
        if (++depth > MAX_DEPTH) throw new CannotPack();
        if (Array.isArray(v)) {
          // the length as it is now, whatever a getter among the elements does to it
          const length = v.length;
          op(ARRAY);
          op(length);
          for (let i = 0; i < length; i++) {
            if (!(i in v)) throw new CannotPack();
            put(v[i]);
          }
          depth--;
          return;
        }
        if (Object.getPrototypeOf(v) !== Object.prototype) throw new CannotPack();
        const o = v as Record<string, unknown>;
        // the shape: a walk down a trie of keys, so a shape seen before costs no string building
        let node = shapes;
        for (const k in o) {
          let next = node.next.get(k);
          if (next === undefined) {
            next = newNode();
            node.next.set(k, next);
          }
          node = next;
        }
        if (node.keys === null) {
          const keys = Object.keys(o);
          if (keys.includes('__proto__')) throw new CannotPack();
          node.keys = keys;
          node.values = valuesOf(keys);
          shapeCount++;
        }
        if (node.sentIn !== call) {
          node.sentIn = call;
          node.id = nShapes++;
          op(SHAPE);
          op(node.keys.length);
          for (const k of node.keys) strings.push(k);
          op(node.id);
        } else {
          op(OBJECT);
          op(node.id);
        }
        node.values!(o, put);
        depth--;
        return;
      }
    }
    throw new CannotPack();
  };

  try {
    put(value);
  } catch (err) {
    if (err instanceof CannotPack) return null;
    throw err;
  }
  return { ops: ops.slice(0, n), nums: nums.slice(0, nf), strings };
}

type Maker = () => Record<string, unknown>;

/**
 * An object maker for one shape: a literal with the shape's keys, each value read in key order
 * (object literals evaluate left to right). Where code cannot be generated
 * (--disallow-code-generation-from-strings), a loop that assigns them does the same, more slowly.
 */
function maker(keys: string[], read: () => unknown): Maker {
  try {
    const body = 'return function () { return {' + keys.map((k) => JSON.stringify(k) + ': read()').join(', ') + '}; };';
    return new Function('read', body)(read) as Maker;
  } catch {
    return () => {
      const o: Record<string, unknown> = {};
      for (const k of keys) o[k] = read();
      return o;
    };
  }
}

/** The value `pack` packed. */
export function unpack(p: Packed): unknown {
  const { ops, nums, strings } = p;
  let i = 0;
  let f = 0;
  let s = 0;
  const makers: Maker[] = [];
  const read = (): unknown => {
    switch (ops[i++]) {
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case INT:
        return ops[i++];
      case FLOAT:
        return nums[f++];
      case STRING:
        return strings[s++];
      case ARRAY: {
        const length = ops[i++];
        const a: unknown[] = [];
        for (let k = 0; k < length; k++) a.push(read());
        return a;
      }
      case OBJECT:
        return makers[ops[i++]]();
      case SHAPE: {
        const count = ops[i++];
        const keys = strings.slice(s, s + count);
        s += count;
        const id = ops[i++];
        makers[id] = maker(keys, read);
        return makers[id]();
      }
    }
    throw new Error(`baogao: corrupt packed value (op ${ops[i - 1]} at ${i - 1})`);
  };
  return read();
}
