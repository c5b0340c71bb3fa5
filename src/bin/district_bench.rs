//! The district index compiled to wasm for the browser benchmark only (`node
//! benches/browser/district.mjs` builds it with `cargo build --release --target
//! wasm32-unknown-unknown --bin gongkai-district-bench` and `wasm-bindgen --target web`). Not part of
//! any delivered page: neither `delivery/config.mjs` nor any page lists or loads it.

use gongkai::district::{load_index, load_index_bytes, parse_query, DistrictIndex, Outcome};
use wasm_bindgen::prelude::*;

/// A loaded index.
#[wasm_bindgen]
pub struct Bench {
    ix: DistrictIndex,
}

fn first_primary(o: &Outcome) -> i32 {
    match o {
        Outcome::Found(f) => f.primary.schools.first().map_or(-1, |s| *s as i32),
        _ => -1,
    }
}

#[wasm_bindgen]
impl Bench {
    /// Reads `districts.json` given as a string and builds the index.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Bench, String> {
        load_index(json)
            .map(|ix| Bench { ix })
            .map_err(|e| format!("{e:?}"))
    }

    /// Reads the bytes of `districts.json` and builds the index, as the parent page does.
    pub fn from_bytes(bytes: &[u8]) -> Result<Bench, String> {
        load_index_bytes(bytes)
            .map(|ix| Bench { ix })
            .map_err(|e| format!("{e:?}"))
    }

    /// Bytes the index holds (`DistrictIndex::memory`).
    pub fn index_bytes(&self) -> usize {
        self.ix.memory().total()
    }

    pub fn rules(&self) -> usize {
        self.ix.rule_count()
    }

    /// One lookup, as the parent page makes it; returns a number so the work is not optimised away.
    pub fn search(&self, q: &str) -> i32 {
        match self.ix.search(q) {
            Outcome::Found(f) => f.primary.schools.len() as i32,
            Outcome::Choose(h) => 100 + h.len() as i32,
            Outcome::NeedNumber { candidates, .. } => 200 + candidates.len() as i32,
            Outcome::NotFound { .. } => -1,
            Outcome::Empty => -2,
        }
    }

    /// The primary school answered (or, when the parent is asked to choose or offered a close name,
    /// that of the first place offered); -1 for none.
    pub fn top1(&self, q: &str) -> i32 {
        let o = self.ix.search(q);
        let address = || parse_query(q, &self.ix.meta.region).address;
        match &o {
            Outcome::Choose(hits) => first_primary(&self.ix.resolve(hits[0], &address())),
            Outcome::NotFound { did_you_mean, .. } if !did_you_mean.is_empty() => {
                first_primary(&self.ix.resolve(did_you_mean[0], &address()))
            }
            _ => first_primary(&o),
        }
    }
}

/// The benchmark page calls the exports; there is nothing to start.
fn main() {}
