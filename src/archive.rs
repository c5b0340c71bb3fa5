//! ZIP archives as OOXML packages (.docx) use them: local headers, the central directory and the
//! CRC-32 of each part. Compression itself is not done here: the browser's
//! `CompressionStream('deflate-raw')` deflates the parts at no wasm cost, and this module only lays
//! out the bytes it is given, so that the layout is tested natively.

/// One file of a package before compression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Path inside the archive, with `/` separators (`word/document.xml`).
    pub name: String,
    pub data: Vec<u8>,
}

impl Part {
    pub fn new(name: impl Into<String>, data: impl Into<Vec<u8>>) -> Part {
        Part {
            name: name.into(),
            data: data.into(),
        }
    }
}

/// How an entry's bytes are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// As they are (method 0).
    Stored,
    /// Raw DEFLATE (RFC 1951, method 8), as `CompressionStream('deflate-raw')` writes it.
    Deflated,
}

/// One entry as it is written: the name, the CRC-32 and size of the original bytes, and the bytes
/// stored in the archive (deflated or not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub name: &'a str,
    pub method: Method,
    pub crc32: u32,
    /// Size of the original (uncompressed) bytes.
    pub size: u64,
    /// The bytes written to the archive.
    pub data: &'a [u8],
}

impl<'a> Entry<'a> {
    /// The part, stored uncompressed.
    pub fn stored(part: &'a Part) -> Entry<'a> {
        Entry {
            name: &part.name,
            method: Method::Stored,
            crc32: crc32(&part.data),
            size: part.data.len() as u64,
            data: &part.data,
        }
    }

    /// The part with its raw-DEFLATE form, or stored when deflating did not make it smaller (as
    /// every ZIP writer does for tiny or incompressible parts).
    pub fn best(part: &'a Part, deflated: &'a [u8]) -> Entry<'a> {
        if deflated.len() < part.data.len() {
            Entry {
                name: &part.name,
                method: Method::Deflated,
                crc32: crc32(&part.data),
                size: part.data.len() as u64,
                data: deflated,
            }
        } else {
            Entry::stored(part)
        }
    }
}

/// Why an archive could not be written. The plain ZIP format (no ZIP64) limits sizes and counts;
/// a report is far below these limits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    #[error("more than 65535 entries")]
    TooManyEntries,
    #[error("entry {0:?}: larger than 4 GiB")]
    TooLarge(String),
    #[error("entry {0:?}: the name is empty, longer than 65535 bytes, or not a relative path")]
    BadName(String),
}

/// The CRC-32 (IEEE) of `data`, as ZIP records it.
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// “Version needed to extract”: 2.0 (DEFLATE).
const VERSION_NEEDED: u16 = 20;
/// “Version made by”: MS-DOS attributes, spec 2.0, as Word writes it.
const VERSION_MADE_BY: u16 = 20;
/// General purpose flag bit 11: names are UTF-8.
const FLAG_UTF8: u16 = 1 << 11;
/// DOS date of 1980-01-01 and time 00:00: fixed, so that the same document gives the same bytes
/// (the document's own dates are in docProps/core.xml).
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

