"""Words that say what a company does (汽车零部件, Auto Parts), by category.

A name is brand + business words: 恒达 + 汽车 + 零部件.  Splitting them lets
``恒达汽车零部件`` meet ``Hengda Auto Parts`` (same brand in pinyin, same
categories) while ``恒达食品`` stays another business of the same brand.
"""

from __future__ import annotations

from functools import lru_cache

# category: (Chinese words, English words).  The category name is its English form.
CATEGORIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "auto": (("汽车", "汽配", "车业", "车辆", "机动车"), ("auto", "automotive", "automobile", "car", "cars", "vehicle", "vehicles")),
    "parts": (("零部件", "零配件", "配件", "部件", "零件", "组件", "配套"), ("parts", "part", "components", "component", "spares", "spare")),
    "electric": (("电气", "电器", "电工"), ("electric", "electrical", "electricals", "appliance", "appliances")),
    "electronics": (("电子", "微电子"), ("electronics", "electronic", "microelectronics")),
    "tech": (("科技", "技术", "高科技", "高新技术", "高科", "高新"), ("technology", "technologies", "tech", "hitech", "high", "hi")),
    "machinery": (("机械", "机电", "机器", "重工", "机床"), ("machinery", "machines", "machine", "mechanical", "heavy")),
    "equipment": (("设备", "装备"), ("equipment", "equipments")),
    "industry": (("工业", "实业", "产业", "工贸"), ("industry", "industries", "industrial")),
    "manufacturing": (("制造", "制品", "加工"), ("manufacturing", "manufacture", "manufacturer", "products", "product")),
    "trading": (("贸易", "商贸", "进出口", "外贸", "经贸", "商务", "国际贸易"), ("trading", "trade", "import", "export", "commerce", "commercial")),
    "international": (("国际",), ("international", "intl")),
    "holding": (("控股",), ("holding", "holdings")),
    "investment": (("投资", "资本", "创投"), ("investment", "investments", "capital", "ventures")),
    "development": (("发展",), ("development", "developments")),
    "materials": (("材料", "新材料", "原料"), ("materials", "material")),
    "metal": (("金属", "五金", "钢铁", "钢材", "铝业", "铜业", "有色"), ("metal", "metals", "steel", "hardware", "aluminium", "aluminum", "copper")),
    "precision": (("精密", "精工"), ("precision",)),
    "mould": (("模具",), ("mould", "moulds", "mold", "molds", "tooling")),
    "plastics": (("塑胶", "塑料", "塑业", "橡胶", "橡塑"), ("plastics", "plastic", "rubber", "polymer", "polymers")),
    "chemical": (("化工", "化学", "化学品"), ("chemical", "chemicals", "chemistry")),
    "pharma": (("医药", "制药", "药业", "生物医药"), ("pharmaceutical", "pharmaceuticals", "pharma")),
    "bio": (("生物",), ("biotech", "biotechnology", "bio", "biology", "biological", "biosciences")),
    "medical": (("医疗", "医疗器械", "器械", "健康"), ("medical", "healthcare", "health", "devices")),
    "food": (("食品", "饮料", "餐饮", "粮油"), ("food", "foods", "beverage", "beverages")),
    "textile": (("纺织", "纺织品", "服装", "服饰", "制衣", "针织", "家纺"), ("textile", "textiles", "garment", "garments", "apparel", "fashion")),
    "construction": (("建设", "建筑", "工程", "建工", "建材"), ("construction", "engineering", "building", "builders", "projects")),
    "logistics": (("物流", "供应链", "运输", "货运", "快递"), ("logistics", "supply", "chain", "transport", "transportation", "shipping", "freight", "express")),
    "energy": (("能源", "新能源", "光伏", "电池", "动力", "储能", "电力"), ("energy", "solar", "battery", "batteries", "renewables", "power")),
    "environment": (("环保", "环境", "节能"), ("environmental", "environment", "eco")),
    "automation": (("自动化", "智能", "智造", "机器人", "控制", "自控"), ("automation", "intelligent", "smart", "robotics", "robotic", "robot", "robots", "controls", "control")),
    "optics": (("光电", "光学", "照明"), ("optoelectronics", "optics", "optical", "photonics", "lighting")),
    "semiconductor": (("半导体", "集成电路", "芯片"), ("semiconductor", "semiconductors", "chip", "chips")),
    "telecom": (("通信", "通讯", "网络"), ("communication", "communications", "telecom", "network", "networks")),
    "software": (("软件", "信息", "数据", "数字", "数码", "云计算"), ("software", "information", "info", "data", "digital", "it", "systems", "system", "solutions")),
    "instruments": (("仪器", "仪表", "传感", "检测", "测控"), ("instruments", "instrument", "sensor", "sensors", "testing", "measurement")),
    "packaging": (("包装", "印刷", "纸业", "纸品"), ("packaging", "package", "packing", "printing", "paper")),
    "furniture": (("家具", "家居", "木业"), ("furniture", "home", "wood")),
    "glass": (("玻璃", "陶瓷"), ("glass", "ceramics", "ceramic")),
    "casting": (("铸造", "锻造", "冲压", "压铸", "铸件", "锻件", "钣金"), ("casting", "castings", "forging", "forgings", "stamping", "stampings", "diecasting")),
    "hydraulics": (("液压", "气动", "泵业", "阀门", "管业", "流体"), ("hydraulics", "hydraulic", "pneumatic", "pumps", "pump", "valves", "valve", "pipes", "fluid")),
    "bearings": (("轴承", "齿轮", "传动"), ("bearings", "bearing", "gears", "gear", "transmission", "drives")),
    "cable": (("电缆", "线缆", "电线"), ("cable", "cables", "wire", "wires")),
    "motors": (("电机", "马达"), ("motor", "motors")),
    "aviation": (("航空", "航天", "飞机"), ("aviation", "aerospace", "aircraft")),
    "marine": (("船舶", "海洋", "海运"), ("marine", "ship", "shipbuilding")),
    "agriculture": (("农业", "农牧", "种业", "畜牧"), ("agriculture", "agricultural", "agri", "farm", "farming")),
    "services": (("服务", "咨询", "管理", "顾问"), ("services", "service", "consulting", "consultancy", "management", "advisory")),
    "media": (("文化", "传媒", "广告", "影视"), ("media", "culture", "advertising", "entertainment")),
    "education": (("教育", "培训"), ("education", "training", "learning")),
    "realestate": (("地产", "房地产", "置业", "物业"), ("realty", "properties", "property", "estate")),
    "finance": (("金融", "证券", "银行", "保险"), ("finance", "financial", "securities", "bank", "insurance")),
}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], int]:
    chinese: dict[str, str] = {}
    english: dict[str, str] = {}
    for category, (zh_words, en_words) in CATEGORIES.items():
        for word in zh_words:
            chinese.setdefault(word, category)
        for word in en_words:
            english.setdefault(word, category)
    return chinese, english, max(map(len, chinese))


