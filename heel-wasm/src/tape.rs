//! Writing a document for JavaScript in one crossing.
//!
//! A serde [`Serializer`](serde::Serializer) that writes any document as a *tape*: a list of
//! `u32` operations, the numbers as `f64` (their exact bits), and the
//! strings in one UTF-8 text (a string that comes back from the same place,
//! as ids do, only once). Field names are not in that text: they are
//! `&'static str`, numbered once per module instance in [`Keys`], and a
//! tape carries only the names no earlier tape sent; `doc.js` keeps the same
//! list, so every call uses the same JavaScript strings as property names
//! (V8 then stores properties through its caches: fresh key strings made
//! each call cost about 40% of building a report's objects). `doc.js`
//! (`decodeTape`) builds the plain JavaScript value in one pass. Compared with
//! creating every object, string and number through its own call into
//! JavaScript, this crosses the boundary once, decodes the text once, and
//! formats and parses no number; compared with JSON text, the numbers are
//! neither written nor read as decimals.
//!
//! The values are those of serde-wasm-bindgen's JSON-compatible serializer,
//! which is to say heel-core's JSON documents: structs and maps become
//! objects (keys in order), sequences and tuples arrays, `None` and `()`
//! `null`, every integer and float a number, unit variants their name and
//! other variants `{ name: value }`.

use std::cell::Cell;
use std::fmt;

use serde::ser::{self, Serialize};

/// The operations of the tape; `doc.js` reads the same numbers.
pub mod op {
    /// `null`.
    pub const NULL: u32 = 0;
    /// `false`.
    pub const FALSE: u32 = 1;
    /// `true`.
    pub const TRUE: u32 = 2;
    /// A number: the next entry of the numbers.
    pub const NUMBER: u32 = 3;
    /// A string: the next operation is its index.
    pub const STRING: u32 = 4;
    /// An array: values until [`END`].
    pub const ARRAY: u32 = 5;
    /// An object: (key, value) pairs until [`END`], each key written as
    /// [`KEY`] plus the index of its string (so that no key reads as `END`).
    pub const OBJECT: u32 = 6;
    /// The end of an array or object.
    pub const END: u32 = 7;
    /// A map's key (not a field name): the next operation is the index of
    /// its string.
    pub const MAP_KEY: u32 = 8;
    /// Added to a field name's index in [`Keys`](super::Keys) (so that no
    /// field name reads as `END` or `MAP_KEY`).
    pub const KEY: u32 = 9;
}

/// A document written as a tape.
#[derive(Default)]
pub struct Tape {
    /// How many field names earlier tapes sent (the first indices of
    /// [`op::KEY`]); JavaScript must hold exactly these.
    pub keys_known: u32,
    /// The field names this tape adds after those, one after the other.
    pub key_text: String,
    /// The length of each name in `key_text`, in UTF-16 code units.
    pub key_lengths: Vec<u32>,
    /// Every field name sent so far, by address.
    keys: Keys,
    /// The operations (see [`op`]) and string indices.
    pub ops: Vec<u32>,
    /// The numbers, in order.
    pub numbers: Vec<f64>,
    /// Every distinct string, one after the other.
    pub text: String,
    /// The length of each string in `text`, in UTF-16 code units (what
    /// JavaScript's `slice` counts).
    pub lengths: Vec<u32>,
    /// Where each string starts in `text`, in bytes.
    offsets: Vec<u32>,
    /// Strings recently written, found by address (see [`Tape::intern`]).
    recent: Vec<Recent>,
}

/// How many strings [`Tape::intern`] remembers by address.
const RECENT: usize = 512;

/// A string written to a tape: its address and length in the document, and
/// its index.
#[derive(Clone, Copy, Default)]
pub struct Recent {
    address: usize,
    len: usize,
    index: u32,
}

/// The field names sent to JavaScript so far, found by address.
///
/// A field name is a `&'static str`: memory that never changes, so its
/// address and length name its text, with no need to compare bytes. An
/// open-addressing table, grown when half full; a few hundred names exist.
#[derive(Default)]
pub struct Keys {
    /// Power-of-two many slots (none before the first name).
    slots: Vec<KeySlot>,
    /// How many names are numbered.
    count: u32,
}

