//! A macro for the closed sets of stable snake_case identifiers the engine uses
//! (conditions, evidence items, sources, answer options).

/// Declares a fieldless enum whose variants carry a stable snake_case id.
///
/// Each generated enum gets `ALL` (declaration order), `COUNT`, `as_str`,
/// `from_id`, `index`, `Display`, and serde impls that write and read the id.
/// Reading an unknown id fails with a message that lists what is allowed.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order (the order used in catalogs and reports).
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];
            /// How many values there are.
            pub const COUNT: usize = Self::ALL.len();

            /// The stable snake_case id used in JSON documents.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $id, )+ }
            }

            /// Looks a value up by its id; `None` when the id is unknown.
            #[must_use]
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $( $id => Some($name::$variant), )+ _ => None }
            }

            /// The position of this value in [`Self::ALL`].
            #[must_use]
            pub const fn index(self) -> usize {
                self as usize
            }

            /// Every id, in declaration order.
            pub fn ids() -> impl Iterator<Item = &'static str> + Clone {
                Self::ALL.iter().map(|v| v.as_str())
            }

            /// What kind of id this is, for error messages.
            pub(crate) const WHAT: &'static str = $what;
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_id(s).ok_or_else(|| {
                    $crate::Error::unknown_id(Self::WHAT, String::new(), s, Self::ids())
                })
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "description": concat!("A stable id (", $what, ")."),
                    "enum": [ $( $id ),+ ]
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        write!(f, "a {} id", $what)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_id(v).ok_or_else(|| {
                            E::custom($crate::error::unknown_id_message($what, v, $name::ids()))
                        })
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

pub(crate) use id_enum;
