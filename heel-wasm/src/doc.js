// The fast way in for a document given as a JavaScript value (see doc.rs).
//
// Most callers pass plain data: objects and arrays of strings, numbers,
// booleans and null. For those, writing the JSON text here and letting
// heel-core read the text is several times faster than reading the value
// field by field across the WebAssembly boundary, and heel-core reads the
// same document either way. Anything else (undefined, NaN, -0, a BigInt, a
// lone surrogate, a Date, Map or class instance, a hole in an array, a
// document beyond heel-core's limits, or a getter or proxy that throws)
// returns undefined, and the binding reads the value the general way, which
// knows how to report each of these. So does a host without
// String.prototype.isWellFormed (browsers before 2023): every call then
// takes the general path, correct but slower.

/**
 * The JSON text of `value` if it is plain data within the limits, else
 * `undefined`. Never throws.
 *
 * @param {unknown} value
 * @param {number} maxDepth heel-core's `MAX_DEPTH`
 * @param {number} maxEntries heel-core's `MAX_ENTRIES`
 * @param {number} maxValues heel-core's `MAX_VALUES`
 * @param {number} maxText heel-core's `MAX_TEXT` (bytes of UTF-8)
 * @returns {string | undefined}
 */
export function plainJsonText(value, maxDepth, maxEntries, maxValues, maxText) {
  let values = 0;
  // Any UTF-16 code unit is at most 3 bytes of UTF-8; beyond this many units
  // the text might be longer than heel-core reads, which the value path
  // reports differently.
  const maxUnits = Math.floor(maxText / 3);
  let units = 0;
  const parts = [];

  function write(v, depth) {
    values += 1;
    if (values > maxValues || depth > maxDepth) return false;
    switch (typeof v) {
      case "string":
        if (!v.isWellFormed()) return false;
        units += v.length + 2;
        parts.push(JSON.stringify(v));
        return true;
      case "number":
        if (!Number.isFinite(v) || Object.is(v, -0)) return false;
        parts.push(String(v));
        units += 24;
        return true;
      case "boolean":
        parts.push(v ? "true" : "false");
        units += 5;
        return true;
      case "object":
        break;
      default:
        return false;
    }
    if (v === null) {
      parts.push("null");
      units += 4;
      return true;
    }
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype || v.length > maxEntries) return false;
      parts.push("[");
      for (let i = 0; i < v.length; i += 1) {
        if (i > 0) parts.push(",");
        const item = v[i];
        if (item === undefined || !write(item, depth + 1)) return false;
      }
      parts.push("]");
      units += v.length + 2;
      return true;
    }
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Object.keys(v);
    if (keys.length > maxEntries) return false;
    parts.push("{");
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      if (!key.isWellFormed()) return false;
      const item = v[key];
      if (item === undefined) return false;
      parts.push(i > 0 ? "," : "", JSON.stringify(key), ":");
      units += key.length + 4;
      if (!write(item, depth + 1)) return false;
    }
    parts.push("}");
    units += 2;
    return true;
  }

  try {
    if (!write(value, 0) || units > maxUnits) return undefined;
    return parts.join("");
  } catch {
    return undefined;
  }
}

// The operations of a tape (tape.rs, `op`).
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;
const END = 7;
const MAP_KEY = 8; // a map's key: the next operation is its string's index
const KEY = 9; // added to a field name's index in `keys`

// Every field name the module's tapes have sent, in their order (tape.rs,
// `Keys`): each is made once, so every report uses the same strings as
// property names, which V8 looks up much faster than new strings.
const keys = [];

/**
 * Builds the plain value a tape describes (see tape.rs): `ops` the
 * operations, `numbers` the numbers in order, `text` every distinct string
 * one after the other, `lengths` their lengths in UTF-16 code units;
 * `keysKnown` the number of field names earlier tapes sent, and `keyText`
 * and `keyLengths` the names this one adds. The arrays may be views of the
 * WebAssembly memory: they are read here and not kept.
 *
 * @param {Uint32Array} ops
 * @param {Float64Array} numbers
 * @param {string} text
 * @param {Uint32Array} lengths
 * @param {number} keysKnown
 * @param {string} keyText
 * @param {Uint32Array} keyLengths
 * @returns {unknown}
 */
export function decodeTape(ops, numbers, text, lengths, keysKnown, keyText, keyLengths) {
  // Names beyond `keysKnown` were sent by a tape whose reading failed.
  if (keys.length < keysKnown) {
    throw new Error(`heel: a tape names ${keysKnown} known field names, and ${keys.length} were received`);
  }
  keys.length = keysKnown;
  for (let i = 0, at = 0; i < keyLengths.length; i += 1) {
    const key = keyText.slice(at, at + keyLengths[i]);
    // Field names are set as plain properties below, which for this one
    // would set the prototype instead.
    if (key === "__proto__") throw new Error("heel: a field named __proto__");
    keys.push(key);
    at += keyLengths[i];
  }
  const strings = new Array(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; i += 1) {
    strings[i] = text.slice(at, at + lengths[i]);
    at += lengths[i];
  }
  let o = 0;
  let n = 0;

  function read() {
    switch (ops[o++]) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return numbers[n++];
      case STRING:
        return strings[ops[o++]];
      case ARRAY: {
        const array = [];
        while (ops[o] !== END) array.push(read());
        o += 1;
        return array;
      }
      case OBJECT: {
        const object = {};
        for (let op = ops[o++]; op !== END; op = ops[o++]) {
          if (op >= KEY) {
            // A field name (never "__proto__": see above).
            object[keys[op - KEY]] = read();
            continue;
          }
          const key = strings[ops[o++]];
          const value = read();
          // An own property even for "__proto__", as JSON.parse makes it.
          if (key === "__proto__") {
            Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
          } else {
            object[key] = value;
          }
        }
        return object;
      }
      default:
        throw new Error(`heel: a tape operation ${ops[o - 1]} that does not exist`);
    }
  }

  return read();
}
