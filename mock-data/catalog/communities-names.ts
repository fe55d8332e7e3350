/**
 * The vocabulary of the simulated community names: road and place names of each
 * district (real names of Zhengzhou streets, towns and urban villages, from general
 * knowledge), work units whose staff housing gave old compounds their names, and the
 * words developers and resettlement projects use. Every token carries its pinyin (one
 * syllable per character, a unit test checks it), so the generator computes the pinyin
 * initials for search and an English (pinyin) name for the English UI.
 *
 * The names are generated combinations in the style of real ones
 * (纬五路12号院, 电业局家属院, 锦绣花园, 陈寨新村 …); any match with a real estate is chance.
 */

/** [chinese, pinyin syllables separated by spaces, optional English override] */
export type Token = readonly [zh: string, py: string, en?: string];

/** Road suffixes: Chinese, pinyin, English. Longest first. */
export const ROAD_SUFFIXES: readonly Token[] = [
  ['大道', 'da dao', 'Avenue'],
  ['大街', 'da jie', 'Street'],
  ['东路', 'dong lu', 'East Road'],
  ['西路', 'xi lu', 'West Road'],
  ['南路', 'nan lu', 'South Road'],
  ['北路', 'bei lu', 'North Road'],
  ['中路', 'zhong lu', 'Middle Road'],
  ['路', 'lu', 'Road'],
  ['街', 'jie', 'Street'],
];

export interface DistrictVocab {
  /** roads: [zh, pinyin of the part before the suffix, English override] */
  roads: Token[];
  /** urban villages, towns and places (resettlement estates are named after them) */
  places: Token[];
  /** share of each naming template (see communities.ts) */
  mix: { numbered: number; staff: number; estate: number; village: number; roadEstate: number };
}

const URBAN = { numbered: 0.22, staff: 0.2, estate: 0.3, village: 0.1, roadEstate: 0.18 };
const NEW_TOWN = { numbered: 0.04, staff: 0.03, estate: 0.55, village: 0.16, roadEstate: 0.22 };
const COUNTY = { numbered: 0.1, staff: 0.24, estate: 0.28, village: 0.26, roadEstate: 0.12 };

