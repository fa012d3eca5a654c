"""Every string the site shows, in zh-CN and en, and dates for each language."""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("zh-CN", "en")

STRINGS: dict[str, dict[str, str]] = {
    "board": {"zh-CN": "线索看板", "en": "Lead board"},
    "expired_page": {"zh-CN": "超期线索", "en": "Expired leads"},
    "stats": {"zh-CN": "统计", "en": "Statistics"},
    "reps": {"zh-CN": "销售", "en": "Reps"},
    "data": {"zh-CN": "数据", "en": "Data"},
    "main_nav": {"zh-CN": "主导航", "en": "Main navigation"},
    "skip": {"zh-CN": "跳到正文", "en": "Skip to content"},
    "today_is": {"zh-CN": "今天", "en": "Today"},
    "stage.lead": {"zh-CN": "线索", "en": "Lead"},
    "stage.opportunity": {"zh-CN": "机会点", "en": "Opportunity"},
    "stage.won": {"zh-CN": "赢单", "en": "Won"},
    "stage.lost": {"zh-CN": "丢单", "en": "Lost"},
    "stage.closed": {"zh-CN": "已关闭", "en": "Closed"},
    "recent.won": {"zh-CN": "最近赢单", "en": "Recently won"},
    "recent.lost": {"zh-CN": "最近丢单", "en": "Recently lost"},
    "evidence.sample_request": {"zh-CN": "打样", "en": "Sample request"},
    "evidence.quote_request": {"zh-CN": "报价", "en": "Quote request"},
    "evidence.supplier_pool": {"zh-CN": "进入供应商资源池", "en": "Supplier pool"},
    "evidence.other": {"zh-CN": "其他证据", "en": "Other evidence"},
    # The SPEC's example units and sources; a registry's other names show as written.
    "unit.engineering": {"zh-CN": "工程部", "en": "Engineering"},
    "unit.quality": {"zh-CN": "质量部", "en": "Quality"},
    "unit.logistics": {"zh-CN": "物流部", "en": "Logistics"},
    "unit.finance": {"zh-CN": "财务部", "en": "Finance"},
    "source.exhibition": {"zh-CN": "展会", "en": "Exhibition"},
    "source.referral": {"zh-CN": "转介绍", "en": "Referral"},
    "source.inbound": {"zh-CN": "客户来询", "en": "Inbound"},
    "source.cold_call": {"zh-CN": "陌生拜访", "en": "Cold call"},
    "source.partner": {"zh-CN": "合作伙伴", "en": "Partner"},
    "source.tender": {"zh-CN": "招标", "en": "Tender"},
    "filters": {"zh-CN": "筛选", "en": "Filters"},
    "owner": {"zh-CN": "负责人", "en": "Owner"},
    "unit": {"zh-CN": "支持部门", "en": "Unit"},
    "source": {"zh-CN": "来源", "en": "Source"},
    "stage": {"zh-CN": "阶段", "en": "Stage"},
    "all": {"zh-CN": "全部", "en": "All"},
    "reset": {"zh-CN": "清除筛选", "en": "Clear filters"},
    "search": {"zh-CN": "搜索客户", "en": "Search customers"},
    "search_hint": {"zh-CN": "客户名称、简称或英文名，繁简均可",
                    "en": "Customer name, short name or English name"},
    "search_button": {"zh-CN": "搜索", "en": "Search"},
    "search_results": {"zh-CN": "搜索结果", "en": "Search results"},
    "search_none": {"zh-CN": "没有找到匹配的客户。", "en": "No customer matches."},
    "search_short": {"zh-CN": "请至少输入两个字。", "en": "Type at least two characters."},
    "search_loading": {"zh-CN": "正在搜索…", "en": "Searching…"},
    "search_failed": {"zh-CN": "搜索索引加载失败。", "en": "The search index could not be loaded."},
    "noscript": {"zh-CN": "筛选和搜索需要 JavaScript；下面是完整的看板，也可以用浏览器的查找功能。",
                 "en": "Filters and search need JavaScript; the board below is complete, "
                       "and your browser's find works on it."},
    "showing": {"zh-CN": "显示 {shown} / {total} 条", "en": "Showing {shown} of {total}"},
    "cards_shown": {"zh-CN": "看板上显示 {shown} 条（共 {total} 条）",
                    "en": "{shown} of {total} cards on the board"},
    "see_all": {"zh-CN": "查看全部 {total} 条", "en": "See all {total}"},
    "truncated": {"zh-CN": "看板只显示最紧急的 {shown} 条；筛选只作用于这些卡片。",
                  "en": "The board shows the {shown} most urgent; filters apply to these cards."},
    "empty": {"zh-CN": "暂无", "en": "None"},
    "assistants": {"zh-CN": "协助", "en": "Assisting"},
    "deadline": {"zh-CN": "攻破时限", "en": "Deadline"},
    "registered": {"zh-CN": "备案日期", "en": "Registered"},
    "overdue": {"zh-CN": "超期 {n} 天", "en": "{n} days overdue"},
    "overdue_1": {"zh-CN": "超期 1 天", "en": "1 day overdue"},
    "due_today": {"zh-CN": "今天到期", "en": "Due today"},
    "due_in": {"zh-CN": "还剩 {n} 天", "en": "Due in {n} days"},
    "due_in_1": {"zh-CN": "还剩 1 天", "en": "Due in 1 day"},
    "customer": {"zh-CN": "客户", "en": "Customer"},
    "title": {"zh-CN": "项目", "en": "Project"},
    "aliases": {"zh-CN": "别名", "en": "Also known as"},
    "website": {"zh-CN": "网站", "en": "Website"},
    "region": {"zh-CN": "地区", "en": "Region"},
    "industry": {"zh-CN": "行业", "en": "Industry"},
    "team": {"zh-CN": "项目团队", "en": "Team"},
    "need": {"zh-CN": "客户需求", "en": "Need"},
    "timeline": {"zh-CN": "时间线", "en": "Timeline"},
    "closed": {"zh-CN": "结案", "en": "Closed"},
    "edit": {"zh-CN": "编辑这条线索", "en": "Edit this lead"},
    "other_fields": {"zh-CN": "其他字段", "en": "Other fields"},
    "share": {"zh-CN": "分成 {n}%", "en": "{n}% share"},
    "since": {"zh-CN": "自 {date}", "en": "since {date}"},
    "ev.registered": {"zh-CN": "备案", "en": "Registered"},
    "ev.activity": {"zh-CN": "拜访", "en": "Activity"},
    "ev.evidence": {"zh-CN": "转化证据", "en": "Evidence"},
    "ev.extension": {"zh-CN": "延期", "en": "Extension"},
    "ev.owner_change": {"zh-CN": "更换负责人", "en": "Owner change"},
    "ev.closed": {"zh-CN": "结案", "en": "Closed"},
    "met_with": {"zh-CN": "拜访对象", "en": "Met"},
    "by": {"zh-CN": "记录人", "en": "By"},
    "units": {"zh-CN": "支持部门", "en": "Units"},
    "extended_until": {"zh-CN": "延期至 {date}", "en": "Extended to {date}"},
    "approved_by": {"zh-CN": "批准人", "en": "Approved by"},
    "owner_change": {"zh-CN": "{old} → {new}", "en": "{old} → {new}"},
    "reason": {"zh-CN": "原因", "en": "Reason"},
    "owned": {"zh-CN": "负责的线索", "en": "Owned leads"},
    "assisting": {"zh-CN": "协助的线索", "en": "Assisting on"},
    "rep_expired": {"zh-CN": "超期未处理", "en": "Expired"},
    "closed_leads": {"zh-CN": "已结案", "en": "Closed leads"},
    "left_on": {"zh-CN": "已于 {date} 离职", "en": "Left on {date}"},
    "manager": {"zh-CN": "经理", "en": "Manager"},
    "calendar": {"zh-CN": "日历 (ICS)", "en": "Calendar (ICS)"},
    "calendar_of": {"zh-CN": "{name} 的攻破时限", "en": "Deadlines of {name}"},
    "calendar_all": {"zh-CN": "{name} 攻破时限", "en": "{name} deadlines"},
    "more_rows": {"zh-CN": "另有 {n} 条未列出，见 leads.csv。", "en": "{n} more not listed; see leads.csv."},
    "expired_intro": {"zh-CN": "负责人须申请延期、结案，否则由市场部重新分配。",
                      "en": "The owner must get an extension approved or close the lead; "
                            "otherwise management reassigns it."},
    "due_soon": {"zh-CN": "即将到期", "en": "Due soon"},
    "days_overdue": {"zh-CN": "超期天数", "en": "Days overdue"},
    "days_left": {"zh-CN": "剩余天数", "en": "Days left"},
    "count": {"zh-CN": "数量", "en": "Count"},
    "leads_total": {"zh-CN": "线索总数", "en": "Leads"},
    "active_total": {"zh-CN": "跟进中", "en": "Active"},
    "funnel": {"zh-CN": "转化漏斗", "en": "Funnel"},
    "funnel.lead": {"zh-CN": "线索", "en": "Leads"},
    "funnel.opportunity": {"zh-CN": "机会点", "en": "Opportunities"},
    "funnel.won": {"zh-CN": "赢单", "en": "Won"},
    "conversion": {"zh-CN": "转化率", "en": "Conversion"},
    "conv.lead_opp": {"zh-CN": "线索 → 机会点", "en": "Lead → opportunity"},
    "conv.opp_won": {"zh-CN": "机会点 → 赢单", "en": "Opportunity → won"},
    "conv.lead_won": {"zh-CN": "线索 → 赢单", "en": "Lead → won"},
    "conv.win_rate": {"zh-CN": "结案赢单率", "en": "Win rate of closed leads"},
    "median_days": {"zh-CN": "转为机会点的中位天数", "en": "Median days to opportunity"},
    "load": {"zh-CN": "每人负荷（跟进中）", "en": "Load per rep (active)"},
    "ageing": {"zh-CN": "跟进中线索的时长", "en": "Age of active leads"},
    "sources": {"zh-CN": "线索来源", "en": "Sources"},
    "age.0": {"zh-CN": "≤30 天", "en": "≤30 days"},
    "age.1": {"zh-CN": "31–90 天", "en": "31–90 days"},
    "age.2": {"zh-CN": "91–180 天", "en": "91–180 days"},
    "age.3": {"zh-CN": "181–365 天", "en": "181–365 days"},
    "age.4": {"zh-CN": "一年以上", "en": "Over a year"},
    "others": {"zh-CN": "其他", "en": "Others"},
    "won_of": {"zh-CN": "其中赢单", "en": "of which won"},
    "none_value": {"zh-CN": "—", "en": "—"},
    "unknown": {"zh-CN": "未填写", "en": "Not given"},
    "page": {"zh-CN": "第 {n} / {total} 页", "en": "Page {n} of {total}"},
    "prev": {"zh-CN": "上一页", "en": "Previous"},
    "next": {"zh-CN": "下一页", "en": "Next"},
    "all_in_stage": {"zh-CN": "全部{stage}", "en": "All: {stage}"},
    "downloads": {"zh-CN": "下载", "en": "Downloads"},
    "not_found": {"zh-CN": "页面不存在", "en": "Page not found"},
    "back_to_board": {"zh-CN": "返回看板", "en": "Back to the board"},
    "generated": {"zh-CN": "由 leadreg 生成", "en": "Built by leadreg"},
    "id": {"zh-CN": "编号", "en": "ID"},
    "chart_table": {"zh-CN": "图表数据", "en": "Chart data"},
}

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Translator:
    """``t(key, **values)`` in one language; unknown keys show as themselves."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "zh-CN"

    def __call__(self, key: str, **values: object) -> str:
        entry = STRINGS.get(key)
        text = entry[self.language] if entry else key
        return text.format(**values) if values else text

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return self("none_value")
        if self.language == "en":
            return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
        return f"{value.year}年{value.month}月{value.day}日"

    def short_date(self, value: dt.date | None) -> str:
        if value is None:
            return self("none_value")
        if self.language == "en":
            return f"{value.day} {_MONTHS[value.month - 1]}"
        return f"{value.month}月{value.day}日"

    def days_left(self, days: int) -> str:
        if days < 0:
            return self("overdue_1") if days == -1 else self("overdue", n=-days)
        if days == 0:
            return self("due_today")
        return self("due_in_1") if days == 1 else self("due_in", n=days)

    def percent(self, value: float | None) -> str:
        return self("none_value") if value is None else f"{value * 100:.0f}%"

    def label(self, prefix: str, value: str | None) -> str:
        """A vocabulary label (``stage.won``); the raw value when it has none."""
        if not value:
            return self("unknown")
        key = f"{prefix}.{value}"
        return self(key) if key in STRINGS else value
