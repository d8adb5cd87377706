"""Reference data for the demo bank: names with their pinyin, places, merchants, occupations.

Plain tuples so the generator can pick from them with `random.Random.choice` at no cost.
"""

from __future__ import annotations

# The most common surnames, weighted roughly by how common they are (heavier ones listed more than once).
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("王", "Wang"), ("王", "Wang"), ("李", "Li"), ("李", "Li"), ("李", "Li"),
    ("张", "Zhang"), ("张", "Zhang"), ("张", "Zhang"), ("刘", "Liu"), ("刘", "Liu"), ("陈", "Chen"),
    ("陈", "Chen"), ("杨", "Yang"), ("杨", "Yang"), ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"),
    ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"),
    ("何", "He"), ("郭", "Guo"), ("马", "Ma"), ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"),
    ("郑", "Zheng"), ("谢", "Xie"), ("韩", "Han"), ("唐", "Tang"), ("冯", "Feng"), ("于", "Yu"),
    ("董", "Dong"), ("萧", "Xiao"), ("程", "Cheng"), ("曹", "Cao"), ("袁", "Yuan"), ("邓", "Deng"),
    ("许", "Xu"), ("傅", "Fu"), ("沈", "Shen"), ("曾", "Zeng"), ("彭", "Peng"), ("吕", "Lyu"),
    ("苏", "Su"), ("卢", "Lu"), ("蒋", "Jiang"), ("蔡", "Cai"), ("贾", "Jia"), ("丁", "Ding"),
    ("魏", "Wei"), ("薛", "Xue"), ("叶", "Ye"), ("阎", "Yan"), ("余", "Yu"), ("潘", "Pan"), ("杜", "Du"),
    ("戴", "Dai"), ("夏", "Xia"), ("钟", "Zhong"), ("汪", "Wang"), ("田", "Tian"), ("任", "Ren"),
    ("姜", "Jiang"), ("范", "Fan"), ("方", "Fang"), ("石", "Shi"), ("姚", "Yao"), ("谭", "Tan"),
    ("廖", "Liao"), ("邹", "Zou"), ("熊", "Xiong"), ("金", "Jin"), ("陆", "Lu"), ("郝", "Hao"),
    ("孔", "Kong"), ("白", "Bai"), ("崔", "Cui"), ("康", "Kang"), ("毛", "Mao"), ("邱", "Qiu"),
    ("秦", "Qin"), ("江", "Jiang"), ("史", "Shi"), ("顾", "Gu"), ("侯", "Hou"), ("邵", "Shao"),
    ("孟", "Meng"), ("龙", "Long"), ("万", "Wan"), ("段", "Duan"), ("欧阳", "Ouyang"), ("司马", "Sima"),
)  # fmt: skip

# Characters of given names, with pinyin; split by the gender they are more usual for.
GIVEN_FEMALE: tuple[tuple[str, str], ...] = (
    ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
    ("娟", "juan"), ("霞", "xia"), ("婷", "ting"), ("雪", "xue"), ("慧", "hui"), ("莹", "ying"),
    ("琳", "lin"), ("晶", "jing"), ("洁", "jie"), ("颖", "ying"), ("倩", "qian"), ("玲", "ling"),
    ("欣", "xin"), ("怡", "yi"), ("佳", "jia"), ("梅", "mei"), ("兰", "lan"), ("萍", "ping"),
    ("红", "hong"), ("燕", "yan"), ("丹", "dan"), ("璐", "lu"), ("雯", "wen"), ("思", "si"),
    ("雨", "yu"), ("晓", "xiao"), ("诗", "shi"), ("梦", "meng"), ("悦", "yue"), ("可", "ke"),
)  # fmt: skip
GIVEN_MALE: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
    ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("刚", "gang"), ("平", "ping"),
    ("辉", "hui"), ("鹏", "peng"), ("华", "hua"), ("飞", "fei"), ("鑫", "xin"), ("波", "bo"),
    ("斌", "bin"), ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("健", "jian"), ("俊", "jun"),
    ("帆", "fan"), ("帅", "shuai"), ("旭", "xu"), ("宁", "ning"), ("龙", "long"), ("林", "lin"),
    ("建", "jian"), ("国", "guo"), ("志", "zhi"), ("文", "wen"), ("博", "bo"), ("晨", "chen"),
)  # fmt: skip