/// One slot of [`Keys`]; `index` is `u32::MAX` in an empty one.
#[derive(Clone, Copy)]
struct KeySlot {
    address: usize,
    len: usize,
    index: u32,
}

const EMPTY: KeySlot = KeySlot {
    address: 0,
    len: 0,
    index: u32::MAX,
};

impl Keys {
    /// The slot of the name at `address` with `len` bytes: where it is, or
    /// the empty slot where it would go. The table must have a free slot.
    fn slot(&self, address: usize, len: usize) -> usize {
        let mask = self.slots.len() - 1;
        // Fibonacci hashing: the product's top bits mix every bit of the key.
        let bits = self.slots.len().trailing_zeros();
        let key = (address as u64) ^ ((len as u64) << 40);
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        loop {
            let s = self.slots[at];
            if s.index == u32::MAX || (s.address == address && s.len == len) {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The index of the name at `address` with `len` bytes, and whether it
    /// is new (numbered now).
    fn index(&mut self, address: usize, len: usize) -> (u32, bool) {
        if (self.count as usize + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(256);
            let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
            for s in old {
                if s.index != u32::MAX {
                    let at = self.slot(s.address, s.len);
                    self.slots[at] = s;
                }
            }
        }
        let at = self.slot(address, len);
        let s = self.slots[at];
        if s.index != u32::MAX {
            return (s.index, false);
        }
        let index = self.count;
        self.count += 1;
        self.slots[at] = KeySlot {
            address,
            len,
            index,
        };
        (index, true)
    }
}

thread_local! {
    /// The names JavaScript holds (a WebAssembly instance has one thread).
    static KEYS: Cell<Keys> = const {
        Cell::new(Keys {
            slots: Vec::new(),
            count: 0,
        })
    };
    /// The sizes of the last tape (operations, numbers, text bytes,
    /// strings): the next one reserves as much, instead of growing its
    /// vectors a dozen times (documents of one kind have similar sizes).
    static LAST_SIZES: Cell<[usize; 4]> = const { Cell::new([0; 4]) };
}

/// Why a value could not be written; heel-core's documents never fail.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl Tape {
    /// Writes `doc` as a tape.
    ///
    /// The field names it adds are taken as sent: call [`Tape::forget_keys`]
    /// if JavaScript did not receive them. (On an error they are forgotten
    /// here, with all earlier ones.)
    ///
    /// # Errors
    /// For bytes, or a map key that is not a string: JSON has neither, and
    /// heel-core's documents hold neither.
    pub fn write<T: Serialize + ?Sized>(doc: &T) -> Result<Tape, Error> {
        let mut tape = Tape::begin();
        doc.serialize(&mut tape)?;
        tape.finish();
        Ok(tape)
    }

    /// An empty tape that knows the names sent so far (taken out of
    /// [`KEYS`] while it is written). Not generic, so not inlined into each
    /// document type's [`Tape::write`].
    #[inline(never)]
    fn begin() -> Tape {
        let keys = KEYS.take();
        let [ops, numbers, text, strings] = LAST_SIZES.get();
        Tape {
            keys_known: keys.count,
            keys,
            ops: Vec::with_capacity(ops),
            numbers: Vec::with_capacity(numbers),
            text: String::with_capacity(text),
            lengths: Vec::with_capacity(strings),
            offsets: Vec::with_capacity(strings),
            recent: vec![Recent::default(); RECENT],
            ..Tape::default()
        }
    }

    /// Puts the names back into [`KEYS`], this tape's included, and notes
    /// its sizes.
    #[inline(never)]
    fn finish(&mut self) {
        KEYS.set(std::mem::take(&mut self.keys));
        LAST_SIZES.set([
            self.ops.len(),
            self.numbers.len(),
            self.text.len(),
            self.lengths.len(),
        ]);
    }

    /// Forgets every field name sent: the next tape sends its names again,
    /// from index 0 (for when JavaScript could not read a tape).
    pub fn forget_keys() {
        KEYS.take();
    }

    fn number(&mut self, v: f64) {
        self.ops.push(op::NUMBER);
        self.numbers.push(v);
    }

    fn string(&mut self, v: &str) {
        let index = self.intern(v);
        self.ops.extend([op::STRING, index]);
    }

    /// The index of `v` in `text`, adding it if needed.
    ///
    /// Field names, ids and labels are `&'static str` that come back many
    /// times at the same address: a small table by address (checked against
    /// the text, since a temporary string may reuse an address) finds them
    /// without hashing their bytes. A string it misses is written again,
    /// which costs bytes, not correctness.
    fn intern(&mut self, v: &str) -> u32 {
        let address = v.as_ptr() as usize;
        let slot = ((address >> 3) ^ (address >> 12) ^ v.len()) % RECENT;
        let seen = self.recent[slot];
        if seen.address == address && seen.len == v.len() {
            let start = self.offsets[seen.index as usize] as usize;
            if self.text.get(start..start + v.len()) == Some(v) {
                return seen.index;
            }
        }
        let index = self.add(v);
        self.recent[slot] = Recent {
            address,
            len: v.len(),
            index,
        };
        index
    }

    /// Adds `v` to `text` and returns its index.
    fn add(&mut self, v: &str) -> u32 {
        let index = self.lengths.len() as u32;
        self.offsets.push(self.text.len() as u32);
        self.text.push_str(v);
        self.lengths.push(utf16_len(v));
        index
    }

    /// Writes a field name (or a variant's name, as a key). Not inlined:
    /// every field of every document type calls it.
    #[inline(never)]
    fn key(&mut self, key: &'static str) {
        let (address, len) = (key.as_ptr() as usize, key.len());
        let (index, new) = self.keys.index(address, len);
        if new {
            self.key_text.push_str(key);
            self.key_lengths.push(utf16_len(key));
        }
        self.ops.push(op::KEY + index);
    }

    /// Writes a map's key.
    fn map_key(&mut self, key: &str) {
        let index = self.intern(key);
        self.ops.extend([op::MAP_KEY, index]);
    }

    /// `{ variant: ... }`: opens the object and writes the key.
    fn open_variant(&mut self, variant: &'static str) {
        self.ops.push(op::OBJECT);
        self.key(variant);
    }
}

/// The length of `v` in UTF-16 code units (what JavaScript's `slice` counts).
fn utf16_len(v: &str) -> u32 {
    let units = if v.is_ascii() {
        v.len()
    } else {
        v.encode_utf16().count()
    };
    units as u32
}

/// Writes the entries of an array or object, then its end (and, for a
/// variant, the end of the object around it).
pub struct Compound<'a> {
    tape: &'a mut Tape,
    /// Closes an extra object: the `{ variant: ... }` around it.
    variant: bool,
}

impl Compound<'_> {
    fn end(self) {
        self.tape.ops.push(op::END);
        if self.variant {
            self.tape.ops.push(op::END);
        }
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.ops.push(if v { op::TRUE } else { op::FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("bytes have no place in a JSON document".to_owned()))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.ops.push(op::END);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.ops.push(op::ARRAY);
        Ok(Compound {
            tape: self,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.ops.push(op::ARRAY);
        Ok(Compound {
            tape: self,
            variant: true,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.ops.push(op::OBJECT);
        Ok(Compound {
            tape: self,
            variant: false,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.ops.push(op::OBJECT);
        Ok(Compound {
            tape: self,
            variant: true,
        })
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(KeySerializer(self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.tape.key(key);
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

/// Writes a map key: a string, as JSON requires.
struct KeySerializer<'a>(&'a mut Tape);

/// The error for a key that is not a string.
fn key_error() -> Error {
    Error("a map key that is not a string".to_owned())
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.map_key(v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::Tape;
    use super::op::{ARRAY, END, FALSE, KEY, MAP_KEY, NULL, NUMBER, OBJECT, STRING, TRUE};

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Level {
        SelfCare,
        Scored(f64),
        Pair(u8, u8),
        Named { at: i32 },
    }

    #[derive(Serialize)]
    struct Doc {
        level: Level,
        maybe: Option<u32>,
        flags: (bool, bool),
        unit: (),
    }

    /// A struct with the given field names, each `()`.
    struct Fields(Vec<&'static str>);
    impl Serialize for Fields {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut st = s.serialize_struct("Fields", self.0.len())?;
            for &name in &self.0 {
                st.serialize_field(name, &())?;
            }
            st.end()
        }
    }

    /// Strings of `lengths` UTF-16 units each, one after the other in `text`.
    fn split(text: &str, lengths: &[u32]) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut at = 0;
        lengths
            .iter()
            .map(|&n| {
                let s = String::from_utf16(&units[at..at + n as usize]).unwrap();
                at += n as usize;
                s
            })
            .collect()
    }

    fn strings(t: &Tape) -> Vec<String> {
        split(&t.text, &t.lengths)
    }

    fn new_keys(t: &Tape) -> Vec<String> {
        split(&t.key_text, &t.key_lengths)
    }

    #[test]
    fn structs_options_tuples_and_variants_are_json_values() {
        Tape::forget_keys();
        let t = Tape::write(&Doc {
            level: Level::SelfCare,
            maybe: None,
            flags: (true, false),
            unit: (),
        })
        .unwrap();
        assert_eq!(t.keys_known, 0);
        assert_eq!(new_keys(&t), ["level", "maybe", "flags", "unit"]);
        assert_eq!(strings(&t), ["self_care"]);
        #[rustfmt::skip]
        let expected = [
            OBJECT,
            KEY, STRING, 0,
            KEY + 1, NULL,
            KEY + 2, ARRAY, TRUE, FALSE, END,
            KEY + 3, NULL,
            END,
        ];
        assert_eq!(t.ops, expected);
        assert!(t.numbers.is_empty());

        Tape::forget_keys();
        let t = Tape::write(&[
            Level::Scored(0.1),
            Level::Pair(1, 2),
            Level::Named { at: -3 },
        ])
        .unwrap();
        assert_eq!(new_keys(&t), ["scored", "pair", "named", "at"]);
        assert!(strings(&t).is_empty());
        #[rustfmt::skip]
        let expected = [
            ARRAY,
            OBJECT, KEY, NUMBER, END,
            OBJECT, KEY + 1, ARRAY, NUMBER, NUMBER, END, END,
            OBJECT, KEY + 2, OBJECT, KEY + 3, NUMBER, END, END,
            END,
        ];
        assert_eq!(t.ops, expected);
        // The exact bits of every number.
        assert_eq!(
            t.numbers.iter().map(|n| n.to_bits()).collect::<Vec<_>>(),
            [
                0.1f64.to_bits(),
                1f64.to_bits(),
                2f64.to_bits(),
                (-3f64).to_bits()
            ]
        );
    }

    #[test]
    fn field_names_are_sent_once_until_forgotten() {
        Tape::forget_keys();
        let doc = Doc {
            level: Level::Named { at: 1 },
            maybe: Some(2),
            flags: (false, true),
            unit: (),
        };
        let first = Tape::write(&doc).unwrap();
        assert_eq!(first.keys_known, 0);
        assert_eq!(
            new_keys(&first),
            ["level", "named", "at", "maybe", "flags", "unit"]
        );
        // The next tape sends no name and numbers them as before.
        let second = Tape::write(&doc).unwrap();
        assert_eq!(second.keys_known, 6);
        assert!(new_keys(&second).is_empty());
        assert_eq!(second.ops, first.ops);
        // A tape with some new names numbers them after the known ones.
        let third = Tape::write(&[Level::Scored(1.0), Level::Named { at: 2 }]).unwrap();
        assert_eq!(third.keys_known, 6);
        assert_eq!(new_keys(&third), ["scored"]);
        #[rustfmt::skip]
        let expected = [
            ARRAY,
            OBJECT, KEY + 6, NUMBER, END,
            OBJECT, KEY + 1, OBJECT, KEY + 2, NUMBER, END, END,
            END,
        ];
        assert_eq!(third.ops, expected);
        // Hundreds of names (the table grows) keep their numbers.
        let many: Vec<&'static str> = (0..700)
            .map(|i| &*Box::leak(format!("k{i}").into_boxed_str()))
            .collect();
        let t = Tape::write(&Fields(many.clone())).unwrap();
        assert_eq!(t.keys_known, 7);
        assert_eq!(t.key_lengths.len(), 700);
        let t = Tape::write(&Fields(many.iter().rev().copied().collect())).unwrap();
        assert!(t.key_lengths.is_empty());
        let read: Vec<u32> = t.ops[1..t.ops.len() - 1]
            .iter()
            .step_by(2)
            .copied()
            .collect();
        assert_eq!(
            read,
            (0..700).rev().map(|i| KEY + 7 + i).collect::<Vec<_>>()
        );
        // Forgotten: sent again from 0.
        Tape::forget_keys();
        let t = Tape::write(&doc).unwrap();
        assert_eq!(t.keys_known, 0);
        assert_eq!(t.ops, first.ops);
        assert_eq!(new_keys(&t), new_keys(&first));
    }

    #[test]
    fn map_keys_are_strings_of_the_tape() {
        // Ten distinct keys: their string indices run past END's value.
        let map: BTreeMap<String, u32> = (0..10).map(|i| (format!("k{i}"), i)).collect();
        let t = Tape::write(&map).unwrap();
        assert_eq!(t.ops.first(), Some(&OBJECT));
        assert_eq!(t.ops.last(), Some(&END));
        let expected: Vec<u32> = (0..10).flat_map(|i| [MAP_KEY, i, NUMBER]).collect();
        assert_eq!(t.ops[1..t.ops.len() - 1], expected);
        assert_eq!(strings(&t)[9], "k9");
        assert!(t.key_lengths.is_empty());
    }

    #[test]
    fn a_string_from_the_same_place_is_written_once_and_lengths_count_utf16_units() {
        let fever: &'static str = "fever";
        let copy = String::from(fever);
        // The same place three times: one string.
        let t = Tape::write(&[fever, fever, fever]).unwrap();
        assert_eq!(strings(&t), ["fever"]);
        #[rustfmt::skip]
        let expected = [ARRAY, STRING, 0, STRING, 0, STRING, 0, END];
        assert_eq!(t.ops, expected);
        // The copy lives elsewhere: written again, with the same text.
        let t = Tape::write(&[fever, copy.as_str()]).unwrap();
        assert_eq!(strings(&t), ["fever", "fever"]);
        // Mixed (whether a string is found again also depends on the slots
        // the addresses fall in): every value reads back.
        let values = [fever, "café 🦶", fever, copy.as_str(), fever];
        let t = Tape::write(&values).unwrap();
        let all = strings(&t);
        let read: Vec<&str> = t.ops[2..t.ops.len() - 1]
            .iter()
            .step_by(2)
            .map(|&i| all[i as usize].as_str())
            .collect();
        assert_eq!(read, values);
        assert_eq!(t.lengths[1], 7, "é is one unit, the foot two");
    }

    #[test]
    fn a_new_string_at_a_reused_address_is_not_taken_for_the_old_one() {
        // Each temporary String is dropped before the next is made, so the
        // allocator may hand out the same address with the same length.
        struct Temporaries;
        impl Serialize for Temporaries {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let mut seq = s.serialize_seq(Some(3))?;
                for word in ["abc", "xyz", "abc"] {
                    seq.serialize_element(&String::from(word))?;
                }
                seq.end()
            }
        }
        let t = Tape::write(&Temporaries).unwrap();
        let ids: Vec<u32> = t.ops[2..t.ops.len() - 1]
            .iter()
            .step_by(2)
            .copied()
            .collect();
        let all = strings(&t);
        let read: Vec<&str> = ids.iter().map(|&i| all[i as usize].as_str()).collect();
        assert_eq!(read, ["abc", "xyz", "abc"]);
    }

    #[test]
    fn bytes_and_non_string_keys_are_refused() {
        assert!(Tape::write(serde_bytes_like()).is_err());
        let map: BTreeMap<u32, u32> = [(1, 2)].into_iter().collect();
        assert!(Tape::write(&map).is_err());
    }

    /// A value that serializes as bytes.
    fn serde_bytes_like() -> &'static impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"x")
            }
        }
        &Bytes
    }
}
