//! Text that many figures carry (a unit or indicator id, a source key, a period's label): one
//! allocation per distinct text, a pointer per figure, read as `str`.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A shared, immutable string. Behind one pointer (not two words) so a figure stays small;
/// compares, orders and hashes as its text does.
#[derive(Clone, Default)]
pub struct SharedStr(Arc<String>);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr(Arc::new(s.to_string()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr(Arc::new(s))
    }
}

impl From<&SharedStr> for String {
    fn from(s: &SharedStr) -> Self {
        s.as_str().to_string()
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        Arc::unwrap_or_clone(s.0)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        // Texts interned together are equal exactly when they are the same allocation.
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Sorting a national file's figures compares their ids millions of times, mostly equal.
        if Arc::ptr_eq(&self.0, &other.0) {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

/// Comparisons with plain strings, both ways round.
macro_rules! eq_with {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for SharedStr {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<SharedStr> for $t {
            fn eq(&self, other: &SharedStr) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}
eq_with!(str, &str, String);

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Hands out one `SharedStr` per distinct text. Figures come in runs (a unit's, a source's), so
/// each caller's slot remembers the last text it got and skips the lookup when it repeats.
#[derive(Default)]
pub struct Interner {
    set: HashSet<SharedStr>,
    last: [Option<SharedStr>; Slot::COUNT],
}

/// Which field is asking, for the one-entry memory of `Interner`.
#[derive(Clone, Copy)]
pub enum Slot {
    Unit,
    Indicator,
    Label,
    Source,
}

impl Slot {
    pub const COUNT: usize = 4;
}

impl Interner {
    pub fn get(&mut self, slot: Slot, s: &str) -> SharedStr {
        let last = &mut self.last[slot as usize];
        if let Some(hit) = last.as_ref().filter(|l| l.as_str() == s) {
            return hit.clone();
        }
        let shared = match self.set.get(s) {
            Some(known) => known.clone(),
            None => {
                let new = SharedStr::from(s);
                self.set.insert(new.clone());
                new
            }
        };
        *last = Some(shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_allocation_per_text_and_compares_as_text() {
        let mut interner = Interner::default();
        let a = interner.get(Slot::Unit, "tay-ninh");
        let b = interner.get(Slot::Source, "tay-ninh");
        let c = interner.get(Slot::Unit, "bac-kan");
        assert!(Arc::ptr_eq(&a.0, &b.0), "the same text, one allocation");
        assert_eq!(a, SharedStr::from("tay-ninh"));
        let owned = String::from("tay-ninh");
        assert_eq!(a, "tay-ninh");
        assert_eq!(owned, a);
        assert!(c < a && c != a);
        assert_eq!(format!("{a} {a:?}"), "tay-ninh \"tay-ninh\"");
        assert_eq!(
            std::mem::size_of::<Option<SharedStr>>(),
            std::mem::size_of::<usize>()
        );
        let set: HashSet<SharedStr> = [a].into();
        assert!(set.contains("tay-ninh"));
    }
}
