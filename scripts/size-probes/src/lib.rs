//! Throwaway size probes: each feature links one dependency in a real call.
#[allow(unused_imports)]
use std::io::{Cursor, Read};

#[no_mangle]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

fn input(p: *const u8, n: usize) -> &'static [u8] {
    unsafe { std::slice::from_raw_parts(p, n) }
}

#[cfg(feature = "base")]
#[no_mangle]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    input(p, n).iter().map(|b| *b as usize).sum()
}

#[cfg(feature = "calamine")]
#[no_mangle]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    use calamine::{open_workbook_from_rs, Reader, Xlsx};
    let Ok(mut wb) = open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(input(p, n))) else { return 0 };
    let names = wb.sheet_names();
    let Some(first) = names.first() else { return 0 };
    let Ok(range) = wb.worksheet_range(first) else { return 0 };
    range.rows().map(|r| r.iter().map(|c| c.to_string().len()).sum::<usize>()).sum()
}

#[cfg(any(feature = "zipxml", feature = "zipminiz", feature = "zipstored"))]
#[no_mangle]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    #[cfg(feature = "zipstored")]
    use zip8 as zip;
    #[cfg(feature = "zipminiz")]
    use zipm as zip;
    #[cfg(feature = "zipstored")]
    use quick_xml41 as quick_xml;
    let Ok(mut ar) = zip::ZipArchive::new(Cursor::new(input(p, n))) else { return 0 };
    let mut total = 0;
    for name in ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
        let mut s = String::new();
        let Ok(mut f) = ar.by_name(name) else { continue };
        if f.read_to_string(&mut s).is_err() { continue }
        let mut r = quick_xml::Reader::from_str(&s);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                Ok(quick_xml::events::Event::Text(t)) => total += t.decode().map(|c| c.len()).unwrap_or(0),
                Ok(quick_xml::events::Event::Start(e)) => total += e.attributes().count(),
                _ => {}
            }
        }
    }
    total
}

#[cfg(any(feature = "pinyin_plain", feature = "pinyin_het"))]
#[no_mangle]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    let s = std::str::from_utf8(input(p, n)).unwrap_or("");
    #[cfg(feature = "pinyin_het")]
    { use pinyin::ToPinyinMulti; s.to_pinyin_multi().flatten().map(|m| m.into_iter().map(|x| x.plain().len()).sum::<usize>()).sum() }
    #[cfg(not(feature = "pinyin_het"))]
    { use pinyin::ToPinyin; s.to_pinyin().flatten().map(|x| x.plain().len() + x.first_letter().len()).sum() }
}

#[cfg(feature = "gbk")]
#[no_mangle]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    let (s, _, _) = encoding_rs::GBK.decode(input(p, n));
    s.len()
}

#[cfg(feature = "nfkc")]
#[no_mangle]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    use unicode_normalization::UnicodeNormalization;
    std::str::from_utf8(input(p, n)).unwrap_or("").nfkc().count()
}