@lru_cache(maxsize=1)
def _suffix_sizes() -> dict[str, tuple[int, ...]]:
    sizes: dict[str, set[int]] = {}
    for word in _tables()[0]:
        sizes.setdefault(word[-1], set()).add(len(word))
    return {k: tuple(sorted(v, reverse=True)) for k, v in sizes.items()}


def split_chinese(core: str) -> tuple[str, tuple[str, ...]]:
    """恒达汽车零部件 → ("恒达", ("auto", "parts")): business words off the end.

    The brand keeps at least two characters: 新 alone is not stripped from 新华.
    """
    chinese = _tables()[0]
    suffix_sizes = _suffix_sizes()
    found: list[str] = []
    while len(core) > 2:
        for size in suffix_sizes.get(core[-1], ()):
            if size > len(core) - 2:
                continue
            category = chinese.get(core[-size:])
            if category is not None:
                found.append(category)
                core = core[:-size]
                break
        else:
            break
    return core, tuple(reversed(found))


# Words that say a company is big or general, not what it does: 恒达实业 and 恒达控股
# may be the same buyer as 恒达汽车零部件.
NEUTRAL = frozenset({"holding", "industry", "development", "international"})


def split_latin(tokens: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """["hengda", "auto", "parts"] → (["hengda"], ("auto", "parts"))."""
    _, english, _ = _tables()
    found: list[str] = []
    while len(tokens) > 1 and tokens[-1] in english:
        found.append(english[tokens[-1]])
        tokens = tokens[:-1]
    return tokens, tuple(reversed(found))


@lru_cache(maxsize=1)
def _first_chars() -> frozenset[str]:
    return frozenset(word[0] for word in _tables()[0])


def only_business_words(text: str) -> bool:
    """Whether a Chinese remainder is all business words (汽车, 科技零部件): no brand."""
    if not text or text[0] not in _first_chars():
        return False  # the usual case: a brand comes first
    chinese, _, longest = _tables()
    while text:
        for size in range(min(longest, len(text)), 0, -1):
            if text[-size:] in chinese:
                text = text[:-size]
                break
        else:
            return False
    return True


def only_business_tokens(tokens: list[str]) -> bool:
    """Whether Latin words are all business words (Electric, Auto Parts): no brand."""
    _, english, _ = _tables()
    return all(t in english for t in tokens)
