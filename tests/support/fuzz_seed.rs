//! The seed of the fuzz tests' runs, shared by `district_fuzz.rs` and `school_fuzz.rs`.

use proptest::test_runner::RngSeed;

/// Fixed, so that a run that passed passes again on any machine; `GONGKAI_FUZZ_SEED=<n>` draws other
/// inputs, `GONGKAI_FUZZ_SEED=random` new ones on every run. A failure prints its input; the input
/// then becomes a named test.
pub fn seed() -> RngSeed {
    match std::env::var("GONGKAI_FUZZ_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(n) => RngSeed::Fixed(n.parse().expect("GONGKAI_FUZZ_SEED is a number or random")),
        None => RngSeed::Fixed(2026),
    }
}
