//! Which school of the workspace's list a rule means: the name as written, an alias, or a unique school
//! whose name ends with it (“古北路小学” for “上海市长宁区古北路小学”). Unresolved names are conflicts.

use std::collections::HashMap;

use super::normalize::key;
use crate::school::School;

/// Resolves school names against a school list.
pub struct SchoolResolver<'a> {
    list: &'a [School],
    by_key: HashMap<String, usize>,
    keys: Vec<Vec<String>>,
}

impl<'a> SchoolResolver<'a> {
    pub fn new(list: &'a [School]) -> Self {
        let mut by_key = HashMap::new();
        let mut keys = Vec::with_capacity(list.len());
        for (i, s) in list.iter().enumerate() {
            let mut ks = vec![key(&s.name)];
            ks.extend(s.aliases.iter().map(|a| key(a)));
            for k in &ks {
                by_key.entry(k.clone()).or_insert(i);
            }
            keys.push(ks);
        }
        SchoolResolver { list, by_key, keys }
    }

    /// The index in the list of the school a rule names, if exactly one fits.
    pub fn resolve(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(i) = self.by_key.get(&k) {
            return Some(*i);
        }
        let mut found = None;
        for (i, ks) in self.keys.iter().enumerate() {
            if ks
                .iter()
                .any(|s| s.ends_with(&k) || k.ends_with(s.as_str()))
            {
                if found.is_some_and(|f| f != i) {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    pub fn school(&self, i: usize) -> &School {
        &self.list[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::Stage;

    #[test]
    fn exact_alias_and_unique_suffix() {
        let mut list = Vec::new();
        for (name, stage) in [
            ("上海市长宁区古北路小学", Stage::Primary),
            ("新古北中学", Stage::Middle),
        ] {
            let s = School::new(&list, name, stage);
            list.push(s);
        }
        let mut alias = School::new(&list, "长春汽车经济技术开发区第一实验小学", Stage::Primary);
        alias.aliases.push("一实验".into());
        list.push(alias);
        let r = SchoolResolver::new(&list);
        assert_eq!(r.resolve("古北路小学"), Some(0));
        assert_eq!(r.resolve("新古北中学"), Some(1));
        assert_eq!(r.resolve("一实验"), Some(2));
        assert_eq!(r.resolve(" 新古北中学 "), Some(1));
        assert_eq!(r.resolve("姚连生中学"), None);
        assert_eq!(r.resolve(""), None);
        // “中学” fits two schools' endings only if both end with it: here only one does.
        assert_eq!(r.resolve("北中学"), Some(1));
        assert_eq!(r.resolve("小学"), None);
    }
}
