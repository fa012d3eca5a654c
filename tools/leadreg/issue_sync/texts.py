"""Every sentence the nightly job writes into issues, in the registry's language.

Placeholders are filled by ``bodies.py`` with text already made safe for
Markdown; commands and YAML snippets are meant to be copied as they are.
"""

from __future__ import annotations

from typing import Any

EN: dict[str, str] = {
    "expired.title": "Lead expired: {customer} ({id})",
    "expired.heading": "## Lead expired: {customer}",
    "expired.intro": ("The deadline of lead `{id}` was {deadline}; on {as_of} it is "
                      "**{days} {day_word} overdue**. {owner}, please take one of the three "
                      "ways out below."),
    "day": "day", "days": "days",
    "facts.head": "| | |\n| --- | --- |",
    "facts.customer": "Customer", "facts.title": "Lead", "facts.owner": "Owner",
    "facts.assistants": "Assistants", "facts.stage": "Stage",
    "facts.registered": "Registered", "facts.deadline": "Deadline",
    "facts.overdue": "Days overdue", "facts.overdue_value": "{days} (on {as_of})",
    "facts.extensions": "Extensions used", "facts.extensions_value": "{used} of {max}",
    "none": "none", "sep": ", ", "owner_login": "{name} ({mention})",
    "share": "{share}%",
    "links.file": "File: {link}", "links.page": "Lead page: {link}", "links.page_label": "on the lead board",
    "unassigned.login": ("> [!NOTE]\n> This issue is for {name} ({mention}), who could not be "
                         "assigned here (not a collaborator of this repository?)."),
    "unassigned.nologin": ("> [!NOTE]\n> This issue is for {name}: registry.yaml has no GitHub "
                           "login for them (`github:` under `reps:`), so it is not assigned."),
    "ways.heading": "### Three ways out (choose one)",
    "way.extend": ("**1. Extend the deadline** (a manager approves it in the pull request's "
                   "review). Run"),
    "way.extend_short": "1. Extend the deadline.",
    "way.extend_edit": ("or edit {path}: set `deadline:` to the new date and add at the end "
                        "of `extensions:`"),
    "way.extend_managers": "Managers who can approve: {managers}.",
    "way.extend_none_left": ("No extension left: {used} of {max} are used. Close or reassign "
                             "the lead instead."),
    "way.close": "**2. Close the lead**. Run",
    "way.close_note": ("(`--as won` needs evidence of the win, `--as closed` drops the lead) or "
                       "edit {path}: set `stage: lost` and add"),
    "way.reassign": ("**3. Reassign it** (marketing management decides; a manager approves "
                     "the pull request). Run"),
    "way.reassign_note": ("or edit {path}: set `owner:` to the new rep, add at the end of "
                          "`history:` the line below and keep {owner_id} as an assistant "
                          "(`assistants:` `- {{rep: {owner_id}, since: {as_of}}}`). The former "
                          "owner shares the reward when the customer is won. Give the new owner "
                          "time with `leadreg extend`."),
    "placeholder.date": "YYYY-MM-DD", "placeholder.reason": "why",
    "placeholder.manager": "MANAGER", "placeholder.rep": "NEW_OWNER",
    "footer": ("This issue closes by itself once the lead is extended, closed or reassigned "
               "with a new deadline; the registry is checked every night. Closing it by hand "
               "does not help: it reopens while the lead is expired."),
    "close.lead_closed": "it was closed as **{stage}** on {date}: {reason}",
    "close.deadline": "its deadline is now {deadline}",
    "close.extension": " (extension approved by {approver} on {date}: {reason})",
    "close.owner": "; owner {owner}",
    "close.reassigned": " (took over from {former} on {date})",
    "close.gone": "its file is no longer in the registry (deleted or renamed)",
    "close.expired_comment": "Lead `{id}` is no longer expired: {reason}. Closing this issue.",
    "close.duplicate": ("Duplicate of #{number}: a lead has one expired-lead issue. "
                        "Closing this one."),
    "due.title": "Leads due within {warn_days} days",
    "due.heading": "## Leads due within {warn_days} days ({count})",
    "due.intro": ("On {today}. This issue is updated every night and closes by itself when no "
                  "lead is due soon. Extend, close or convert these leads before their "
                  "deadline."),
    "due.columns": ("| Lead | Customer | Deadline | Left |\n| --- | --- | --- | --- |"),
    "due.more": ("{count} more leads are due soon but do not fit here: run "
                 "`leadreg expired` to see them all."),
    "due.today": "due today", "due.left": "{days} {day_word}",
    "due.close": "No lead is due within {warn_days} days any more. Closing this issue.",
    "check.title": "leadreg check fails on the default branch",
    "check.heading": "## `leadreg check` fails on the default branch",
    "check.intro": ("{errors} errors and {warnings} warnings in {leads} leads. Fix them in a "
                    "pull request; this issue closes by itself when the check passes. Run "
                    "`leadreg check` locally to see every diagnostic."),
    "check.columns": "| File | Line | Code | Message |\n| --- | --- | --- | --- |",
    "check.more": "{count} more errors are not listed here.",
    "check.close": "`leadreg check` passes again ({leads} leads, no errors). Closing this issue.",
}

