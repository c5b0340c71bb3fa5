//! The ZIP layout of `src/archive.rs`, read back by an independent reader (the `zip` crate): stored
//! and deflated entries, CRCs, and the example's DOCX compressed the way the browser does it (raw
//! DEFLATE, here from flate2 standing in for `CompressionStream('deflate-raw')`).

use std::io::{Cursor, Read, Write};

use flate2::{write::DeflateEncoder, Compression};
use gongkai::archive::{self, Entry, Method, Part};
use gongkai::example::example_workspace;
use gongkai::report::{self, BuildOptions, Document};
use proptest::prelude::*;

const DATE: &str = "2025-01-20T09:30:00+08:00";

fn deflate_raw(data: &[u8]) -> Vec<u8> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).expect("deflate");
    encoder.finish().expect("deflate")
}

/// Every entry of the archive as (name, method, bytes), checking each CRC on the way.
fn read_back(bytes: &[u8]) -> Vec<(String, zip::CompressionMethod, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip archive");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            // The reader checks the CRC-32 when the entry is read to its end.
            file.read_to_end(&mut data)
                .expect("entry reads and its CRC matches");
            (
                file.name().expect("entry name").to_string(),
                file.compression(),
                data,
            )
        })
        .collect()
}

fn compressed(parts: &[Part]) -> Vec<u8> {
    let deflated: Vec<Vec<u8>> = parts.iter().map(|p| deflate_raw(&p.data)).collect();
    let entries: Vec<Entry> = parts
        .iter()
        .zip(&deflated)
        .map(|(p, d)| Entry::best(p, d))
        .collect();
    archive::write(&entries).expect("archive")
}

fn example_document() -> Document {
    let ws = example_workspace();
    report::build(
        ws.current().expect("example report"),
        &BuildOptions::default(),
    )
}

#[test]
fn stored_and_deflated_entries_read_back() {
    let parts = vec![
        Part::new("[Content_Types].xml", b"<Types/>".repeat(40)),
        Part::new(
            "word/document.xml",
            "<w:t>政务公开</w:t>".repeat(500).into_bytes(),
        ),
        Part::new("empty.xml", Vec::new()),
        Part::new("tiny", b"x".to_vec()),
    ];
    let bytes = compressed(&parts);
    let back = read_back(&bytes);
    assert_eq!(back.len(), parts.len());
    for ((name, method, data), part) in back.iter().zip(&parts) {
        assert_eq!(name, &part.name);
        assert_eq!(data, &part.data, "{name}");
        let expected = if part.data.len() > 100 {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        assert_eq!(*method, expected, "{name}");
    }
}

#[test]
fn the_example_docx_compressed_has_the_same_parts_and_is_much_smaller() {
    let doc = example_document();
    let parts = report::docx_parts(&doc, DATE).expect("parts");
    let stored = report::render_docx(&doc, DATE).expect("stored package");
    let small = compressed(&parts);

    let stored_back = read_back(&stored);
    let small_back = read_back(&small);
    let names = |v: &[(String, zip::CompressionMethod, Vec<u8>)]| {
        v.iter().map(|(n, _, _)| n.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&stored_back), names(&small_back));
    for ((name, _, a), (_, method, b)) in stored_back.iter().zip(&small_back) {
        assert_eq!(a, b, "{name} differs");
        if name == "word/document.xml" {
            assert_eq!(*method, zip::CompressionMethod::Deflated);
        }
    }
    assert!(
        names(&small_back)
            .iter()
            .any(|n| n == "[Content_Types].xml")
            && names(&small_back).iter().any(|n| n == "word/footer1.xml"),
        "{:?}",
        names(&small_back)
    );
    // The example is about 100 KB stored; deflated it is a fraction of that.
    assert!(stored.len() > 60_000, "stored: {} bytes", stored.len());
    assert!(
        small.len() * 4 < stored.len(),
        "compressed {} vs stored {}",
        small.len(),
        stored.len()
    );
}

#[test]
fn the_document_model_round_trips_through_json() {
    // The app hands the document to the DOCX module as JSON.
    let doc = example_document();
    let json = serde_json::to_string(&doc).expect("serialise");
    let back: Document = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, doc);
    assert_eq!(
        report::render_docx(&back, DATE).expect("render"),
        report::render_docx(&doc, DATE).expect("render")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any set of parts, any mix of methods: the reader gets back exactly the original bytes.
    #[test]
    fn any_parts_read_back(
        contents in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..2000), 0..8),
        repeat in 1usize..20,
    ) {
        let parts: Vec<Part> = contents
            .iter()
            .enumerate()
            .map(|(i, c)| Part::new(format!("dir/part{i}.bin"), c.repeat(repeat)))
            .collect();
        let back = read_back(&compressed(&parts));
        prop_assert_eq!(back.len(), parts.len());
        for ((name, _, data), part) in back.iter().zip(&parts) {
            prop_assert_eq!(name, &part.name);
            prop_assert_eq!(data, &part.data);
        }
        let methods: Vec<Method> = parts.iter().map(|p| Entry::best(p, &deflate_raw(&p.data)).method).collect();
        prop_assert_eq!(methods.len(), parts.len());
    }
}
