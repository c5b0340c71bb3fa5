//! Prints how one 服务区域 text is read, fragment by fragment: `cargo run --example area_probe -- '<text>'`.
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--canon") {
        args.remove(0);
        for text in args {
            let p = gongkai::district::area::parse_area_unchecked_for_probe(&text);
            for r in &p.rules {
                let printed = gongkai::district::print_area(std::slice::from_ref(r));
                let back = gongkai::district::area::parse_area_unchecked_for_probe(&printed);
                println!(
                    "{text}\n  print: {printed}\n  rule: {:?}\n  back: {:?}",
                    r, back.rules
                );
            }
        }
        return;
    }
    for text in args {
        println!("== {text}");
        for f in gongkai::district::parse_fragments(&text) {
            println!("  [{:?}] @{} {} {:?}", f.state, f.start, f.text, f.error);
            for r in &f.rules {
                println!(
                    "      → {:?} <{}> {} {} part={} note={} aliases={:?} except={:?}",
                    r.kind,
                    r.town,
                    r.name,
                    gongkai::district::print_numbers(&r.numbers),
                    r.part,
                    r.note,
                    r.aliases,
                    r.except
                );
            }
        }
    }
}
