//! Tolerant parsing of table cells as real reports write them (reference §3): integers, negatives,
//! “增10”/“减3”, decimals with units (“1276.5534万元”), blanks.
