//! The second-level items (二级事项) of each category with their default catalogue columns, and the
//! fixed lists those columns choose from (reference §2.2, §2.4).

use crate::model::{Audience, DisclosureMode, ItemContent, Level};

/// 公开时限 of almost every catalogue entry.
pub const DEFAULT_DEADLINE: &str = "信息形成或者变更之日起20个工作日内";

/// 公开渠道和载体: the fixed checklist of the catalogue, in its order.
pub const CHANNELS: [&str; 13] = [
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
];

/// A default item of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemDef {
    /// Stable ASCII id, unique within its category.
    pub id: &'static str,
    pub name: &'static str,
    /// 公开内容（要素）.
    pub content: &'static str,
    /// 公开依据.
    pub basis: &'static str,
    /// 公开主体.
    pub subject: &'static str,
    /// Default 公开渠道和载体, labels from [`CHANNELS`].
    pub channels: &'static [&'static str],
    pub audience: Audience,
    pub mode: DisclosureMode,
    pub level: Level,
}

impl ItemDef {
    /// A fresh item for a report, with the catalogue's defaults.
    pub fn to_content(&self) -> ItemContent {
        ItemContent {
            id: self.id.to_string(),
            name: self.name.to_string(),
            content: self.content.to_string(),
            basis: self.basis.to_string(),
            deadline: DEFAULT_DEADLINE.to_string(),
            subject: self.subject.to_string(),
            channels: self.channels.iter().map(|c| c.to_string()).collect(),
            audience: Some(self.audience),
            mode: Some(self.mode),
            level: Some(self.level),
            ..ItemContent::default()
        }
    }
}

/// The default items of a category (by catalogue key), in order. Unknown keys have none.
pub fn default_items(category: &str) -> &'static [ItemDef] {
    match category {
        _ => &[],
    }
}