export const VOCAB: Record<string, DistrictVocab> = {
  // 金水区
  '410105': {
    roads: [
      ['花园路', 'hua yuan'], ['农业路', 'nong ye'], ['纬五路', 'wei wu'], ['经三路', 'jing san'], ['东风路', 'dong feng'],
      ['丰产路', 'feng chan'], ['黄河路', 'huang he'], ['文化路', 'wen hua'], ['红专路', 'hong zhuan'], ['政七街', 'zheng qi'],
      ['南阳路', 'nan yang'], ['国基路', 'guo ji'], ['金水路', 'jin shui'], ['纬三路', 'wei san'], ['经八路', 'jing ba'],
    ],
    places: [['陈寨', 'chen zhai'], ['燕庄', 'yan zhuang'], ['刘庄', 'liu zhuang'], ['杨君刘', 'yang jun liu'], ['庙李', 'miao li'], ['姚砦', 'yao zhai'], ['张家村', 'zhang jia cun']],
    mix: URBAN,
  },
  // 二七区
  '410103': {
    roads: [
      ['大学路', 'da xue'], ['长江路', 'chang jiang'], ['航海中路', 'hang hai'], ['嵩山南路', 'song shan'], ['京广路', 'jing guang'],
      ['政通路', 'zheng tong'], ['兴华街', 'xing hua'], ['福华街', 'fu hua'], ['淮河路', 'huai he'], ['铭功路', 'ming gong'],
      ['连云路', 'lian yun'], ['大学南路', 'da xue'], ['交通路', 'jiao tong'], ['漓江路', 'li jiang'],
    ],
    places: [['侯寨', 'hou zhai'], ['马寨', 'ma zhai'], ['齐礼阎', 'qi li yan'], ['王垌', 'wang dong'], ['樱桃沟', 'ying tao gou'], ['刘胡垌', 'liu hu dong']],
    mix: URBAN,
  },
  // 中原区
  '410102': {
    roads: [
      ['建设路', 'jian she'], ['中原路', 'zhong yuan'], ['桐柏路', 'tong bai'], ['伏牛路', 'fu niu'], ['棉纺路', 'mian fang'],
      ['秦岭路', 'qin ling'], ['华山路', 'hua shan'], ['工人路', 'gong ren'], ['互助路', 'hu zhu'], ['陇海西路', 'long hai'],
      ['汝河路', 'ru he'], ['须水路', 'xu shui'], ['百花路', 'bai hua'], ['友爱路', 'you ai'],
    ],
    places: [['须水', 'xu shui'], ['石佛', 'shi fo'], ['冉屯', 'ran tun'], ['西流湖', 'xi liu hu'], ['孙庄', 'sun zhuang'], ['柳湖', 'liu hu']],
    mix: URBAN,
  },
  // 管城回族区
  '410104': {
    roads: [
      ['紫荆山路', 'zi jing shan'], ['城东路', 'cheng dong'], ['商城路', 'shang cheng'], ['东大街', 'dong', 'Dong Street'], ['南关街', 'nan guan'],
      ['书院街', 'shu yuan'], ['郑汴路', 'zheng bian'], ['货站街', 'huo zhan'], ['航海东路', 'hang hai'], ['陇海东路', 'long hai'],
      ['布厂街', 'bu chang'], ['城南路', 'cheng nan'], ['港湾路', 'gang wan'],
    ],
    places: [['十八里河', 'shi ba li he'], ['南曹', 'nan cao'], ['小李庄', 'xiao li zhuang'], ['二里岗', 'er li gang'], ['圃田', 'pu tian'], ['回民', 'hui min']],
    mix: URBAN,
  },
  // 惠济区
  '410108': {
    roads: [
      ['天河路', 'tian he'], ['江山路', 'jiang shan'], ['开元路', 'kai yuan'], ['英才街', 'ying cai'], ['长兴路', 'chang xing'],
      ['迎宾路', 'ying bin'], ['文化北路', 'wen hua'], ['银河路', 'yin he'], ['新城路', 'xin cheng'], ['清华园路', 'qing hua yuan'],
    ],
    places: [['老鸦陈', 'lao ya chen'], ['花园口', 'hua yuan kou'], ['古荥', 'gu xing'], ['大河村', 'da he cun'], ['刘寨', 'liu zhai'], ['毛庄', 'mao zhuang']],
    mix: URBAN,
  },
  // 郑东新区
  ZD: {
    roads: [
      ['金水东路', 'jin shui'], ['农业东路', 'nong ye'], ['商都路', 'shang du'], ['心怡路', 'xin yi'], ['众意路', 'zhong yi'],
      ['民生路', 'min sheng'], ['平安大道', 'ping an'], ['黄河东路', 'huang he'], ['普惠路', 'pu hui'], ['博学路', 'bo xue'],
      ['如意东路', 'ru yi'], ['龙湖中环路', 'long hu zhong huan'],
    ],
    places: [['祭城', 'zhai cheng'], ['杨桥', 'yang qiao'], ['龙子湖', 'long zi hu'], ['白沙', 'bai sha'], ['圃田', 'pu tian'], ['姚桥', 'yao qiao']],
    mix: NEW_TOWN,
  },
  // 郑州经济技术开发区
  JK: {
    roads: [
      ['第八大街', 'di ba', '8th Street'], ['经南五路', 'jing nan wu'], ['朝凤路', 'chao feng'], ['经北一路', 'jing bei yi'],
      ['第九大街', 'di jiu', '9th Street'], ['宇工路', 'yu gong'], ['航海东路', 'hang hai'], ['经开第十五大街', 'jing kai di shi wu', 'ETDZ 15th Street'],
    ],
    places: [['潮河', 'chao he'], ['九龙', 'jiu long'], ['前程', 'qian cheng'], ['明湖', 'ming hu'], ['京航', 'jing hang']],
    mix: NEW_TOWN,
  },
  // 郑州高新技术产业开发区
  GX: {
    roads: [
      ['科学大道', 'ke xue'], ['长椿路', 'chang chun'], ['翠竹街', 'cui zhu'], ['莲花街', 'lian hua'], ['雪松路', 'xue song'],
      ['银屏路', 'yin ping'], ['冬青街', 'dong qing'], ['红松路', 'hong song'], ['瑞达路', 'rui da'], ['枫杨街', 'feng yang'],
    ],
    places: [['沟赵', 'gou zhao'], ['双桥', 'shuang qiao'], ['石佛', 'shi fo'], ['枫杨', 'feng yang'], ['西史赵', 'xi shi zhao']],
    mix: NEW_TOWN,
  },
  // 郑州航空港经济综合实验区
  HKG: {
    roads: [
      ['新港大道', 'xin gang'], ['郑港四路', 'zheng gang si'], ['迎宾大道', 'ying bin'], ['航兴路', 'hang xing'], ['华夏大道', 'hua xia'],
      ['鄱阳湖路', 'po yang hu'], ['云端路', 'yun duan'], ['雁鸣路', 'yan ming'],
    ],
    places: [['八千', 'ba qian'], ['张庄', 'zhang zhuang'], ['三官庙', 'san guan miao'], ['龙王', 'long wang'], ['冯堂', 'feng tang'], ['岗李', 'gang li']],
    mix: NEW_TOWN,
  },
  // 上街区
  '410106': {
    roads: [['中心路', 'zhong xin'], ['济源路', 'ji yuan'], ['工业路', 'gong ye'], ['新安路', 'xin an'], ['淮阳路', 'huai yang'], ['登封路', 'deng feng'], ['许昌路', 'xu chang']],
    places: [['峡窝', 'xia wo'], ['峡窝镇', 'xia wo zhen'], ['马固', 'ma gu'], ['方顶', 'fang ding']],
    mix: COUNTY,
  },
  // 中牟县
  '410122': {
    roads: [['青年路', 'qing nian'], ['官渡大道', 'guan du'], ['牟州大道', 'mou zhou'], ['建设北路', 'jian she'], ['商都大道', 'shang du'], ['广惠街', 'guang hui'], ['清源路', 'qing yuan']],
    places: [['白沙', 'bai sha'], ['官渡', 'guan du'], ['刘集', 'liu ji'], ['大孟', 'da meng'], ['韩寺', 'han si'], ['雁鸣湖', 'yan ming hu'], ['狼城岗', 'lang cheng gang']],
    mix: COUNTY,
  },
  // 巩义市
  '410181': {
    roads: [['杜甫路', 'du fu'], ['新兴路', 'xin xing'], ['紫荆路', 'zi jing'], ['人民路', 'ren min'], ['桐本路', 'tong ben'], ['嵩山路', 'song shan'], ['永安路', 'yong an']],
    places: [['孝义', 'xiao yi'], ['回郭镇', 'hui guo zhen'], ['米河', 'mi he'], ['竹林', 'zhu lin'], ['站街', 'zhan jie'], ['小关', 'xiao guan']],
    mix: COUNTY,
  },
  // 荥阳市
  '410182': {
    roads: [['索河路', 'suo he'], ['郑上路', 'zheng shang'], ['京城路', 'jing cheng'], ['演武路', 'yan wu'], ['织机路', 'zhi ji'], ['万山路', 'wan shan'], ['塔山路', 'ta shan']],
    places: [['索河', 'suo he'], ['豫龙', 'yu long'], ['广武', 'guang wu'], ['王村', 'wang cun'], ['高村', 'gao cun'], ['乔楼', 'qiao lou']],
    mix: COUNTY,
  },
  // 新密市
  '410183': {
    roads: [['青屏大街', 'qing ping'], ['开阳路', 'kai yang'], ['长乐路', 'chang le'], ['溱水路', 'zhen shui'], ['西大街', 'xi', 'Xi Street'], ['嵩山大道', 'song shan'], ['金凤路', 'jin feng']],
    places: [['青屏', 'qing ping'], ['曲梁', 'qu liang'], ['超化', 'chao hua'], ['米村', 'mi cun'], ['牛店', 'niu dian'], ['来集', 'lai ji']],
    mix: COUNTY,
  },
  // 新郑市
  '410184': {
    roads: [['轩辕路', 'xuan yuan'], ['人民路', 'ren min'], ['中华路', 'zhong hua'], ['郑韩路', 'zheng han'], ['解放路', 'jie fang'], ['新华路', 'xin hua'], ['金城路', 'jin cheng'], ['黄帝大道', 'huang di']],
    places: [['龙湖', 'long hu'], ['薛店', 'xue dian'], ['孟庄', 'meng zhuang'], ['辛店', 'xin dian'], ['和庄', 'he zhuang'], ['梨河', 'li he']],
    mix: COUNTY,
  },
  // 登封市
  '410185': {
    roads: [['少林大道', 'shao lin'], ['中岳大街', 'zhong yue'], ['嵩阳路', 'song yang'], ['崇高路', 'chong gao'], ['大禹路', 'da yu'], ['书院河路', 'shu yuan he'], ['颍河路', 'ying he']],
    places: [['嵩阳', 'song yang'], ['少林', 'shao lin'], ['告成', 'gao cheng'], ['大金店', 'da jin dian'], ['卢店', 'lu dian'], ['唐庄', 'tang zhuang']],
    mix: COUNTY,
  },
};