/// Writes the entries, in order, as a ZIP archive.
pub fn write(entries: &[Entry]) -> Result<Vec<u8>, ArchiveError> {
    let count = u16::try_from(entries.len()).map_err(|_| ArchiveError::TooManyEntries)?;
    let mut out = Vec::with_capacity(
        entries
            .iter()
            .map(|e| e.data.len() + 2 * e.name.len() + 80)
            .sum::<usize>()
            + 22,
    );
    let mut central = Vec::new();
    for entry in entries {
        let name = entry.name.as_bytes();
        let bad_name = name.is_empty()
            || name.len() > usize::from(u16::MAX)
            || entry.name.starts_with('/')
            || entry.name.contains('\\');
        if bad_name {
            return Err(ArchiveError::BadName(entry.name.to_string()));
        }
        let too_large = || ArchiveError::TooLarge(entry.name.to_string());
        let size = u32::try_from(entry.size).map_err(|_| too_large())?;
        let stored_size = u32::try_from(entry.data.len()).map_err(|_| too_large())?;
        let offset = u32::try_from(out.len()).map_err(|_| too_large())?;
        let flags = if entry.name.is_ascii() { 0 } else { FLAG_UTF8 };
        let method: u16 = match entry.method {
            Method::Stored => 0,
            Method::Deflated => 8,
        };
        let name_len = name.len() as u16;

        put32(&mut out, LOCAL_HEADER);
        put16(&mut out, VERSION_NEEDED);
        put16(&mut out, flags);
        put16(&mut out, method);
        put16(&mut out, DOS_TIME);
        put16(&mut out, DOS_DATE);
        put32(&mut out, entry.crc32);
        put32(&mut out, stored_size);
        put32(&mut out, size);
        put16(&mut out, name_len);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name);
        out.extend_from_slice(entry.data);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, VERSION_MADE_BY);
        put16(&mut central, VERSION_NEEDED);
        put16(&mut central, flags);
        put16(&mut central, method);
        put16(&mut central, DOS_TIME);
        put16(&mut central, DOS_DATE);
        put32(&mut central, entry.crc32);
        put32(&mut central, stored_size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra field length
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number start
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let directory_offset =
        u32::try_from(out.len()).map_err(|_| ArchiveError::TooLarge("central directory".into()))?;
    let directory_size = u32::try_from(central.len())
        .map_err(|_| ArchiveError::TooLarge("central directory".into()))?;
    out.extend_from_slice(&central);
    put32(&mut out, END_OF_CENTRAL_DIRECTORY);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_size);
    put32(&mut out, directory_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

/// Writes every part uncompressed: the package as it is when the browser cannot deflate.
pub fn write_stored(parts: &[Part]) -> Result<Vec<u8>, ArchiveError> {
    let entries: Vec<Entry> = parts.iter().map(Entry::stored).collect();
    write(&entries)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_empty_archive_is_just_the_end_record() {
        let bytes = write(&[]).unwrap();
        assert_eq!(bytes.len(), 22);
        assert_eq!(&bytes[..4], &[0x50, 0x4b, 0x05, 0x06]);
    }

    #[test]
    fn layout_of_one_stored_entry() {
        let part = Part::new("a.txt", b"hello".to_vec());
        let bytes = write(&[Entry::stored(&part)]).unwrap();
        // Local header (30) + name (5) + data (5), central header (46) + name (5), end (22).
        assert_eq!(bytes.len(), 30 + 5 + 5 + 46 + 5 + 22);
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        assert_eq!(
            u16::from_le_bytes([bytes[8], bytes[9]]),
            0,
            "method: stored"
        );
        let crc = u32::from_le_bytes(bytes[14..18].try_into().unwrap());
        assert_eq!(crc, crc32(b"hello"));
        assert_eq!(&bytes[30..35], b"a.txt");
        assert_eq!(&bytes[35..40], b"hello");
        assert_eq!(&bytes[40..44], b"PK\x01\x02");
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 1, "entry count");
        assert_eq!(
            u32::from_le_bytes(end[16..20].try_into().unwrap()),
            40,
            "directory offset"
        );
    }

    #[test]
    fn a_deflated_form_that_is_not_smaller_is_stored() {
        let part = Part::new("tiny.xml", b"<a/>".to_vec());
        let not_smaller = [1u8, 2, 3, 4, 5];
        let entry = Entry::best(&part, &not_smaller);
        assert_eq!(entry.method, Method::Stored);
        assert_eq!(entry.data, b"<a/>");
        let smaller = [1u8, 2];
        let entry = Entry::best(&part, &smaller);
        assert_eq!(entry.method, Method::Deflated);
        assert_eq!(entry.size, 4);
        assert_eq!(
            entry.crc32,
            crc32(b"<a/>"),
            "the CRC is of the original bytes"
        );
    }

    #[test]
    fn non_ascii_names_are_flagged_utf8() {
        let part = Part::new("报告.txt", b"x".to_vec());
        let bytes = write(&[Entry::stored(&part)]).unwrap();
        assert_eq!(u16::from_le_bytes([bytes[6], bytes[7]]), FLAG_UTF8);
    }

    #[test]
    fn bad_names_are_refused() {
        for name in ["", "/etc/passwd", "a\\b"] {
            let part = Part::new(name, b"x".to_vec());
            assert_eq!(
                write(&[Entry::stored(&part)]),
                Err(ArchiveError::BadName(name.to_string()))
            );
        }
    }

    #[test]
    fn the_same_parts_give_the_same_bytes() {
        let parts = [
            Part::new("a", b"1".to_vec()),
            Part::new("b/c", b"2".to_vec()),
        ];
        assert_eq!(write_stored(&parts), write_stored(&parts));
    }
}
