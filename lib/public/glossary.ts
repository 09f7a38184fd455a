// The glossary of report terms for the public transparency pages: what each word of the
// national tables (../shared/spec/template.md) and of our own figures means, in plain
// simplified Chinese, with its legal basis where there is one. Pure data and pure functions:
// the pages render GLOSSARY in order, link a term with glossaryHref(id) and find the term of a
// printed or UI label with termFor(label).
//
// Legal references are to the 2019 revision of the Regulations (《中华人民共和国政府信息公开条例》,
// 国务院令第711号). Every sentence here was written for this project.

export interface GlossaryTerm {
  /** URL fragment: short, lowercase ASCII, words joined by hyphens */
  id: string;
  /** the term as the national tables (or our UI, for our own figures) print it */
  term: string;
  /** other labels the reports or our UI use for the same idea */
  aliases: readonly string[];
  /** one plain sentence */
  short: string;
  /** one to three more plain sentences: when it applies, what a high number does and does not say */
  detail: string;
  /** the legal basis, when there is one */
  basis?: string;
  /** ids of related terms */
  related: readonly string[];
}

const REGULATIONS = '《中华人民共和国政府信息公开条例》';
const articles = (...items: string[]): string => `${REGULATIONS}${items.join('、')}`;

const TERMS: GlossaryTerm[] = [
  // ---- The two ways information becomes public ----------------------------------------
  {
    id: 'proactive',
    term: '主动公开',
    aliases: ['主动公开信息', '主动公开政府信息', '主动公开政府信息情况', '主动公开（表二）'],
    short: '政府不等别人来问，自己把应当让大家知道的信息发布在网站、公报等地方。',
    detail:
      '条例列出了必须主动发布的内容，比如规章和文件、办事的依据、条件和流程、收费项目和标准、财政预算和决算等，年报的表二统计的就是其中几类。正文里“发布信息多少条”的数字，各地计算方法不一样，有的把转载的稿件和新闻也算进去，所以条数多不等于公开得好。',
    basis: articles('第十九条', '第二十条'),
    related: ['on-request', 'regulation', 'normative-document', 'annual-report'],
  },
  {
    id: 'on-request',
    term: '依申请公开',
    aliases: [
      '依申请',
      '政府信息公开申请',
      '本年新收',
      '本年新收政府信息公开申请',
      '本年新收政府信息公开申请数量',
      '正文所述收到申请',
    ],
    short: '个人或单位向政府提出申请，要求得到某项还没有公开的信息，政府必须按规定给出答复。',
    detail:
      '2019年修订后的条例不再要求申请人证明这项信息和自己的生活、生产有关；政府一般要在收到申请后20个工作日内答复。表三的“本年新收”是当年新收到的申请件数。申请多，可能是当地有争议的事情多，也可能是少数人提交了大量申请，不能直接说明政府公开得不够。',
    basis: articles('第二十七条', '第三十三条'),
    related: ['proactive', 'carried-over', 'granted', 'natural-person', 'organisation'],
  },

  // ---- Table 三: what happened to the applications ------------------------------------
  {
    id: 'carried-over',
    term: '上年结转',
    aliases: ['上年结转申请', '上年结转政府信息公开申请', '上年结转政府信息公开申请数量', '正文所述上年结转申请'],
    short: '上一年收到、到年底还没答复完、留到今年继续办理的申请。',
    detail:
      '年底前收到的申请常常来不及在当年答复，所以有一些结转是正常的。一般来说，今年报告里的“上年结转”应当等于上一年报告里的“结转下年度继续办理”；两者对不上，可能是统计范围变了，也可能是填错了。',
    related: ['carried-forward', 'on-request', 'check'],
  },
  {
    id: 'granted',
    term: '予以公开',
    aliases: ['全部公开'],
    short: '申请人要的信息，政府全部提供了。',
    detail:
      '如果这项信息早已公开，政府告诉申请人去哪里查看，也记在这一项。这一项占的比例高是好迹象，但要和“不予公开”“无法提供”等其他结果放在一起看，因为各地对同类申请的归类并不完全一样。',
    basis: articles('第三十六条'),
    related: ['partial', 'withheld', 'disclosure-rate'],
  },
  {
    id: 'partial',
    term: '部分公开',
    aliases: ['部分公开（区分处理的，只计这一情形，不计其他情形）'],
    short: '申请的信息里有一部分不能公开，政府把能公开的部分提供给申请人，并说明其余部分不提供的理由。',
    detail:
      '比如一份文件里有其他人的身份证号和电话，政府会把这些内容遮盖后再提供。按表格的规定，一件申请只要这样分开处理过，就只记在“部分公开”，不再记到其他结果里。',
    basis: articles('第三十七条'),
    related: ['granted', 'withheld', 'disclosure-rate'],
  },
  {
    id: 'withheld',
    term: '不予公开',
    aliases: [],
    short: '政府手里有申请人要的信息，但依照法律规定决定不提供。',
    detail:
      '表格把理由分成八类：国家秘密；其他法律法规禁止公开；公开后可能危害国家安全、公共安全、经济安全或社会稳定；会损害他人的商业秘密或个人隐私；机关内部的人事、后勤等事务；讨论记录、草稿、请示等还在办理过程中的材料；行政执法的案卷；有专门查询渠道的事项，比如不动产登记资料。这个数字高不一定是有意隐瞒，要看具体是哪一类理由。申请人不服的，可以申请行政复议或者提起行政诉讼。',
    basis: articles('第十四条', '第十五条', '第十六条', '第三十六条'),
    related: ['partial', 'unable', 'review', 'litigation'],
  },
  {
    id: 'unable',
    term: '无法提供',
    aliases: [],
    short: '政府拿不出申请人要的信息，因为它没有这项信息，或者这项信息要重新加工制作才会有。',
    detail:
      '常见的情况有三种：这个机关本来就不掌握这项信息；申请人要的数据需要另外统计、汇总或分析才能得到，而政府没有义务为此制作新的信息；政府请申请人把申请写清楚，补充以后仍然看不明白要什么。这一项多，往往说明申请找错了部门，或者要的是现成没有的东西，不能简单理解为政府拒绝公开。',
    basis: articles('第三十条', '第三十六条', '第三十八条'),
    related: ['withheld', 'not-processed', 'other-handling'],
  },
  {
    id: 'not-processed',
    term: '不予处理',
    aliases: [],
    short: '这件申请其实不是在要信息，或者是重复、过量的申请，政府告诉申请人不按信息公开申请来办。',
    detail:
      '表格列了五种情况：借申请的形式来信访、投诉或举报；同样的内容重复申请；要的是公报、书籍等已经出版的资料，政府告诉去哪里获取；没有正当理由大量、反复申请；要求政府确认或重新出具申请人已经拿到的信息。这个数字有时主要来自一两个人的大量申请，它更多反映的是少数申请人的做法，而不是政府公开得好不好。',
    basis: articles('第三十五条', '第三十六条', '第三十九条'),
    related: ['mass-repeated', 'other-handling', 'unable'],
  },
  {
    id: 'mass-repeated',
    term: '无正当理由大量反复申请',
    aliases: ['大量反复申请', '无正当理由大量、反复申请'],
    short: '有人没有合理理由，提交的申请数量或次数明显超出正常范围，政府可以不予处理。',
    detail:
      '政府可以先请申请人说明理由：理由不成立的，告知不予处理；理由成立但一时办不完的，可以另定一个合理的答复期限。一个地方全年的申请有时大半来自同一个人，这一行很大时，说明的是个别申请人的情况，不宜拿来比较各地政府。',
    basis: articles('第三十五条'),
    related: ['not-processed', 'on-request'],
  },
  {
    id: 'other-handling',
    term: '其他处理',
    aliases: [],
    short: '不属于前面几种结果的其他情况，比如申请人没有按要求补充说明或没有按时交费，政府就不再办理。',
    detail:
      '2019年版表格把这些情况合成一行；2021年版拆成三行：申请人没有正当理由、过了期限不补充说明，申请人没有按收费通知按时交费，以及其他。只有申请的数量或次数明显超出合理范围时政府才可能收费，绝大多数申请是免费的。',
    basis: articles('第三十条', '第四十二条'),
    related: ['not-processed', 'unable', 'template-2019', 'template-2021'],
  },
  {
    id: 'carried-forward',
    term: '结转下年度继续办理',
    aliases: ['尚未办结', '结转下年度', '结转下年'],
    short: '到年底还没有办完、要留到下一年继续办理的申请。',
    detail:
      '政府一般要在收到申请后20个工作日内答复，确有需要可以再延长最多20个工作日，所以年底收到的申请常常跨年。表三的总账是：本年新收加上年结转，等于本年办理结果总计加结转下年度继续办理。这个数字明显偏大时，可能说明申请积压。',
    basis: articles('第三十三条'),
    related: ['carried-over', 'total', 'check'],
  },
  {
    id: 'disclosure-rate',
    term: '公开率',
    aliases: ['予以公开率', '公开率（予以公开与部分公开）'],
    short: '在当年有了办理结果的申请里，政府提供了信息的申请所占的比例。',
    detail:
      '本站的“予以公开率”只算全部公开的申请，“公开率”把部分公开的也算进去，两者都除以表三的办理结果总计；汇总多份报告时，先把件数相加再算比例。这个比例受申请内容影响很大：很多申请找错部门或实为投诉时，比例自然偏低，所以不宜单凭它给政府排名。',
    related: ['granted', 'partial', 'unable', 'not-processed'],
  },

  // ---- Table 三: who applied ----------------------------------------------------------
  {
    id: 'natural-person',
    term: '自然人',
    aliases: ['公民', '个人'],
    short: '以个人身份提出申请的人。',
    detail:
      '多数地方的申请主要来自个人，常常和自己的房屋、土地、社保等切身事情有关。表三把申请人分成自然人和法人或其他组织两大类，后者又细分为五种。',
    related: ['organisation', 'on-request'],
  },
  {
    id: 'organisation',
    term: '法人或其他组织',
    aliases: ['法人或者其他组织', '法人和其他组织'],
    short: '以单位名义提出申请的企业、机构或团体。',
    detail:
      '表三把这类申请人分成商业企业、科研机构、社会公益组织、法律服务机构和其他五列，国家表格里没有单独的小计。本站如果显示这一类的合计，是把这五列相加得到的。',
    related: ['natural-person', 'business', 'research', 'public-interest', 'legal-services', 'other-applicant'],
  },
  {
    id: 'business',
    term: '商业企业',
    aliases: ['企业'],
    short: '以公司、企业名义提出的申请。',
    detail: '企业常为了解审批、招标、行业政策等情况而申请。个别企业集中提交很多申请时，这一列会突然变大。',
    related: ['organisation'],
  },
  {
    id: 'research',
    term: '科研机构',
    aliases: [],
    short: '以高校、研究所等研究单位名义提出的申请。',
    detail: '这一列在多数报告里很小。研究人员用自己的名义申请时，记在自然人一列。',
    related: ['organisation', 'natural-person'],
  },
  {
    id: 'public-interest',
    term: '社会公益组织',
    aliases: ['公益组织'],
    short: '以环保、慈善等不以赚钱为目的的社会团体名义提出的申请。',
    detail: '这类申请通常不多，内容多和环境保护、公共服务等大家共同关心的事情有关。',
    related: ['organisation'],
  },
  {
    id: 'legal-services',
    term: '法律服务机构',
    aliases: ['律师事务所'],
    short: '以律师事务所等提供法律服务的单位名义提出的申请。',
    detail: '律师为办理案件收集材料时，常会用这种方式向政府要信息。',
    related: ['organisation', 'litigation'],
  },
  {
    id: 'other-applicant',
    term: '其他',
    aliases: ['其他组织', '其他申请人'],
    short: '不属于企业、科研机构、公益组织和法律服务机构的其他单位提出的申请，比如村委会、居委会、业主委员会。',
    detail:
      '它是“法人或其他组织”下面的最后一列，不包括个人。表三办理结果里“其他处理”下的“3.其他”是另一回事，指的是办理结果，不是申请人。',
    related: ['organisation', 'other-handling'],
  },
  {
    id: 'total',
    term: '总计',
    aliases: ['合计', '办理结果总计', '本年度办理结果总计'],
    short: '同一行或同一列里各项数字加起来的总数。',
    detail:
      '表三的“总计”一列等于六类申请人相加，“（七）总计”一行等于各种办理结果相加；表四每一组的“总计”等于维持、纠正、其他结果和尚未审结相加。加起来对不上时，本站标为核对未通过，但照原样保留报告印出的数字。',
    related: ['check', 'carried-forward'],
  },

  // ---- Table 四: appeals -------------------------------------------------------------
  {
    id: 'review',
    term: '行政复议',
    aliases: ['复议', '行政复议总计', '政府信息公开行政复议'],
    short: '申请人不服政府机关的答复，请上级政府重新审查并作出决定，这叫行政复议。',
    detail:
      '复议不用上法院，通常比打官司快，也不用交诉讼费。表四统计的是因信息公开工作被申请复议的案件，按维持、纠正、其他结果和尚未审结分开记数。案件多说明有争议的答复多，也可能来自少数人的反复申请，被纠正的比例更能说明问题。',
    basis: articles('第五十一条'),
    related: ['litigation', 'upheld', 'corrected', 'other-result', 'pending', 'correction-rate'],
  },
  {
    id: 'litigation',
    term: '行政诉讼',
    aliases: [
      '诉讼',
      '行政诉讼总计',
      '政府信息公开行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
      '行政诉讼·未经复议直接起诉',
      '行政诉讼·复议后起诉',
    ],
    short: '申请人认为政府机关在信息公开上做错了，到法院起诉这个机关，由法院来判断谁对谁错。',
    detail:
      '表四把诉讼分成两组：没有经过复议、直接去法院起诉的，以及复议之后仍不满意再起诉的。两组都按维持、纠正、其他结果和尚未审结分开记数，本站的“行政诉讼总计”是两组的总计相加。',
    basis: articles('第五十一条'),
    related: ['review', 'upheld', 'corrected', 'other-result', 'pending', 'correction-rate'],
  },
  {
    id: 'upheld',
    term: '维持',
    aliases: ['结果维持'],
    short: '复议机关或法院审查后，认为政府机关的做法没有问题，支持了原来的答复。',
    detail: '维持多，说明引起争议的答复大多经得起审查。评价一个地方，还要同时看案件总数和被纠正的比例。',
    related: ['corrected', 'other-result', 'review', 'litigation'],
  },
  {
    id: 'corrected',
    term: '纠正',
    aliases: ['结果纠正', '行政复议结果纠正', '行政诉讼结果纠正'],
    short: '复议机关或法院认为政府机关的做法有错，要求改正，比如取消原来的答复、要求重新答复，或者认定原来的做法违法。',
    detail:
      '这是衡量信息公开答复质量最直接的数字之一。比较时最好用纠正的件数除以已经有结果的案件数，也就是本站的“纠错率”；案件很少时，多一件少一件就会让比例大起大落。',
    related: ['correction-rate', 'upheld', 'review', 'litigation'],
  },
  {
    id: 'other-result',
    term: '其他结果',
    aliases: [],
    short: '既不是维持也不是纠正的结果，比如申请人主动撤回、双方和解，或者案件因不符合法定条件被驳回、终止。',
    detail: '它不说明政府做得对或错，只说明这件案子没有对此作出判断。计算纠错率时，本站把它算在已经有结果的案件里。',
    related: ['upheld', 'corrected', 'correction-rate'],
  },
  {
    id: 'pending',
    term: '尚未审结',
    aliases: [],
    short: '到年底复议机关或法院还没有作出决定的案件。',
    detail:
      '这些案件的结果要以后才知道，计算纠错率时本站不把它们算进去。不要和表三的“结转下年度继续办理”混淆：那是还没答复的申请，这里是还没有结论的复议或诉讼案件。',
    related: ['review', 'litigation', 'carried-forward', 'correction-rate'],
  },
  {
    id: 'correction-rate',
    term: '纠错率',
    aliases: ['行政复议纠错率', '行政诉讼纠错率', '行政复议纠错率（已审结）', '行政诉讼纠错率（已审结）', '纠错率（已审结）'],
    short: '已经有结果的复议或诉讼案件中，政府机关的做法被纠正的案件所占的比例。',
    detail:
      '本站用纠正的件数除以维持、纠正和其他结果三项之和，尚未审结的案件不算在内。汇总多份报告时，先把件数相加再算比例，不把各份报告的比例直接平均。案件只有几件时比例很容易大起大落，看的时候要结合件数。',
    related: ['corrected', 'upheld', 'other-result', 'pending'],
  },

  // ---- Figures from the report's text -------------------------------------------------
  {
    id: 'hotline',
    term: '政务热线',
    aliases: [
      '热线',
      '12345',
      '12345热线',
      '12345政务服务便民热线',
      '政务服务便民热线',
      '政务服务热线',
      '市长热线',
      '县长热线',
      '热线受理',
    ],
    short: '群众打电话向政府反映问题、咨询或求助的号码，多数地方统一用12345。',
    detail:
      '热线的数字写在报告正文里，不在国家统一的表格中，各地的写法和算法差别很大，有的写来电次数，有的写受理件数。来电多通常说明群众愿意用这个渠道，不能直接当作问题多或工作好的证据。',
    related: ['resolved-rate', 'satisfaction-rate', 'mailbox'],
  },
  {
    id: 'resolved-rate',
    term: '办结率',
    aliases: ['热线办结率', '信箱办结率'],
    short: '收到的来电或来信中，已经办理完毕的所占的比例。',
    detail:
      '这个比例是各地在报告正文里自己报的，什么算“办结”由各地自己掌握，很少有外部核实。报告同时写明受理和办结的件数时，本站用件数重新计算，汇总多份报告时也是先把件数相加再算比例。',
    related: ['hotline', 'mailbox', 'satisfaction-rate'],
  },
  {
    id: 'satisfaction-rate',
    term: '满意率',
    aliases: ['热线满意率', '信箱满意率', '满意度'],
    short: '事情办完后回访群众时，表示满意的人所占的比例。',
    detail: '满意率由各地自己调查、自己报告，问法和调查方法都不统一。报告里常见接近100%的数字，所以很难用它区分各地的好坏。',
    related: ['hotline', 'mailbox', 'resolved-rate'],
  },
  {
    id: 'mailbox',
    term: '领导信箱',
    aliases: ['政府信箱', '信箱', '县长信箱', '市长信箱', '区长信箱', '局长信箱', '书记信箱', '信箱收信'],
    short: '政府网站上让群众给领导或机关写信留言的网上信箱，比如“县长信箱”“市长信箱”。',
    detail:
      '和热线一样，信箱的数字只写在报告正文里，各地统计的是来信封数、件数还是留言条数并不统一。这些来信一般是反映问题和建议，不是信息公开申请，不记在表三里。',
    related: ['hotline', 'resolved-rate', 'satisfaction-rate'],
  },

  // ---- Table 二: what was proactively disclosed --------------------------------------
  {
    id: 'regulation',
    term: '规章',
    aliases: [],
    short: '国务院各部委以及省级和地级市人民政府按照法定程序制定的规定，大家都要遵守。',
    detail:
      '县、乡政府和地方政府的部门不能制定规章，所以它们报告里的这一行通常是0。2019年版表格记的是对外公开的累计总数，2021年版记的是仍然有效的件数，两者不能直接比较。',
    basis: `${REGULATIONS}第二十条第（一）项`,
    related: ['normative-document', 'proactive', 'template-2019', 'template-2021'],
  },
  {
    id: 'normative-document',
    term: '规范性文件',
    aliases: ['行政规范性文件'],
    short: '政府机关正式发出、对不特定的群众和企业都适用、可以反复使用的文件，它不是法律，也不是规章。',
    detail:
      '比如某地关于补贴怎么发、某项收费怎么管理的办法或通知。2021年版表格改称“行政规范性文件”，统计本年制发、本年废止和现行有效的件数；2019年版统计新制作、新公开和对外公开总数，两种数字不能直接比较。',
    basis: `${REGULATIONS}第二十条第（一）项`,
    related: ['regulation', 'proactive', 'template-2019', 'template-2021'],
  },
  {
    id: 'licensing',
    term: '行政许可',
    aliases: ['行政许可处理决定'],
    short: '个人或企业做某些事之前要先经过政府审查同意，比如开餐馆要办食品经营许可。',
    detail:
      '表二记的是当年作出的许可决定件数，2019年版还记许可事项的个数及增减。这个数字随地方大小和统计范围变化很大，一年之间相差好几倍也不少见，它反映的是办事的多少，而不是公开得好不好。',
    basis: `${REGULATIONS}第二十条第（五）项`,
    related: ['penalty', 'coercion', 'proactive'],
  },
  {
    id: 'penalty',
    term: '行政处罚',
    aliases: ['行政处罚处理决定'],
    short: '政府机关对违反管理规定的个人或企业给予的惩罚，比如警告、罚款、没收违法所得、吊销执照。',
    detail:
      '表二记的是当年作出的处罚决定件数，大量交通违法等小额处罚也可能算在里面，所以数字常常很大。处罚多不一定说明违法多，也可能是执法更严或统计范围更宽。',
    basis: `${REGULATIONS}第二十条第（六）项`,
    related: ['coercion', 'licensing', 'proactive'],
  },
  {
    id: 'coercion',
    term: '行政强制',
    aliases: ['行政强制处理决定'],
    short: '政府机关为了制止违法，或者让不肯照办的人按决定去做，依法采取的强制手段，比如查封场所、扣押财物、冻结存款，或者强制拆除违法建筑。',
    detail: '表二记的是当年作出的强制决定件数。和行政处罚一样，它的多少主要取决于执法的工作量和统计范围。',
    basis: `${REGULATIONS}第二十条第（六）项`,
    related: ['penalty', 'licensing', 'proactive'],
  },
  {
    id: 'fees',
    term: '行政事业性收费',
    aliases: [],
    short: '政府机关和有关单位在办理某些事务时，依照规定向个人或企业收取的费用，比如证件工本费。',
    detail:
      '2019年版表格统计收费项目的个数和增减，2021年版统计全年收费金额（万元），两者单位不同，不能放在一起比较。它和信息公开申请可能收取的“信息处理费”是两回事，后者在报告第六部分另行说明，单位通常是元。',
    basis: `${REGULATIONS}第二十条第（八）项`,
    related: ['template-2019', 'template-2021', 'proactive', 'other-handling'],
  },

  // ---- The report, its table versions and our checks ----------------------------------
  {
    id: 'annual-report',
    term: '政府信息公开工作年度报告',
    aliases: ['年度报告', '年报'],
    short: '各级政府和政府部门每年公布的一份报告，说明上一年主动公开了什么、收到和处理了多少申请、因此被复议和起诉了多少次。',
    detail:
      '县级以上政府部门要在每年1月31日前公布自己的报告，县级以上地方政府的报告要在3月31日前公布。报告有全国统一的格式，其中三张统计表最重要：表二是主动公开，表三是依申请公开，表四是行政复议和行政诉讼。',
    basis: articles('第四十九条', '第五十条'),
    related: ['proactive', 'on-request', 'review', 'template-2019', 'template-2021', 'check'],
  },
  {
    id: 'template-2019',
    term: '2019年版格式',
    aliases: ['2019年版', '2019版', '2019年版表格'],
    short: '全国统一年报表格的第一版，用于2019年和2020年的年度报告。',
    detail:
      '这一版的表二给规章和规范性文件记新制作、新公开和对外公开总数，给许可、处罚、强制和收费记事项个数及增减，还有政府集中采购一栏；表三的“其他处理”只有一行。少数地方在2021年以后仍用这一版，本站按表格本身的样子判断版本，不看年份。',
    basis: '国办公开办函〔2019〕60号',
    related: ['template-2021', 'template-pre2019', 'fees', 'other-handling'],
  },
  {
    id: 'template-2021',
    term: '2021年版格式',
    aliases: ['2021年版', '2021版', '2021年版表格'],
    short: '全国统一年报表格的修订版，从2021年的年度报告开始使用。',
    detail:
      '和2019年版相比，表二改记行政规范性文件的本年制发、废止和现行有效件数，许可、处罚和强制只记当年处理决定数，收费改记金额（万元），并去掉了政府集中采购和其他对外管理服务事项。表三的“其他处理”拆成三行，“不予处理”的五行没有变化，表四两版完全相同。定义变了的数字，本站不把两个版本混在一起计算。',
    basis: '国办公开办函〔2021〕30号',
    related: ['template-2019', 'fees', 'other-handling', 'normative-document'],
  },
  {
    id: 'template-pre2019',
    term: '2019年以前格式',
    aliases: ['2019年以前'],
    short: '全国统一表格出台之前的旧写法，少数地方在2020年、2021年的报告里还在用。',
    detail: '这种报告一般分为七个部分，统计表的行和列与国家格式不同，本站不按国家格式提取其中的表格数字。',
    related: ['template-2019', 'template-2021'],
  },
  {
    id: 'check',
    term: '核对',
    aliases: ['核对未通过', '核对通过', '勾稽关系', '硬性核对', '参考核对', '参考核对未通过'],
    short: '本站检查报告里的数字能不能互相对上，比如表三的本年新收加上年结转，是否等于办理结果总计加结转下年度继续办理。',
    detail:
      '年报表格本身规定了几组必须成立的等式，比如表三每一行六类申请人相加等于总计，表四每组的维持、纠正、其他结果和尚未审结相加等于总计。“核对未通过”是说报告印出来的数字加起来对不上，本站照原样保留这些数字、不作修改，只把它们标出来，也不拿来排名。“参考核对”只是提醒，比如正文和表格说的数字不一样，可能只是两处统计的范围不同。',
    related: ['total', 'carried-forward', 'carried-over', 'annual-report'],
  },
];

