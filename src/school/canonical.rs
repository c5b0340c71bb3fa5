//! The canonical form of a submission's items and its content hash.
//!
//! **Canonical items** (documented in docs/data-formats.md): the items sorted by `category`, then
//! `item` (comparing UTF-8 bytes), written as one JSON array in the JSON Canonicalization Scheme
//! (RFC 8785): object keys in sorted order, no whitespace, strings with only `"` `\` and control
//! characters escaped (`\b \t \n \f \r`, others `\u00xx` in lower case), integers in plain decimal.
//! serde_json writes exactly that here, because the fields of `SubmissionItem` and `SchoolCount` are
//! declared in alphabetical order and every number is an integer below 2⁵³ (the reader refuses larger
//! counts). The order of counts, dates and channels inside an item is kept as the school wrote it.
//!
//! **Content hash**: `sha256:` followed by the lower-case hex SHA-256 of the canonical items' UTF-8
//! bytes.

use sha2::{Digest, Sha256};

use crate::model::SubmissionItem;

/// The prefix of a content hash.
pub const HASH_PREFIX: &str = "sha256:";

/// The largest count a file may hold: integers above 2⁵³ − 1 have no exact JSON canonical form.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// The canonical JSON text of `items` (see the module doc).
pub fn canonical_items(items: &[SubmissionItem]) -> String {
    let mut sorted: Vec<(&SubmissionItem, String)> = items
        .iter()
        .map(|i| (i, serde_json::to_string(i).unwrap_or_default()))
        .collect();
    // Ties (the same item twice, which the reader refuses) fall back to the text, so the order is total.
    sorted.sort_by(|(a, ta), (b, tb)| a.key().cmp(&b.key()).then_with(|| ta.cmp(tb)));
    let mut out = String::from("[");
    for (n, (_, text)) in sorted.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(text);
    }
    out.push(']');
    out
}

/// `sha256:<hex>` of the canonical items.
pub fn content_hash(items: &[SubmissionItem]) -> String {
    let digest = Sha256::digest(canonical_items(items).as_bytes());
    let mut out = String::with_capacity(HASH_PREFIX.len() + 64);
    out.push_str(HASH_PREFIX);
    for b in digest {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SchoolCount;

    fn item(category: &str, id: &str, text: &str) -> SubmissionItem {
        SubmissionItem {
            category: category.into(),
            item: id.into(),
            name: "名".into(),
            text: text.into(),
            ..SubmissionItem::default()
        }
    }

    #[test]
    fn canonical_text_is_sorted_compact_jcs() {
        let mut open_day = item(
            "policy-execution",
            "open-day",
            "每学期两次。\n\"开放\"\t\u{1}/",
        );
        open_day.counts.push(SchoolCount {
            label: "举办学校开放日".into(),
            unit: "次".into(),
            value: Some(2),
        });
        open_day.dates = vec!["2020-05-01".into()];
        open_day.channels_used = vec!["两微一端".into()];
        let awards = item("students", "student-awards", "");
        let text = canonical_items(&[awards.clone(), open_day.clone()]);
        assert_eq!(
            text,
            concat!(
                r#"[{"category":"policy-execution","channels_used":["两微一端"],"#,
                r#""counts":[{"label":"举办学校开放日","unit":"次","value":2}],"#,
                r#""dates":["2020-05-01"],"item":"open-day","name":"名","#,
                r#""text":"每学期两次。\n\"开放\"\t\u0001/"},"#,
                r#"{"category":"students","channels_used":[],"counts":[],"dates":[],"#,
                r#""item":"student-awards","name":"名","text":""}]"#
            )
        );
        assert_eq!(text, canonical_items(&[open_day, awards]), "order-free");
        assert_eq!(canonical_items(&[]), "[]");
    }

    #[test]
    fn hash_is_sha256_of_the_canonical_bytes() {
        // sha256 of the two bytes `[]`, as `printf '[]' | sha256sum` prints it.
        assert_eq!(
            content_hash(&[]),
            "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"
        );
        let a = content_hash(&[item("students", "student-awards", "甲")]);
        let b = content_hash(&[item("students", "student-awards", "乙")]);
        assert_ne!(a, b);
        assert_eq!(a.len(), HASH_PREFIX.len() + 64);
        let mut none = item("x", "y", "");
        none.counts.push(SchoolCount::default());
        let mut zero = none.clone();
        zero.counts[0].value = Some(0);
        assert_ne!(content_hash(&[none]), content_hash(&[zero]), "blank ≠ 0");
    }
}