/** Work units whose staff housing (家属院) named many old compounds. */
export const UNITS: readonly Token[] = [
  ['电业局', 'dian ye ju', 'Power Bureau'], ['铁路局', 'tie lu ju', 'Railway Bureau'], ['邮电局', 'you dian ju', 'Post and Telecom Bureau'],
  ['国棉厂', 'guo mian chang', 'State Cotton Mill'], ['烟厂', 'yan chang', 'Tobacco Factory'], ['水利局', 'shui li ju', 'Water Resources Bureau'],
  ['建设局', 'jian she ju', 'Construction Bureau'], ['粮食局', 'liang shi ju', 'Grain Bureau'], ['交通局', 'jiao tong ju', 'Transport Bureau'],
  ['税务局', 'shui wu ju', 'Tax Bureau'], ['人民医院', 'ren min yi yuan', "People's Hospital"], ['第一中学', 'di yi zhong xue', 'No. 1 Middle School'],
  ['师范学院', 'shi fan xue yuan', 'Normal College'], ['机械厂', 'ji xie chang', 'Machinery Works'], ['纺织厂', 'fang zhi chang', 'Textile Mill'],
  ['化肥厂', 'hua fei chang', 'Fertiliser Plant'], ['电缆厂', 'dian lan chang', 'Cable Works'], ['供销社', 'gong xiao she', 'Supply Cooperative'],
  ['农机厂', 'nong ji chang', 'Farm Machinery Plant'], ['气象局', 'qi xiang ju', 'Meteorological Bureau'], ['地质队', 'di zhi dui', 'Geological Team'],
  ['公安局', 'gong an ju', 'Public Security Bureau'], ['教育局', 'jiao yu ju', 'Education Bureau'], ['卫生局', 'wei sheng ju', 'Health Bureau'],
  ['商业局', 'shang ye ju', 'Commerce Bureau'], ['物资局', 'wu zi ju', 'Materials Bureau'], ['煤矿', 'mei kuang', 'Coal Mine'],
  ['铝厂', 'lv chang', 'Aluminium Plant'], ['水泥厂', 'shui ni chang', 'Cement Works'], ['面粉厂', 'mian fen chang', 'Flour Mill'],
  ['汽车站', 'qi che zhan', 'Bus Station'], ['电信局', 'dian xin ju', 'Telecom Bureau'], ['自来水公司', 'zi lai shui gong si', 'Waterworks'],
];