ZH: dict[str, str] = {
    "expired.title": "线索超期：{customer}（{id}）",
    "expired.heading": "## 线索已超期：{customer}",
    "expired.intro": ("线索 `{id}` 的攻破时限是 {deadline}，截至 {as_of} 已超期 **{days} 天**。"
                      "请 {owner} 从下面三种做法中选一种。"),
    "day": "天", "days": "天",
    "facts.head": "| 项目 | 内容 |\n| --- | --- |",
    "facts.customer": "客户", "facts.title": "线索", "facts.owner": "负责人",
    "facts.assistants": "协办", "facts.stage": "阶段",
    "facts.registered": "备案日期", "facts.deadline": "攻破时限",
    "facts.overdue": "超期天数", "facts.overdue_value": "{days} 天（截至 {as_of}）",
    "facts.extensions": "已用延期", "facts.extensions_value": "{used} / {max} 次",
    "none": "无", "sep": "、", "owner_login": "{name}（{mention}）",
    "share": "{share}%",
    "links.file": "文件：{link}", "links.page": "线索页面：{link}", "links.page_label": "在线索看板上查看",
    "unassigned.login": ("> [!NOTE]\n> 本 issue 是给 {name}（{mention}）的，但无法指派给该账号"
                         "（不是本仓库的协作者？）。"),
    "unassigned.nologin": ("> [!NOTE]\n> 本 issue 是给 {name} 的：registry.yaml 的 `reps:` 中没有"
                           "其 GitHub 账号（`github:`），因此未指派。"),
    "ways.heading": "### 三种做法（选一种）",
    "way.extend": "**1. 申请延期**（经理在拉取请求的评审中批准）。运行",
    "way.extend_short": "1. 申请延期。",
    "way.extend_edit": "或编辑 {path}：把 `deadline:` 改为新日期，并在 `extensions:` 末尾追加",
    "way.extend_managers": "可批准的经理：{managers}。",
    "way.extend_none_left": "延期次数已用完（已用 {used} / {max} 次），只能关闭或改派。",
    "way.close": "**2. 关闭线索**。运行",
    "way.close_note": ("（赢单用 `--as won`，需要有证据；放弃用 `--as closed`）或编辑 {path}："
                       "把 `stage:` 改为 `lost`，并加上"),
    "way.reassign": "**3. 改派**（由市场部决定，经理在拉取请求中批准）。运行",
    "way.reassign_note": ("或编辑 {path}：把 `owner:` 改为新负责人，在 `history:` 末尾追加下面一行，"
                          "并保留 {owner_id} 为协办（`assistants:` `- {{rep: {owner_id}, since: "
                          "{as_of}}}`）。原负责人在赢单时共享激励。需要给新负责人时间时，再用 "
                          "`leadreg extend` 延期。"),
    "placeholder.date": "YYYY-MM-DD", "placeholder.reason": "原因",
    "placeholder.manager": "经理ID", "placeholder.rep": "新负责人ID",
    "footer": ("线索延期、关闭或改派并设定新时限后，本 issue 会在每晚的检查中自动关闭。"
               "手动关闭没有用：线索仍超期时它会重新打开。"),
    "close.lead_closed": "已于 {date} 以 **{stage}** 关闭：{reason}",
    "close.deadline": "攻破时限现为 {deadline}",
    "close.extension": "（{approver} 于 {date} 批准延期：{reason}）",
    "close.owner": "；负责人 {owner}",
    "close.reassigned": "（{date} 从 {former} 改派）",
    "close.gone": "线索文件已不在登记册中（已删除或改名）",
    "close.expired_comment": "线索 `{id}` 已不再超期：{reason}。关闭本 issue。",
    "close.duplicate": "与 #{number} 重复：每条超期线索只保留一个 issue。关闭本 issue。",
    "due.title": "{warn_days} 天内到期的线索",
    "due.heading": "## {warn_days} 天内到期的线索（{count} 条）",
    "due.intro": ("截至 {today}。本 issue 每晚更新，没有即将到期的线索时自动关闭。"
                  "请在时限前延期、关闭或推进这些线索。"),
    "due.columns": "| 线索 | 客户 | 攻破时限 | 剩余 |\n| --- | --- | --- | --- |",
    "due.more": "另有 {count} 条即将到期的线索放不下：运行 `leadreg expired` 查看全部。",
    "due.today": "今天到期", "due.left": "{days} 天",
    "due.close": "目前没有 {warn_days} 天内到期的线索。关闭本 issue。",
    "check.title": "默认分支上的 leadreg check 未通过",
    "check.heading": "## 默认分支上的 `leadreg check` 未通过",
    "check.intro": ("{leads} 条线索中有 {errors} 个错误、{warnings} 个警告。请在拉取请求中修复；"
                    "检查通过后本 issue 自动关闭。在本地运行 `leadreg check` 可看到全部诊断。"),
    "check.columns": "| 文件 | 行 | 代码 | 说明 |\n| --- | --- | --- | --- |",
    "check.more": "另有 {count} 个错误未列出。",
    "check.close": "`leadreg check` 已通过（{leads} 条线索，没有错误）。关闭本 issue。",
}

LANGUAGES = {"en": EN, "zh-CN": ZH}


def texts(language: str) -> Texts:
    return Texts(LANGUAGES.get(language, ZH))


class Texts:
    """``t("key", **values)``: one sentence, filled in."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def __call__(self, key: str, **values: Any) -> str:
        return self.table[key].format(**values)
