PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE county_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    profile TEXT NOT NULL
);
INSERT INTO county_profile VALUES(1,'360824','新干县',replace('{\n "county": {\n  "code": "360824",\n  "name": "新干县"\n },\n "source": {\n  "villages": "liyanjie2048/AdministrativeDivisionCn json/2021/345/345-3608.json (MIT), scraped from 国家统计局 2021年统计用区划代码和城乡划分代码",\n  "townships_crosscheck": "modood/Administrative-divisions-of-China dist/streets.csv (WTFPL), 2023年统计用区划代码 (截止2023-06-30)"\n },\n "dataset_year": 2021,\n "townships": [\n  {\n   "code": "360824001",\n   "name": "洋峰街道",\n   "name_2023": "洋峰街道",\n   "villages": [\n    {\n     "code": "360824001001",\n     "name": "万寿居委会"\n    },\n    {\n     "code": "360824001002",\n     "name": "洋峰居委会"\n    },\n    {\n     "code": "360824001003",\n     "name": "龙峰居委会"\n    },\n    {\n     "code": "360824001004",\n     "name": "花园居委会"\n    },\n    {\n     "code": "360824001005",\n     "name": "熊家岭居委会"\n    }\n   ]\n  },\n  {\n   "code": "360824100",\n   "name": "金川镇",\n   "name_2023": "金川镇",\n   "villages": [\n    {\n     "code": "360824100001",\n     "name": "善政居委会"\n    },\n    {\n     "code": "360824100002",\n     "name": "中山居委会"\n    },\n    {\n     "code": "360824100003",\n     "name": "滨阳居委会"\n    },\n    {\n     "code": "360824100004",\n     "name": "城南居委会"\n    },\n    {\n     "code": "360824100005",\n     "name": "城北居委会"\n    },\n    {\n     "code": "360824100006",\n     "name": "文昌居委会"\n    },\n    {\n     "code": "360824100007",\n     "name": "湄湘居委会"\n    },\n    {\n     "code": "360824100008",\n     "name": "何家山居委会"\n    },\n    {\n     "code": "360824100200",\n     "name": "金川村委会"\n    },\n    {\n     "code": "360824100201",\n     "name": "水磨村委会"\n    },\n    {\n     "code": "360824100202",\n     "name": "灌溪村委会"\n    },\n    {\n     "code": "360824100203",\n     "name": "瓦桥村委会"\n    },\n    {\n     "code": "360824100204",\n     "name": "华城门村委会"\n    },\n    {\n     "code": "360824100205",\n     "name": "庙前村委会"\n    },\n    {\n     "code": "360824100206",\n     "name": "桁桥村委会"\n    },\n    {\n     "code": "360824100207",\n     "name": "长港村委会"\n    },\n    {\n     "code": "360824100208",\n     "name": "十里村委会"\n    },\n    {\n     "code": "360824100209",\n     "name": "路口村委会"\n    },\n    {\n     "code": "360824100210",\n     "name": "文家村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824101",\n   "name": "三湖镇",\n   "name_2023": "三湖镇",\n   "villages": [\n    {\n     "code": "360824101001",\n     "name": "三湖居委会"\n    },\n    {\n     "code": "360824101200",\n     "name": "廖坊村委会"\n    },\n    {\n     "code": "360824101201",\n     "name": "湖坪村委会"\n    },\n    {\n     "code": "360824101202",\n     "name": "街仔上村委会"\n    },\n    {\n     "code": "360824101203",\n     "name": "莲湖村委会"\n    },\n    {\n     "code": "360824101204",\n     "name": "蒋家村委会"\n    },\n    {\n     "code": "360824101205",\n     "name": "山里村委会"\n    },\n    {\n     "code": "360824101206",\n     "name": "厚堎村委会"\n    },\n    {\n     "code": "360824101207",\n     "name": "砚洲村委会"\n    },\n    {\n     "code": "360824101208",\n     "name": "白沙堎村委会"\n    },\n    {\n     "code": "360824101209",\n     "name": "滩头村委会"\n    },\n    {\n     "code": "360824101210",\n     "name": "滨里村委会"\n    },\n    {\n     "code": "360824101211",\n     "name": "白马村委会"\n    },\n    {\n     "code": "360824101212",\n     "name": "上聂村委会"\n    },\n    {\n     "code": "360824101213",\n     "name": "傅堎村委会"\n    },\n    {\n     "code": "360824101214",\n     "name": "曾坊村委会"\n    },\n    {\n     "code": "360824101215",\n     "name": "堎里村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824102",\n   "name": "大洋洲镇",\n   "name_2023": "大洋洲镇",\n   "villages": [\n    {\n     "code": "360824102001",\n     "name": "大洋洲居委会"\n    },\n    {\n     "code": "360824102200",\n     "name": "甘泉村委会"\n    },\n    {\n     "code": "360824102201",\n     "name": "湖头村委会"\n    },\n    {\n     "code": "360824102202",\n     "name": "邓家陂村委会"\n    },\n    {\n     "code": "360824102203",\n     "name": "塘西村委会"\n    },\n    {\n     "code": "360824102204",\n     "name": "夏塘村委会"\n    },\n    {\n     "code": "360824102205",\n     "name": "刘堎村委会"\n    },\n    {\n     "code": "360824102206",\n     "name": "杨家村委会"\n    },\n    {\n     "code": "360824102207",\n     "name": "湖西村委会"\n    },\n    {\n     "code": "360824102208",\n     "name": "谭家坊村委会"\n    },\n    {\n     "code": "360824102209",\n     "name": "新市村委会"\n    },\n    {\n     "code": "360824102210",\n     "name": "程家村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824103",\n   "name": "七琴镇",\n   "name_2023": "七琴镇",\n   "villages": [\n    {\n     "code": "360824103001",\n     "name": "七琴居委会"\n    },\n    {\n     "code": "360824103200",\n     "name": "七琴村委会"\n    },\n    {\n     "code": "360824103201",\n     "name": "金联村委会"\n    },\n    {\n     "code": "360824103202",\n     "name": "钱塘村委会"\n    },\n    {\n     "code": "360824103203",\n     "name": "南边村委会"\n    },\n    {\n     "code": "360824103204",\n     "name": "寨下村委会"\n    },\n    {\n     "code": "360824103205",\n     "name": "秋南村委会"\n    },\n    {\n     "code": "360824103206",\n     "name": "井下村委会"\n    },\n    {\n     "code": "360824103207",\n     "name": "炉村村委会"\n    },\n    {\n     "code": "360824103208",\n     "name": "坪上村委会"\n    },\n    {\n     "code": "360824103209",\n     "name": "沙坑村委会"\n    },\n    {\n     "code": "360824103210",\n     "name": "棠木村委会"\n    },\n    {\n     "code": "360824103211",\n     "name": "龙文村委会"\n    },\n    {\n     "code": "360824103212",\n     "name": "燥石村委会"\n    },\n    {\n     "code": "360824103213",\n     "name": "东郭村委会"\n    },\n    {\n     "code": "360824103214",\n     "name": "城田村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824104",\n   "name": "麦㙦镇",\n   "name_2023": "麦㙦镇",\n   "villages": [\n    {\n     "code": "360824104001",\n     "name": "麦㙦居委会"\n    },\n    {\n     "code": "360824104200",\n     "name": "晓坑村委会"\n    },\n    {\n     "code": "360824104201",\n     "name": "阳团村委会"\n    },\n    {\n     "code": "360824104202",\n     "name": "新街上村委会"\n    },\n    {\n     "code": "360824104203",\n     "name": "上麦斜村委会"\n    },\n    {\n     "code": "360824104204",\n     "name": "上寨村委会"\n    },\n    {\n     "code": "360824104205",\n     "name": "麦斜村委会"\n    },\n    {\n     "code": "360824104206",\n     "name": "城溪村委会"\n    },\n    {\n     "code": "360824104207",\n     "name": "丘田村委会"\n    },\n    {\n     "code": "360824104208",\n     "name": "玉峰村委会"\n    },\n    {\n     "code": "360824104209",\n     "name": "隋岗村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824105",\n   "name": "界埠镇",\n   "name_2023": "界埠镇",\n   "villages": [\n    {\n     "code": "360824105001",\n     "name": "界埠居委会"\n    },\n    {\n     "code": "360824105200",\n     "name": "界埠村委会"\n    },\n    {\n     "code": "360824105201",\n     "name": "坑口村委会"\n    },\n    {\n     "code": "360824105202",\n     "name": "上栗岗村委会"\n    },\n    {\n     "code": "360824105203",\n     "name": "武湖村委会"\n    },\n    {\n     "code": "360824105204",\n     "name": "廖墟村委会"\n    },\n    {\n     "code": "360824105205",\n     "name": "莲塘村委会"\n    },\n    {\n     "code": "360824105206",\n     "name": "田北村委会"\n    },\n    {\n     "code": "360824105207",\n     "name": "上巷村委会"\n    },\n    {\n     "code": "360824105208",\n     "name": "郑家村委会"\n    },\n    {\n     "code": "360824105209",\n     "name": "胡家脑村委会"\n    },\n    {\n     "code": "360824105210",\n     "name": "湖田村委会"\n    },\n    {\n     "code": "360824105211",\n     "name": "长排村委会"\n    },\n    {\n     "code": "360824105212",\n     "name": "田港村委会"\n    },\n    {\n     "code": "360824105213",\n     "name": "洞口村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824106",\n   "name": "溧江镇",\n   "name_2023": "溧江镇",\n   "villages": [\n    {\n     "code": "360824106001",\n     "name": "溧江居委会"\n    },\n    {\n     "code": "360824106200",\n     "name": "唐家村委会"\n    },\n    {\n     "code": "360824106201",\n     "name": "石口村委会"\n    },\n    {\n     "code": "360824106202",\n     "name": "凰山村委会"\n    },\n    {\n     "code": "360824106203",\n     "name": "溪边村委会"\n    },\n    {\n     "code": "360824106204",\n     "name": "桃湾村委会"\n    },\n    {\n     "code": "360824106205",\n     "name": "黎溪村委会"\n    },\n    {\n     "code": "360824106206",\n     "name": "堆背村委会"\n    },\n    {\n     "code": "360824106207",\n     "name": "庄里村委会"\n    },\n    {\n     "code": "360824106208",\n     "name": "沧洲村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824201",\n   "name": "桃溪乡",\n   "name_2023": "桃溪乡",\n   "villages": [\n    {\n     "code": "360824201001",\n     "name": "桃溪居委会"\n    },\n    {\n     "code": "360824201200",\n     "name": "桃溪村委会"\n    },\n    {\n     "code": "360824201201",\n     "name": "城头村委会"\n    },\n    {\n     "code": "360824201202",\n     "name": "板埠村委会"\n    },\n    {\n     "code": "360824201203",\n     "name": "岭背村委会"\n    },\n    {\n     "code": "360824201204",\n     "name": "徐家村委会"\n    },\n    {\n     "code": "360824201205",\n     "name": "横江村委会"\n    },\n    {\n     "code": "360824201206",\n     "name": "黎山村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824202",\n   "name": "城上乡",\n   "name_2023": "城上乡",\n   "villages": [\n    {\n     "code": "360824202001",\n     "name": "城上居委会"\n    },\n    {\n     "code": "360824202200",\n     "name": "城上村委会"\n    },\n    {\n     "code": "360824202201",\n     "name": "山坳村委会"\n    },\n    {\n     "code": "360824202202",\n     "name": "岗上村委会"\n    },\n    {\n     "code": "360824202203",\n     "name": "丰乐村委会"\n    },\n    {\n     "code": "360824202204",\n     "name": "竹溪村委会"\n    },\n    {\n     "code": "360824202205",\n     "name": "大坑村委会"\n    },\n    {\n     "code": "360824202206",\n     "name": "早市村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824203",\n   "name": "潭丘乡",\n   "name_2023": "潭丘乡",\n   "villages": [\n    {\n     "code": "360824203001",\n     "name": "潭丘居委会"\n    },\n    {\n     "code": "360824203200",\n     "name": "潭丘村委会"\n    },\n    {\n     "code": "360824203201",\n     "name": "南山村委会"\n    },\n    {\n     "code": "360824203202",\n     "name": "双溪村委会"\n    },\n    {\n     "code": "360824203205",\n     "name": "蔡家村委会"\n    },\n    {\n     "code": "360824203206",\n     "name": "曾家陂村委会"\n    },\n    {\n     "code": "360824203207",\n     "name": "大塘村委会"\n    },\n    {\n     "code": "360824203208",\n     "name": "庙前村委会"\n    },\n    {\n     "code": "360824203209",\n     "name": "璜陂村委会"\n    },\n    {\n     "code": "360824203210",\n     "name": "中洲村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824204",\n   "name": "神政桥乡",\n   "name_2023": "神政桥乡",\n   "villages": [\n    {\n     "code": "360824204001",\n     "name": "神政桥居委会"\n    },\n    {\n     "code": "360824204200",\n     "name": "桥头村委会"\n    },\n    {\n     "code": "360824204201",\n     "name": "庄上村委会"\n    },\n    {\n     "code": "360824204202",\n     "name": "松溪村委会"\n    },\n    {\n     "code": "360824204203",\n     "name": "湖田村委会"\n    },\n    {\n     "code": "360824204204",\n     "name": "樟树下村委会"\n    },\n    {\n     "code": "360824204205",\n     "name": "玉桥村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824205",\n   "name": "沂江乡",\n   "name_2023": "沂江乡",\n   "villages": [\n    {\n     "code": "360824205001",\n     "name": "沂江居委会"\n    },\n    {\n     "code": "360824205200",\n     "name": "沂江村委会"\n    },\n    {\n     "code": "360824205201",\n     "name": "浒岗村委会"\n    },\n    {\n     "code": "360824205202",\n     "name": "大洲村委会"\n    },\n    {\n     "code": "360824205203",\n     "name": "廖家村委会"\n    },\n    {\n     "code": "360824205204",\n     "name": "跃进村委会"\n    },\n    {\n     "code": "360824205205",\n     "name": "务丰村委会"\n    },\n    {\n     "code": "360824205206",\n     "name": "东湖村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824207",\n   "name": "荷浦乡",\n   "name_2023": "荷浦乡",\n   "villages": [\n    {\n     "code": "360824207001",\n     "name": "荷浦居委会"\n    },\n    {\n     "code": "360824207200",\n     "name": "荷浦村委会"\n    },\n    {\n     "code": "360824207201",\n     "name": "莒洲村委会"\n    },\n    {\n     "code": "360824207202",\n     "name": "南头村委会"\n    },\n    {\n     "code": "360824207203",\n     "name": "巷口村委会"\n    },\n    {\n     "code": "360824207204",\n     "name": "沂上村委会"\n    },\n    {\n     "code": "360824207205",\n     "name": "塘下村委会"\n    },\n    {\n     "code": "360824207206",\n     "name": "堎头村委会"\n    },\n    {\n     "code": "360824207207",\n     "name": "塘边村委会"\n    },\n    {\n     "code": "360824207208",\n     "name": "张坊村委会"\n    },\n    {\n     "code": "360824207209",\n     "name": "玉堆村委会"\n    },\n    {\n     "code": "360824207210",\n     "name": "古巷村委会"\n    },\n    {\n     "code": "360824207211",\n     "name": "侯府村委会"\n    }\n   ]\n  },\n  {\n   "code": "360824404",\n   "name": "新干工业园区",\n   "name_2023": "新干工业园区",\n   "villages": [\n    {\n     "code": "360824404498",\n     "name": "新干工业园区虚拟社区"\n    }\n   ]\n  },\n  {\n   "code": "360824405",\n   "name": "地质大队",\n   "name_2023": "地质大队",\n   "villages": [\n    {\n     "code": "360824405498",\n     "name": "地质大队虚拟社区"\n    }\n   ]\n  },\n  {\n   "code": "360824502",\n   "name": "黎山林场",\n   "name_2023": "黎山林场",\n   "villages": [\n    {\n     "code": "360824502500",\n     "name": "场部生活区"\n    },\n    {\n     "code": "360824502501",\n     "name": "桂川分场生活区"\n    },\n    {\n     "code": "360824502502",\n     "name": "连坑分场生活区"\n    },\n    {\n     "code": "360824502503",\n     "name": "溧源分场生活区"\n    }\n   ]\n  }\n ]\n}','\n',char(10)));
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT,
    records INTEGER,
    detail TEXT
);
CREATE TABLE contract (
    id INTEGER PRIMARY KEY,
    name TEXT,
    operator TEXT,
    signed_on TEXT,
    ends_on TEXT,
    rules TEXT,
    notes TEXT
);
INSERT INTO contract VALUES(1,'新干县就业之家运营服务合同','某人力资源服务有限公司','2025-07-01','2026-06-30','2025年度考核细则','第一个服务年');
CREATE TABLE enterprise (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE,
    credit_code TEXT UNIQUE,
    industry TEXT,
    industrial INTEGER,
    township TEXT,
    address TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    platform_registered_on TEXT,
    authorized_on TEXT,
    wechat_joined_on TEXT,
    demand_ledger_on TEXT,
    staff_count INTEGER,
    staff_surveyed_on TEXT,
    notes TEXT
);
INSERT INTO enterprise VALUES(1,'新干县盐化科技有限公司','91360824MA0000001Q','salt_chemical',1,'360824404','新干工业园区盐化大道1号','李四','13900000001','2025-07-10','2025-07-12','2025-07-15','2025-08-01',320,'2025-09-01','重点企业');
CREATE TABLE staff_survey (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER REFERENCES enterprise(id),
    surveyed_on TEXT,
    staff_count INTEGER,
    general_workers INTEGER,
    skilled_workers INTEGER,
    vacancies INTEGER,
    notes TEXT
);
INSERT INTO staff_survey VALUES(1,1,'2025-09-01',320,250,70,15,'三季度摸排');
CREATE TABLE posting (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER REFERENCES enterprise(id),
    title TEXT,
    description TEXT,
    skills TEXT,
    headcount INTEGER,
    salary_min INTEGER,
    salary_max INTEGER,
    salary_text TEXT,
    age_min INTEGER,
    age_max INTEGER,
    education TEXT,
    township TEXT,
    kind TEXT,
    worker_type TEXT,
    published_on TEXT,
    closed_on TEXT,
    source TEXT,
    external_id TEXT
);
INSERT INTO posting VALUES(1,1,'化工操作工','负责装置巡检与操作，倒班。','化工操作、设备巡检',10,4500,6500,'五险一金',18,45,'senior','360824404','full_time','skilled','2025-08-05','2025-10-05','平台','P-0001');
CREATE TABLE jobseeker (
    id INTEGER PRIMARY KEY,
    name TEXT,
    id_number TEXT,
    phone TEXT,
    labor_id INTEGER REFERENCES labor(id),
    registered_on TEXT,
    wishes TEXT,
    skills TEXT,
    township TEXT,
    salary_wish INTEGER,
    age INTEGER,
    education TEXT,
    resume_on_platform INTEGER,
    in_county INTEGER
);
INSERT INTO jobseeker VALUES(1,'钱七','36082420010601034X','13900000003',1,'2025-09-01','想在县内做电工','电工、焊工','360824100',5000,24,'vocational',1,1);
CREATE TABLE followup (
    id INTEGER PRIMARY KEY,
    jobseeker_id INTEGER REFERENCES jobseeker(id),
    date TEXT,
    kind TEXT,
    outcome TEXT
);
INSERT INTO followup VALUES(1,1,'2025-09-05','phone','推荐了两个岗位');
CREATE TABLE labor (
    id INTEGER PRIMARY KEY,
    id_number TEXT UNIQUE,
    name TEXT,
    gender TEXT,
    birth_date TEXT,
    phone TEXT,
    township TEXT,
    village TEXT,
    education TEXT,
    employment_status TEXT,
    job TEXT,
    employer TEXT,
    skills TEXT,
    needs_job INTEGER,
    needs_entrepreneurship INTEGER,
    needs_training INTEGER,
    key_groups TEXT,
    returnee INTEGER,
    wish_local INTEGER,
    surveyed_on TEXT,
    surveyor TEXT
, entered_on TEXT);
INSERT INTO labor VALUES(1,'362424198803120210','王五','male','1988-03-12','13900000002','360824100','360824100001','junior','employed_county','操作工','新干县盐化科技有限公司','电工',0,0,1,'returnee、rural_migrant',1,1,'2025-08-20','赵六','2025-08-20');
CREATE TABLE labor_change (
    id INTEGER PRIMARY KEY,
    labor_id INTEGER REFERENCES labor(id) ON DELETE CASCADE,
    changed_on TEXT,
    field TEXT,
    old_value TEXT,
    new_value TEXT
);
CREATE TABLE verification (
    id INTEGER PRIMARY KEY,
    labor_id INTEGER REFERENCES labor(id),
    checked_on TEXT,
    accurate INTEGER,
    checker TEXT,
    notes TEXT
);
INSERT INTO verification VALUES(1,1,'2025-10-01',1,'孙八','核实无误');
CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    kind TEXT,
    date TEXT,
    title TEXT,
    township TEXT,
    starts_at TEXT,
    minutes INTEGER,
    jobs_shown INTEGER,
    holiday TEXT,
    views INTEGER,
    count INTEGER,
    level TEXT,
    service_type TEXT,
    person_name TEXT,
    labor_id INTEGER REFERENCES labor(id),
    enterprise_id INTEGER REFERENCES enterprise(id),
    report_kind TEXT,
    period TEXT,
    due_on TEXT,
    done_on TEXT,
    group_kind TEXT,
    members INTEGER,
    board TEXT,
    rank INTEGER,
    success INTEGER,
    channel TEXT,
    notes TEXT