/** Words of developers' estate names. */
export const ESTATE_WORDS: readonly Token[] = [
  ['锦绣', 'jin xiu'], ['阳光', 'yang guang'], ['幸福', 'xing fu'], ['和谐', 'he xie'], ['丽景', 'li jing'], ['盛世', 'sheng shi'],
  ['东方', 'dong fang'], ['翠竹', 'cui zhu'], ['金色', 'jin se'], ['书香', 'shu xiang'], ['泰和', 'tai he'], ['瑞祥', 'rui xiang'],
  ['康宁', 'kang ning'], ['怡景', 'yi jing'], ['绿城', 'lv cheng'], ['美景', 'mei jing'], ['天明', 'tian ming'], ['民安', 'min an'],
  ['永安', 'yong an'], ['兴华', 'xing hua'], ['凤凰', 'feng huang'], ['紫荆', 'zi jing'], ['银河', 'yin he'], ['百合', 'bai he'],
  ['春晖', 'chun hui'], ['朝阳', 'zhao yang'], ['御景', 'yu jing'], ['世纪', 'shi ji'], ['文华', 'wen hua'], ['金域', 'jin yu'],
  ['明珠', 'ming zhu'], ['博雅', 'bo ya'], ['恒丰', 'heng feng'], ['鸿福', 'hong fu'], ['丰泽', 'feng ze'], ['嘉禾', 'jia he'],
  ['翰林', 'han lin'], ['水岸', 'shui an'], ['香山', 'xiang shan'], ['亚星', 'ya xing'], ['华城', 'hua cheng'], ['名门', 'ming men'],
  ['清华', 'qing hua'], ['海棠', 'hai tang'], ['桂园', 'gui yuan'], ['祥和', 'xiang he'], ['天伦', 'tian lun'], ['未来', 'wei lai'],
  ['中央', 'zhong yang'], ['新天地', 'xin tian di'], ['东润', 'dong run'], ['郑和', 'zheng he'], ['正大', 'zheng da'], ['富田', 'fu tian'],
];

