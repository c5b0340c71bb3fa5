//! A strict XML reader for the tests: a minimal element tree, failing on anything that is not
//! well-formed (shared by the DOCX and the graphic tests).

use quick_xml::events::Event;
use quick_xml::Reader;

/// A minimal element tree; `text` is the decoded character data directly inside the element.
#[derive(Debug, Default)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn kids<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Every descendant (depth first) with this name.
    pub fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.all(name, out);
        }
    }

    pub fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut v = Vec::new();
        self.all(name, &mut v);
        v
    }

    /// The concatenated text of all `w:t` below.
    pub fn w_text(&self) -> String {
        self.find_all("w:t")
            .iter()
            .map(|t| t.text.as_str())
            .collect()
    }
}

pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Parses the whole part, failing on anything that is not well-formed: mismatched or unclosed
/// tags, duplicate attributes, bad references, characters XML does not allow, not one root.
pub fn parse(xml: &str) -> Node {
    if let Some(c) = xml.chars().find(|c| !is_xml_char(*c)) {
        panic!("character U+{:04X} is not allowed in XML", c as u32);
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart| Node {
        name: e.name().0.to_owned(),
        attrs: e
            .attributes()
            .with_checks(true)
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let v = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("attribute value unescapes");
                assert!(v.chars().all(is_xml_char));
                (a.key.0.to_owned(), v.into_owned())
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let n = open(&e);
                stack.last_mut().unwrap().children.push(n);
            }
            Event::End(_) => {
                let n = stack.pop().unwrap();
                assert!(!stack.is_empty(), "unbalanced end tag");
                stack.last_mut().unwrap().children.push(n);
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                let top = stack.last_mut().unwrap();
                if stack_depth_is_root(&top.name) {
                    assert!(s.trim().is_empty(), "text outside the root element");
                }
                top.text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("valid character reference") {
                    Some(c) => c,
                    None => match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undefined entity &{other};"),
                    },
                };
                assert!(
                    is_xml_char(c),
                    "reference to a character XML does not allow"
                );
                stack.last_mut().unwrap().text.push(c);
            }
            Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::DocType(_) => panic!("unexpected DOCTYPE"),
            Event::Eof => break,
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements at the end");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "exactly one root element");
    root.children.pop().unwrap()
}

fn stack_depth_is_root(name: &str) -> bool {
    name.is_empty()
}