/** Every term, in reading order for a newcomer. */
export const GLOSSARY: readonly GlossaryTerm[] = Object.freeze(
  TERMS.map((t) => Object.freeze({ ...t, aliases: Object.freeze([...t.aliases]), related: Object.freeze([...t.related]) })),
);

export function glossaryHref(id: string): string {
  return `/public/glossary#${id}`;
}

const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));

export function termById(id: string): GlossaryTerm | undefined {
  return BY_ID.get(id);
}

// ---- Label lookup -------------------------------------------------------------------------

/** Width-folded (NFKC: （ → (, full-width digits) with all whitespace and wrapping quotes removed. */
function key(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/gu, '');
}

// Numbering the tables print before a label, after key(): 一、 (a table-三 row), (三) (an
// outcome group), 4. or 4、 (a leaf row).
const SECTION_NUMBER = /^[一二三四五六七八九十]+、/u;
const GROUP_NUMBER = /^\([一二三四五六七八九十]+\)/u;
const LEAF_NUMBER = /^\d+[.、．]/u;

/** Labels too generic to identify once numbering is removed: 3.其他 is a cause of 其他处理, not the applicant column. */
const BARE_ONLY = new Set(['其他']);

const BY_LABEL = new Map<string, GlossaryTerm>();
for (const t of GLOSSARY) {
  for (const label of [t.term, ...t.aliases]) {
    const k = key(label);
    const other = BY_LABEL.get(k);
    if (other && other !== t) throw new Error(`glossary label ${label} belongs to both ${other.id} and ${t.id}`);
    BY_LABEL.set(k, t);
  }
}

/**
 * The term of a printed or UI label: an exact match of the term or an alias, after trimming and
 * after removing the table's numbering (（三）不予公开, 四、结转下年度继续办理, （五）4.…). Never a
 * substring match: 不予纠正 has no term although 纠正 has one.
 */
export function termFor(label: string): GlossaryTerm | undefined {
  const whole = key(label);
  if (whole === '') return undefined;
  const exact = BY_LABEL.get(whole);
  if (exact) return exact;
  let rest = whole.replace(SECTION_NUMBER, '');
  rest = rest.replace(GROUP_NUMBER, '');
  rest = rest.replace(LEAF_NUMBER, '');
  if (rest === whole || rest === '' || BARE_ONLY.has(rest)) return undefined;
  return BY_LABEL.get(rest);
}