# Branch code, English name, Chinese name, city code, postal code prefix, phone area code.
BRANCHES: tuple[tuple[str, str, str, str], ...] = (
    ("BJ001", "Beijing Chaoyang Branch", "北京朝阳支行", "beijing"),
    ("SH001", "Shanghai Pudong Branch", "上海浦东支行", "shanghai"),
    ("GZ001", "Guangzhou Tianhe Branch", "广州天河支行", "guangzhou"),
    ("SZ001", "Shenzhen Futian Branch", "深圳福田支行", "shenzhen"),
    ("CD001", "Chengdu Jinjiang Branch", "成都锦江支行", "chengdu"),
    ("HZ001", "Hangzhou Xihu Branch", "杭州西湖支行", "hangzhou"),
    ("WH001", "Wuhan Jianghan Branch", "武汉江汉支行", "wuhan"),
    ("NJ001", "Nanjing Xuanwu Branch", "南京玄武支行", "nanjing"),
)
# How the customer base is spread over the branches (first-tier cities are bigger).
BRANCH_WEIGHTS: tuple[float, ...] = (0.19, 0.18, 0.12, 0.12, 0.10, 0.10, 0.10, 0.09)

# city key -> (English city, Chinese city, English province, Chinese province, postal prefix,
#              landline area code, districts (zh), resident-ID region codes of the city)
CITIES: dict[str, tuple[str, str, str, str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "beijing": ("Beijing", "北京市", "Beijing", "北京市", "100", "10",
                ("朝阳区", "海淀区", "东城区", "西城区", "丰台区"), ("110105", "110108", "110101", "110102")),
    "shanghai": ("Shanghai", "上海市", "Shanghai", "上海市", "200", "21",
                 ("浦东新区", "徐汇区", "静安区", "黄浦区", "长宁区"), ("310115", "310104", "310106", "310101")),
    "guangzhou": ("Guangzhou", "广州市", "Guangdong", "广东省", "510", "20",
                  ("天河区", "越秀区", "海珠区", "番禺区"), ("440106", "440104", "440105", "440113")),
    "shenzhen": ("Shenzhen", "深圳市", "Guangdong", "广东省", "518", "755",
                 ("福田区", "南山区", "罗湖区", "宝安区"), ("440304", "440305", "440303", "440306")),
    "chengdu": ("Chengdu", "成都市", "Sichuan", "四川省", "610", "28",
                ("锦江区", "武侯区", "青羊区", "高新区"), ("510104", "510107", "510105", "510108")),
    "hangzhou": ("Hangzhou", "杭州市", "Zhejiang", "浙江省", "310", "571",
                 ("西湖区", "上城区", "拱墅区", "滨江区"), ("330106", "330102", "330105", "330108")),
    "wuhan": ("Wuhan", "武汉市", "Hubei", "湖北省", "430", "27",
              ("江汉区", "武昌区", "洪山区", "江岸区"), ("420103", "420106", "420111", "420102")),
    "nanjing": ("Nanjing", "南京市", "Jiangsu", "江苏省", "210", "25",
                ("玄武区", "鼓楼区", "秦淮区", "建邺区"), ("320102", "320106", "320104", "320105")),
}  # fmt: skip
# Where people who moved to a big city were born (resident-ID region codes stay those of birth).
BIRTH_REGIONS: tuple[str, ...] = (
    "370102", "410105", "430102", "130102", "210102", "350102", "500103", "610103", "340102", "360102",
    "450102", "520102", "530102", "140105", "220102", "230102",
)  # fmt: skip

STREETS: tuple[str, ...] = (
    "建国路", "人民路", "中山路", "解放路", "和平路", "长江路", "南京路", "新华路", "文化路", "幸福路",
    "光明路", "青年路", "胜利路", "友谊路", "花园路", "滨江路", "科技路", "学府路", "东风路", "延安路",
)  # fmt: skip

OCCUPATIONS_EMPLOYED: tuple[str, ...] = (
    "software engineer", "teacher", "doctor", "nurse", "accountant", "civil servant", "sales manager",
    "factory worker", "engineer", "lawyer", "designer", "shop assistant", "driver", "researcher",
    "product manager", "bank clerk", "chef", "pharmacist", "architect", "consultant",
)  # fmt: skip
OCCUPATIONS_OTHER: tuple[str, ...] = ("self-employed", "business owner", "freelancer", "farmer")
OCCUPATION_RETIRED = "retired"
OCCUPATION_STUDENT = "student"

COMPANY_PREFIX: tuple[tuple[str, str], ...] = (
    ("华信", "Huaxin"), ("东方", "Dongfang"), ("瑞丰", "Ruifeng"), ("金鼎", "Jinding"), ("长城", "Changcheng"),
    ("宏达", "Hongda"), ("恒通", "Hengtong"), ("新元", "Xinyuan"), ("天成", "Tiancheng"), ("锦程", "Jincheng"),
    ("博远", "Boyuan"), ("盛世", "Shengshi"), ("中和", "Zhonghe"), ("汇丰源", "Huifengyuan"), ("云帆", "Yunfan"),
)  # fmt: skip
COMPANY_TRADE: tuple[tuple[str, str], ...] = (
    ("科技", "Technology"), ("贸易", "Trading"), ("餐饮管理", "Catering Management"), ("建材", "Building Materials"),
    ("物流", "Logistics"), ("文化传媒", "Culture & Media"), ("电子", "Electronics"), ("服装", "Garments"),
    ("医疗器械", "Medical Devices"), ("咨询", "Consulting"),
)  # fmt: skip

# (merchant name, MCC, typical amount in yuan)
MERCHANTS: tuple[tuple[str, str, int], ...] = (
    ("美团外卖", "5814", 45), ("盒马鲜生", "5411", 180), ("京东商城", "5732", 420), ("天猫超市", "5311", 260),
    ("星巴克", "5814", 38), ("中国石化加油站", "5541", 320), ("华润万家", "5411", 150), ("海底捞火锅", "5812", 360),
    ("万达影城", "7832", 90), ("携程旅行", "4722", 1800), ("中国国际航空", "3008", 2600), ("优衣库", "5651", 300),
    ("屈臣氏", "5912", 120), ("苹果零售店", "5732", 6500), ("宜家家居", "5712", 900), ("滴滴出行", "4121", 35),
    ("肯德基", "5814", 55), ("沃尔玛", "5411", 210), ("国家电网", "4900", 160), ("中国移动", "4814", 99),
)  # fmt: skip

SALARY_BY_INCOME: dict[str, tuple[int, int]] = {
    # monthly take-home pay in yuan, low..high
    "under_60k": (2800, 5000),
    "60k_150k": (5000, 12000),
    "150k_300k": (12000, 25000),
    "300k_1m": (25000, 70000),
    "over_1m": (70000, 150000),
}

RM_VISIT_TOPICS: tuple[str, ...] = (
    "Annual portfolio review", "Time deposit renewal discussed", "Introduced wealth product options",
    "Mortgage refinancing question", "Retirement planning", "Insurance needs review", "Follow-up on a complaint",
)  # fmt: skip
CALL_TOPICS: tuple[tuple[str, str], ...] = (
    ("card_services", "Card limit enquiry"), ("accounts", "Balance and statement enquiry"),
    ("loans", "Loan repayment schedule"), ("online_banking", "Password reset for online banking"),
    ("wealth", "Wealth product maturity question"), ("cards", "Report a lost card"),
)  # fmt: skip
COMPLAINTS: tuple[str, ...] = (
    "Unhappy with fees charged on transfers",
    "Time deposit rate lower than at another bank",
    "Long wait at the branch counter",
    "Card declined abroad without warning",
)  # fmt: skip
DEVICES: tuple[str, ...] = ("iPhone 15", "Huawei Mate 60", "Xiaomi 14", "OPPO Reno 11", "Windows PC", "Mac")