, source TEXT);
INSERT INTO event VALUES(1,'live_show','2025-09-10','金秋直播带岗','360824100','19:30',90,25,'国庆',12000,5,'county','job_recommendation','周九',1,1,'monthly','2025-09','2025-09-15','2025-09-12','jobseeker',480,'gig_board',3,1,'抖音','效果好',NULL);
CREATE TABLE event_enterprise (
    id INTEGER PRIMARY KEY,
    event_id INTEGER REFERENCES event(id) ON DELETE CASCADE,
    enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE CASCADE
);
INSERT INTO event_enterprise VALUES(1,1,1);
CREATE TABLE hire (
    id INTEGER PRIMARY KEY,
    jobseeker_id INTEGER REFERENCES jobseeker(id),
    enterprise_id INTEGER REFERENCES enterprise(id),
    posting_id INTEGER REFERENCES posting(id),
    name TEXT,
    started_on TEXT,
    dispatch INTEGER,
    left_on TEXT,
    checked_on TEXT
);
INSERT INTO hire VALUES(1,1,1,1,'钱七','2025-09-20',0,'2026-03-01','2025-12-20');
CREATE TABLE shortage (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER REFERENCES enterprise(id),
    source TEXT,
    reported_on TEXT,
    shortfall INTEGER,
    measures TEXT,
    resolved_on TEXT
);
INSERT INTO shortage VALUES(1,1,'qinqing_meeting','2025-08-10',30,'专场招聘会','2025-09-30');
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    jobseeker_id INTEGER REFERENCES jobseeker(id),
    date TEXT,
    good INTEGER,
    text TEXT,
    followed_up_on TEXT,
    follow_up_good INTEGER
);
INSERT INTO review VALUES(1,1,'2025-09-25',1,'服务周到','2025-10-25',1);
CREATE TABLE delivery (
    id INTEGER PRIMARY KEY,
    posting_id INTEGER REFERENCES posting(id),
    jobseeker_id INTEGER REFERENCES jobseeker(id),
    delivered_on TEXT,
    viewed_on TEXT
);
INSERT INTO delivery VALUES(1,1,1,'2025-09-02','2025-09-03');
CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    kind TEXT,
    date TEXT,
    description TEXT
);
INSERT INTO incident VALUES(1,'public_opinion','2025-11-01','网络舆情一起，已处置');
CREATE TABLE push (
    id INTEGER PRIMARY KEY,
    jobseeker_id INTEGER REFERENCES jobseeker(id),
    pushed_on TEXT,
    posting_count INTEGER,
    postings TEXT,
    channel TEXT
);
CREATE TABLE override (
    id INTEGER PRIMARY KEY,
    indicator TEXT,
    period_from TEXT,
    period_to TEXT,
    deduction REAL,
    reason TEXT,
    assessor TEXT,
    decided_on TEXT
);
CREATE INDEX contract_signed_on ON contract(signed_on);
CREATE INDEX enterprise_platform_registered_on ON enterprise(platform_registered_on);
CREATE INDEX enterprise_township ON enterprise(township);
CREATE INDEX staff_survey_surveyed_on ON staff_survey(surveyed_on);
CREATE INDEX staff_survey_enterprise_id ON staff_survey(enterprise_id);
CREATE INDEX posting_published_on ON posting(published_on);
CREATE INDEX posting_township ON posting(township);
CREATE INDEX posting_enterprise_id ON posting(enterprise_id);
CREATE INDEX jobseeker_registered_on ON jobseeker(registered_on);
CREATE INDEX jobseeker_township ON jobseeker(township);
CREATE INDEX jobseeker_labor_id ON jobseeker(labor_id);
CREATE INDEX followup_date ON followup(date);
CREATE INDEX followup_jobseeker_id ON followup(jobseeker_id);
CREATE INDEX labor_change_changed_on ON labor_change(changed_on);
CREATE INDEX labor_change_labor_id ON labor_change(labor_id);
CREATE INDEX verification_checked_on ON verification(checked_on);
CREATE INDEX verification_labor_id ON verification(labor_id);
CREATE INDEX event_date ON event(date);
CREATE INDEX event_township ON event(township);
CREATE INDEX event_labor_id ON event(labor_id);
CREATE INDEX event_enterprise_id ON event(enterprise_id);
CREATE INDEX event_enterprise_event_id ON event_enterprise(event_id);
CREATE INDEX event_enterprise_enterprise_id ON event_enterprise(enterprise_id);
CREATE INDEX hire_started_on ON hire(started_on);
CREATE INDEX hire_jobseeker_id ON hire(jobseeker_id);
CREATE INDEX hire_enterprise_id ON hire(enterprise_id);
CREATE INDEX hire_posting_id ON hire(posting_id);
CREATE INDEX shortage_reported_on ON shortage(reported_on);
CREATE INDEX shortage_enterprise_id ON shortage(enterprise_id);
CREATE INDEX review_date ON review(date);
CREATE INDEX review_jobseeker_id ON review(jobseeker_id);
CREATE INDEX delivery_delivered_on ON delivery(delivered_on);
CREATE INDEX delivery_posting_id ON delivery(posting_id);
CREATE INDEX delivery_jobseeker_id ON delivery(jobseeker_id);
CREATE INDEX incident_date ON incident(date);
CREATE INDEX push_pushed_on ON push(pushed_on);
CREATE INDEX push_jobseeker_id ON push(jobseeker_id);
CREATE INDEX override_decided_on ON override(decided_on);
CREATE INDEX labor_entered_birth ON labor(entered_on, birth_date);
CREATE TRIGGER labor_entered_default AFTER INSERT ON labor WHEN new.entered_on IS NULL BEGIN UPDATE labor SET entered_on = new.surveyed_on WHERE id = new.id; END;
CREATE INDEX event_kind_date ON event(kind, date);
CREATE INDEX event_kind_labor ON event(kind, labor_id, service_type, date);
CREATE INDEX followup_jobseeker_date ON followup(jobseeker_id, date);
CREATE INDEX push_jobseeker_date ON push(jobseeker_id, pushed_on, posting_count);
CREATE INDEX jobseeker_registered_resume ON jobseeker(registered_on, in_county, resume_on_platform);
CREATE INDEX posting_published_enterprise ON posting(published_on, enterprise_id, kind);
CREATE INDEX labor_key_group_entered ON labor(entered_on, key_groups) WHERE key_groups IS NOT NULL AND key_groups <> '';
CREATE INDEX labor_return_need_entered ON labor(entered_on, returnee, wish_local, needs_job) WHERE returnee = 1 AND wish_local = 1 AND needs_job = 1;
COMMIT;
PRAGMA application_id = 1246319961;
PRAGMA user_version = 3;
