"""The registry and base lead that rule examples are written against.

A rule's example is YAML whose top-level keys replace the base lead's; the
tests build a real registry from them and run ``leadreg check``.
"""

REGISTRY = """\
name: 华东区销售线索
language: zh-CN
timezone: Asia/Shanghai
rules: {deadline_days: 90, max_extensions: 2, warn_days: 14, similarity: 0.90}
reps:
  - {id: zhangsan, name: 张三, github: zhangsan-gh}
  - {id: lisi, name: 李四, github: lisi-gh}
  - {id: wangjl, name: 王建林, github: wangjl, manager: true}
  - {id: liuyang, name: 刘洋, left: 2026-06-30}
units: [engineering, quality, logistics, finance]
sources: [exhibition, referral, inbound, cold_call, partner, tender]
publish:
  private: [customer.contacts, customer.credit_code]
"""

BASE_LEAD = """\
title: 冲压件配套项目
customer:
  name: 苏州恒达汽车零部件有限公司
source: exhibition
owner: zhangsan
team: [engineering]
stage: lead
registered: 2026-09-01
deadline: 2026-12-31
"""
