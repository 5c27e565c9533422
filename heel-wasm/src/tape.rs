//! Writing a document for JavaScript in one crossing.
//!
//! A serde [`Serializer`](serde::Serializer) that writes any document as a *tape*: a list of
//! `u32` operations, the numbers as `f64` (their exact bits), and the
//! strings in one UTF-8 text (a string that comes back from the same place,
//! as field names and ids do, only once). `doc.js` (`decodeTape`) builds
//! the plain JavaScript value from the three in one pass. Compared with
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
    /// Added to a key's string index.
    pub const KEY: u32 = 8;
}

/// A document written as a tape.
#[derive(Default)]
pub struct Tape {
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
    /// # Errors
    /// For bytes, or a map key that is not a string: JSON has neither, and
    /// heel-core's documents hold neither.
    pub fn write<T: Serialize + ?Sized>(doc: &T) -> Result<Tape, Error> {
        let mut tape = Tape {
            recent: vec![Recent::default(); RECENT],
            ..Tape::default()
        };
        doc.serialize(&mut tape)?;
        Ok(tape)
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
        let units = if v.is_ascii() {
            v.len()
        } else {
            v.encode_utf16().count()
        };
        self.lengths.push(units as u32);
        index
    }

    /// Writes an object's key.
    fn key(&mut self, key: &str) {
        let index = self.intern(key);
        self.ops.push(op::KEY + index);
    }

    /// `{ variant: ... }`: opens the object and writes the key.
    fn open_variant(&mut self, variant: &str) {
        self.ops.push(op::OBJECT);
        self.key(variant);
    }
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
        self.0.key(v);
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
    use super::op::{ARRAY, END, FALSE, KEY, NULL, NUMBER, OBJECT, STRING, TRUE};

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

    fn strings(t: &Tape) -> Vec<String> {
        let units: Vec<u16> = t.text.encode_utf16().collect();
        let mut at = 0;
        t.lengths
            .iter()
            .map(|&n| {
                let s = String::from_utf16(&units[at..at + n as usize]).unwrap();
                at += n as usize;
                s
            })
            .collect()
    }

    #[test]
    fn structs_options_tuples_and_variants_are_json_values() {
        let t = Tape::write(&Doc {
            level: Level::SelfCare,
            maybe: None,
            flags: (true, false),
            unit: (),
        })
        .unwrap();
        assert_eq!(
            strings(&t),
            ["level", "self_care", "maybe", "flags", "unit"]
        );
        #[rustfmt::skip]
        let expected = [
            OBJECT,
            KEY, STRING, 1,
            KEY + 2, NULL,
            KEY + 3, ARRAY, TRUE, FALSE, END,
            KEY + 4, NULL,
            END,
        ];
        assert_eq!(t.ops, expected);
        assert!(t.numbers.is_empty());

        let t = Tape::write(&[
            Level::Scored(0.1),
            Level::Pair(1, 2),
            Level::Named { at: -3 },
        ])
        .unwrap();
        assert_eq!(strings(&t), ["scored", "pair", "named", "at"]);
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
    fn no_key_reads_as_the_end_of_an_object() {
        // Ten distinct keys: key indices run past END's value.
        let map: BTreeMap<String, u32> = (0..10).map(|i| (format!("k{i}"), i)).collect();
        let t = Tape::write(&map).unwrap();
        assert_eq!(t.ops.first(), Some(&OBJECT));
        assert_eq!(t.ops.last(), Some(&END));
        let keys: Vec<u32> = t.ops[1..t.ops.len() - 1]
            .iter()
            .copied()
            .filter(|&o| o != NUMBER)
            .collect();
        assert_eq!(keys, (0..10).map(|i| KEY + i).collect::<Vec<_>>());
    }

    #[test]
    fn a_string_from_the_same_place_is_written_once_and_lengths_count_utf16_units() {
        let fever: &'static str = "fever";
        let copy = String::from(fever);
        let t = Tape::write(&[fever, "café 🦶", fever, copy.as_str(), fever]).unwrap();
        // The copy lives elsewhere: written again, with the same text.
        assert_eq!(strings(&t), ["fever", "café 🦶", "fever"]);
        assert_eq!(t.lengths[1], 7, "é is one unit, the foot two");
        #[rustfmt::skip]
        let expected = [ARRAY, STRING, 0, STRING, 1, STRING, 0, STRING, 2, STRING, 0, END];
        assert_eq!(t.ops, expected);
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