/** Styles of estates: Chinese, pinyin, English. */
export const ESTATE_STYLES: readonly Token[] = [
  ['花园', 'hua yuan', 'Garden'], ['苑', 'yuan', 'Court'], ['小区', 'xiao qu', 'Estate'], ['家园', 'jia yuan', 'Homes'],
  ['新城', 'xin cheng', 'New Town'], ['公寓', 'gong yu', 'Apartments'], ['雅居', 'ya ju', 'Residence'], ['华府', 'hua fu', 'Mansions'],
  ['名苑', 'ming yuan', 'Court'], ['佳园', 'jia yuan', 'Gardens'], ['城', 'cheng', 'City'], ['湾', 'wan', 'Bay'],
];

/** Resettlement and village-style suffixes. */
export const VILLAGE_STYLES: readonly Token[] = [
  ['新村', 'xin cun', 'New Village'], ['社区', 'she qu', 'Community'], ['安置小区', 'an zhi xiao qu', 'Resettlement Estate'], ['家园', 'jia yuan', 'Homes'],
  ['新苑', 'xin yuan', 'New Court'], ['小区', 'xiao qu', 'Estate'],
];

/** Qualifiers that tell apart estates of the same name (phases, parts). */
export const QUALIFIERS: readonly Token[] = [
  ['二期', 'er qi', 'Phase II'], ['东区', 'dong qu', 'East'], ['西区', 'xi qu', 'West'], ['南区', 'nan qu', 'South'], ['北区', 'bei qu', 'North'],
  ['三期', 'san qi', 'Phase III'], ['一期', 'yi qi', 'Phase I'], ['A区', 'A qu', 'Block A'], ['B区', 'B qu', 'Block B'], ['四期', 'si qi', 'Phase IV'],
  ['C区', 'C qu', 'Block C'], ['五期', 'wu qi', 'Phase V'], ['D区', 'D qu', 'Block D'], ['六期', 'liu qi', 'Phase VI'],
];

/** Qualifiers of staff-housing compounds (yards). */
export const STAFF_QUALIFIERS: readonly Token[] = [
  ['东院', 'dong yuan', 'East Yard'], ['西院', 'xi yuan', 'West Yard'], ['南院', 'nan yuan', 'South Yard'], ['北院', 'bei yuan', 'North Yard'],
  ['新院', 'xin yuan', 'New Yard'], ['老院', 'lao yuan', 'Old Yard'], ['一号院', 'yi hao yuan', 'Yard 1'], ['二号院', 'er hao yuan', 'Yard 2'],
  ['三号院', 'san hao yuan', 'Yard 3'], ['四号院', 'si hao yuan', 'Yard 4'],
];
