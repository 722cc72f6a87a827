#!/usr/bin/env python3
"""Regenerate the generated HTML fixtures next to this script, with their NAME.expect.json.

Deterministic: running it twice produces byte-identical output. Every sentence is invented.

Files written (the other fixtures in this folder are hand-written and left alone):
  zh-gb2312-gbk.html      labelled <meta charset="gb2312">, bytes are GBK, body holds GBK-only
                          characters (镕 啰 埇 are not in GB2312)
  zh-gbk-unlabelled.html  GBK bytes, no charset anywhere (no meta, no BOM)
  zh-latin1-gbk.html      labelled iso-8859-1, bytes are GBK
  zh-hant-big5.html       Traditional Chinese, labelled big5, Big5 bytes
  ja-shift-jis.html       labelled with <meta http-equiv="Content-Type" ... charset=Shift_JIS>;
                          bytes are Windows-31J (the WHATWG "Shift_JIS"), with ① in the body
                          and half-width katakana in the chrome
  ko-euc-kr.html          labelled euc-kr; bytes are windows-949 (the WHATWG "EUC-KR"), with
                          one syllable (똠) that plain KS X 1001 lacks
  zh-singlefile-big.html  a SingleFile page with about 300 KB of inlined base64 PNG data
                          (valid PNGs whose pixels come from a seeded PRNG)
  zh-column.mhtml         a Chrome "Save as MHTML" file: quoted-printable HTML part (CRLF,
                          soft line breaks), a base64 PNG part and a CSS part
"""
import base64
import json
import random
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_expect(name, expect):
    text = json.dumps(expect, ensure_ascii=False, indent=2) + "\n"
    (HERE / f"{name}.expect.json").write_text(text, encoding="utf-8")


def write_page(name, html, encoding, expect):
    data = html.encode(encoding)
    # Every character must survive the round trip (no '?' replacements).
    assert data.decode(encoding) == html, name
    (HERE / name).write_bytes(data)
    write_expect(Path(name).stem, expect)


def png(width, height, seed):
    """A valid RGB PNG whose pixels are noise from a seeded PRNG (so it barely compresses)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(height):
        rows.append(b"\x00" + bytes(rng.getrandbits(8) for _ in range(width * 3)))
    raw = b"".join(rows)

    def chunk(kind, payload):
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def data_uri(payload, mime="image/png"):
    return f"data:{mime};base64," + base64.b64encode(payload).decode("ascii")


# ---------------------------------------------------------------------------
# zh-gb2312-gbk.html: labelled gb2312, GBK bytes, GBK-only characters in the body

GBK_ONLY_SENTENCE = ("家住埇口村的老人说，过去去镇上要走两个多钟头的山路，如今骑电动车二十分钟就到；"
                     "村口那块刻着“镕金”二字的老石碑也被重新立了起来，大家再也不用啰嗦着给外人指路了。")

GB2312_PAGE = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
<head>
<meta charset="gb2312" />
<title>山区十八个行政村通上硬化路，村民赶集不再“绕远路”_南岭在线</title>
<meta name="keywords" content="村道,硬化路,乡村振兴,南岭" />
<meta name="description" content="南岭县十八个行政村的通村公路全部完成硬化，山区村民出行时间大幅缩短。" />
<meta property="article:published_time" content="2024-04-09T15:32:10+08:00" />
<link rel="canonical" href="http://news.nanling.example.cn/2024/0409/15/JK2Q81PA.html" />
<link href="http://img.nanling.example.cn/css/article2019.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">
var _hmt = _hmt || [];
/* 温馨提示：请使用新版浏览器访问本站，以获得更好的阅读体验。 */
</script>
</head>
<body>
<div class="top-bar"><a href="http://www.nanling.example.cn/">南岭在线首页</a> | <a href="http://news.nanling.example.cn/">新闻</a> | <a href="http://bbs.nanling.example.cn/">论坛</a> | <a href="http://www.nanling.example.cn/wap/">手机版</a></div>
<div class="site-header">
  <a class="logo" href="http://www.nanling.example.cn/"><img src="http://img.nanling.example.cn/logo.gif" alt="南岭在线" /></a>
  <ul class="nav">
    <li><a href="http://news.nanling.example.cn/local/">本地</a></li>
    <li><a href="http://news.nanling.example.cn/china/">国内</a></li>
    <li><a href="http://news.nanling.example.cn/photo/">图片</a></li>
    <li><a href="http://news.nanling.example.cn/special/">专题</a></li>
  </ul>
</div>
<div class="breadcrumb">当前位置：<a href="http://www.nanling.example.cn/">首页</a> &gt; <a href="http://news.nanling.example.cn/local/">本地新闻</a> &gt; 正文</div>
<div class="post_content_main" id="epContentLeft">
  <h1>山区十八个行政村通上硬化路，村民赶集不再“绕远路”</h1>
  <div class="post_time_source">2024-04-09 15:32:10　来源: <a href="http://www.nanlingribao.example.cn/">南岭日报</a></div>
  <div class="post_text" id="endText">
    <p>记者从南岭县交通运输局获悉，随着最后一段盘山路面在上周完成浇筑，全县十八个偏远行政村的通村公路已经全部实现硬化，总里程约一百二十六公里。</p>
    <p>这些村庄大多分布在海拔八百米以上的山腰，过去只有一条坑洼不平的土路与外界相连。一到雨季，路面泥泞湿滑，载货的三轮车经常陷在半路，村民只能肩挑背扛，把竹笋和茶叶运下山。</p>
    <p>{GBK_ONLY_SENTENCE}</p>
    <p>县交通运输局相关负责人介绍，此次工程采用“先通后好”的办法，优先解决有无问题，再逐步拓宽急弯路段、增设防护栏。下一步，还将在沿线设置十二个候车亭，争取让客运班车开进每一个村。</p>
    <p>村民们则有更实际的打算。种了二十多年茶的老杨说，路通了以后，收茶的货车可以直接开到家门口，“今年的春茶，价钱能多卖两三成”。</p>
  </div>
  <div class="ep-source">责任编辑：陈晓雯_NN1024</div>
  <div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</div>
<div class="sidebar">
  <h3>本地热点</h3>
  <ul>
    <li><a href="http://news.nanling.example.cn/2024/0408/09/JK1A.html">县城新建两座停车楼即将投用</a></li>
    <li><a href="http://news.nanling.example.cn/2024/0407/18/JK0B.html">春茶开采，茶农忙着抢晴天</a></li>
  </ul>
</div>
<div class="footer">关于我们 | 联系方式 | 版权声明<br />南岭在线 版权所有 未经授权禁止复制或建立镜像</div>
</body>
</html>
"""

GB2312_EXPECT = {
    "title": "山区十八个行政村通上硬化路，村民赶集不再“绕远路”",
    "date": "2024-04-09",
    "lang": "zh-CN",
    "source": "http://news.nanling.example.cn/2024/0409/15/JK2Q81PA.html",
    "bodyFirst": "记者从南岭县交通运输局获悉",
    "bodyLast": "“今年的春茶，价钱能多卖两三成”。",
    "bodyIncludes": [GBK_ONLY_SENTENCE, "“先通后好”"],
    "absentFromBody": ["南岭在线首页", "手机版", "当前位置", "来源:", "责任编辑", "分享到", "本地热点",
                       "县城新建两座停车楼", "版权所有", "温馨提示"],
    "links": [],
}

# ---------------------------------------------------------------------------
# zh-gbk-unlabelled.html: GBK bytes, no charset declared anywhere

UNLABELLED_PAGE = """<html>
<head>
<title>油菜花开的时候_青禾的博客_拾光博客</title>
<meta name="keywords" content="油菜花,踏青,骑行" />
<meta name="author" content="青禾" />
<link rel="stylesheet" href="http://blog.shiguang.example.cn/css/blog.css" type="text/css" />
</head>
<body>
<div id="blognavBg"><div id="blognav"><a href="http://blog.shiguang.example.cn/">拾光博客首页</a> <a href="http://blog.shiguang.example.cn/reg">注册</a> <a href="http://blog.shiguang.example.cn/login">登录</a> <a href="http://blog.shiguang.example.cn/hot">热门博文</a></div></div>
<div id="column_1" class="blog-header"><h1 class="blogtitle"><a href="http://blog.shiguang.example.cn/qinghe">青禾的博客</a></h1><div class="blog-desc">骑一辆旧自行车，看慢慢变化的乡下</div></div>
<div class="layout">
  <div class="main">
    <div class="articalTitle">
      <h2 class="titName">油菜花开的时候</h2>
      <span class="time">(2024-03-24 20:15:36)</span>
      <span class="tags">标签：<a href="http://blog.shiguang.example.cn/tag/踏青">踏青</a> <a href="http://blog.shiguang.example.cn/tag/骑行">骑行</a></span>
    </div>
    <div class="articalContent" id="sina_keyword_ad_area2">
      <p>每年三月下旬，城南的那片丘陵就会变成金黄色。今年花开得比往年早了几天，周六一早，我骑上那辆用了十年的自行车，沿着河堤往南出发。</p>
      <p>出城大约十五公里，路两边的田地就渐渐被油菜花占满了。风一吹，花浪从坡顶一直翻到坡底，空气里全是甜丝丝的味道。田埂上已经有不少拿着相机的人，还有几个小朋友在花丛里捉蜜蜂，被家长一把拉了回去。</p>
      <p>中午在村口的小饭馆吃了一碗腊肉炒饭。老板娘说，这几年来看花的人越来越多，村里索性把几块地连在一起种，还修了一条木头栈道，“以前哪有人专门来看这个，不就是榨油的嘛”。</p>
      <p>下午的阳光更好，我在一块坡地上坐了很久，什么也没做，就看着蜜蜂在花上忙来忙去。回程的时候腿有点酸，但心里觉得这一天过得很值。</p>
      <p>如果你也想去，建议早上九点以前到，人少，光线也柔和。记得带一顶帽子，花田里几乎没有遮阴的地方。</p>
    </div>
    <div class="articalfrontback"><span>前一篇：<a href="http://blog.shiguang.example.cn/qinghe/a/2024-03-10.html">给旧车换了一副新刹车</a></span> <span>后一篇：<a href="http://blog.shiguang.example.cn/qinghe/a/2024-04-02.html">清明前后的竹林</a></span></div>
    <div class="comments" id="comments">
      <h3>评论</h3>
      <div class="comment"><b>老猫</b>：照片里那条栈道是新修的吧？去年去还没有。</div>
      <div class="comment"><b>小满</b>：下周末也打算去，谢谢博主的建议！</div>
    </div>
  </div>
  <div class="sidebar">
    <div class="widget"><h3>个人资料</h3><p>青禾，一个喜欢骑车的中学老师。</p></div>
    <div class="widget"><h3>博文分类</h3><ul><li><a href="http://blog.shiguang.example.cn/qinghe/c/1">骑行日记(38)</a></li><li><a href="http://blog.shiguang.example.cn/qinghe/c/2">家常菜(12)</a></li></ul></div>
  </div>
</div>
<div class="footer">拾光博客 意见反馈 帮助中心 &copy; 2024</div>
</body>
</html>
"""

UNLABELLED_EXPECT = {
    "title": "油菜花开的时候",
    "author": "青禾",
    "bodyFirst": "每年三月下旬，城南的那片丘陵就会变成金黄色。",
    "bodyLast": "记得带一顶帽子，花田里几乎没有遮阴的地方。",
    "bodyIncludes": ["“以前哪有人专门来看这个，不就是榨油的嘛”", "中午在村口的小饭馆吃了一碗腊肉炒饭。"],
    "absentFromBody": ["拾光博客首页", "热门博文", "骑一辆旧自行车", "标签：", "前一篇", "给旧车换了一副新刹车",
                       "照片里那条栈道是新修的吧", "个人资料", "骑行日记", "意见反馈"],
    "links": [],
}

# ---------------------------------------------------------------------------
# zh-latin1-gbk.html: labelled iso-8859-1 (wrong), GBK bytes

LATIN1_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>青石数据发布离线地图导航套件2.0 - 新闻中心 - 青石数据</title>
<meta name="description" content="青石数据今天发布离线地图导航套件2.0，新增步行与骑行离线路线规划。">
<meta property="og:title" content="青石数据发布离线地图导航套件2.0">
<meta property="og:site_name" content="青石数据">
<link rel="canonical" href="https://www.qingshidata.example.com/news/2024/offline-nav-2">
<link rel="stylesheet" href="https://www.qingshidata.example.com/static/css/site.css">
</head>
<body>
<div class="site-header">
  <a href="https://www.qingshidata.example.com/" class="logo">青石数据</a>
  <ul class="nav"><li><a href="https://www.qingshidata.example.com/products/">产品</a></li><li><a href="https://www.qingshidata.example.com/solutions/">解决方案</a></li><li><a href="https://www.qingshidata.example.com/news/">新闻中心</a></li><li><a href="https://www.qingshidata.example.com/about/">关于我们</a></li><li><a href="https://www.qingshidata.example.com/contact/">联系我们</a></li></ul>
  <a class="btn" href="https://www.qingshidata.example.com/trial/">免费试用</a>
</div>
<div class="breadcrumb">首页 / 新闻中心 / 公司动态</div>
<div class="container">
  <div class="news-detail">
    <h1 class="news-title">青石数据发布离线地图导航套件2.0</h1>
    <div class="news-meta">发布时间：<time datetime="2024-06-18">2024-06-18</time>　浏览次数：2318</div>
    <div class="news-content">
      <p>6月18日，青石数据正式发布离线地图导航套件2.0版本。新版本在原有驾车导航的基础上，新增了步行与骑行两种离线路线规划模式，面向户外运动、物流配送和应急救援等网络信号不稳定的使用场景。</p>
      <p>与上一版本相比，2.0版本的离线数据包体积缩小了约百分之四十，一个省级行政区的完整数据包可以控制在三百兆字节以内。套件同时提供了新的增量更新机制，开发者只需下载发生变化的区域，无需每次重新下载完整数据。</p>
      <p>在性能方面，新版本的路线规划引擎针对山区道路做了专门优化。内部测试显示，在包含大量盘山公路的区域，平均规划时间由原来的一点二秒缩短到零点四秒。</p>
      <p>青石数据产品负责人表示，很多用户真正需要导航的时候，恰恰是在没有网络的地方，“我们希望离线导航不再是在线导航的缩水版”。</p>
      <p>离线地图导航套件2.0即日起向现有客户免费升级，新用户可通过官网申请三十天试用。更多技术细节请参阅<a href="https://developer.qingshidata.example.com/docs/offline-nav/2.0/">开发者文档</a>。</p>
    </div>
    <div class="news-nav"><p>上一篇：<a href="https://www.qingshidata.example.com/news/2024/partner-day">青石数据合作伙伴大会在杭州举行</a></p><p>下一篇：<a href="https://www.qingshidata.example.com/news/2024/award">青石数据获评年度地理信息创新企业</a></p></div>
  </div>
  <div class="sidebar">
    <div class="widget"><h3>热门新闻</h3><ul><li><a href="https://www.qingshidata.example.com/news/2024/hiring">2024年校园招聘正式启动</a></li></ul></div>
    <div class="widget contact"><h3>销售咨询</h3><p>电话：400-000-0000</p></div>
  </div>
</div>
<div class="footer">Copyright &copy; 2024 青石数据科技有限公司　浙ICP备00000000号</div>
</body>
</html>
"""

LATIN1_EXPECT = {
    "title": "青石数据发布离线地图导航套件2.0",
    "date": "2024-06-18",
    "site": "青石数据",
    "source": "https://www.qingshidata.example.com/news/2024/offline-nav-2",
    "bodyFirst": "6月18日，青石数据正式发布离线地图导航套件2.0版本。",
    "bodyLast": "更多技术细节请参阅开发者文档。",
    "bodyIncludes": ["平均规划时间由原来的一点二秒缩短到零点四秒", "“我们希望离线导航不再是在线导航的缩水版”"],
    "absentFromBody": ["解决方案", "免费试用", "公司动态", "浏览次数", "上一篇", "合作伙伴大会", "热门新闻",
                       "销售咨询", "浙ICP备"],
    "links": ["https://developer.qingshidata.example.com/docs/offline-nav/2.0/"],
}

# ---------------------------------------------------------------------------
# zh-hant-big5.html: Traditional Chinese in Big5

BIG5_PAGE = """<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="big5">
<title>老戲院變身社區食堂　每週三晚上開伙 | 山海日報</title>
<meta name="description" content="停業二十年的老戲院，重新整理後成為社區共餐食堂。">
<meta property="og:title" content="老戲院變身社區食堂　每週三晚上開伙">
<meta property="og:site_name" content="山海日報">
<meta property="og:url" content="https://news.shanhai.example.tw/local/20240515/2219034">
<meta name="author" content="林怡君">
<link rel="canonical" href="https://news.shanhai.example.tw/local/20240515/2219034">
</head>
<body>
<div class="site-header">
  <a class="logo" href="https://news.shanhai.example.tw/">山海日報</a>
  <ul class="nav"><li><a href="https://news.shanhai.example.tw/politics">政治</a></li><li><a href="https://news.shanhai.example.tw/local">地方</a></li><li><a href="https://news.shanhai.example.tw/life">生活</a></li><li><a href="https://news.shanhai.example.tw/world">國際</a></li></ul>
  <a class="subscribe" href="https://news.shanhai.example.tw/subscribe">訂閱電子報</a>
</div>
<div class="breadcrumb"><a href="https://news.shanhai.example.tw/">首頁</a> &gt; <a href="https://news.shanhai.example.tw/local">地方</a></div>
<div class="main">
  <div class="article">
    <h1>老戲院變身社區食堂　每週三晚上開伙</h1>
    <div class="article-info"><span class="reporter">記者林怡君／報導</span> <time datetime="2024-05-15T18:40:00+08:00">2024/05/15 18:40</time></div>
    <div class="share-bar">分享：<a href="#">Facebook</a> <a href="#">LINE</a> <a href="#">複製連結</a></div>
    <div class="story-body">
      <p>鎮上停業二十年的老戲院，最近重新亮起了燈。不過這次不是放電影，而是變成了社區食堂，每週三晚上由志工輪流掌廚，讓獨居長輩和附近的學生都能坐下來吃一頓熱騰騰的晚餐。</p>
      <p>戲院的舞台保留了下來，觀眾席則拆掉了一半，擺上十二張長桌。牆上還掛著當年的電影海報，不少長輩一邊吃飯，一邊指著海報聊起年輕時看戲的往事。</p>
      <p>發起人之一的退休廚師陳先生說，食堂的菜色以家常菜為主，一餐三菜一湯，長輩和學生只收五十元，其他人則可以自由捐款。「重點不是吃什麼，而是大家願意坐在一起。」</p>
      <p>目前食堂的食材大多來自附近農友捐贈，人手則靠三十多位志工支撐。主辦單位表示，希望明年能增加到每週兩個晚上，並在暑假期間開放學生來廚房幫忙。</p>
    </div>
  </div>
  <div class="sidebar">
    <h3>熱門新聞</h3>
    <ul><li><a href="https://news.shanhai.example.tw/local/20240514/2218801">颱風季前，縣府加強清理排水溝</a></li><li><a href="https://news.shanhai.example.tw/life/20240514/2218790">夜市新規定：攤位全面禁用塑膠袋</a></li></ul>
  </div>
</div>
<div class="footer">山海日報　版權所有　轉載請註明出處</div>
</body>
</html>
"""

BIG5_EXPECT = {
    "title": "老戲院變身社區食堂　每週三晚上開伙",
    "author": "林怡君",
    "date": "2024-05-15",
    "site": "山海日報",
    "lang": "zh-Hant-TW",
    "source": "https://news.shanhai.example.tw/local/20240515/2219034",
    "bodyFirst": "鎮上停業二十年的老戲院，最近重新亮起了燈。",
    "bodyLast": "並在暑假期間開放學生來廚房幫忙。",
    "bodyIncludes": ["「重點不是吃什麼，而是大家願意坐在一起。」", "牆上還掛著當年的電影海報"],
    "absentFromBody": ["訂閱電子報", "國際", "記者林怡君／報導", "複製連結", "熱門新聞", "颱風季前", "轉載請註明出處"],
    "links": [],
}

# ---------------------------------------------------------------------------
# ja-shift-jis.html: an old table-layout personal site in Shift_JIS (Windows-31J)

SJIS_PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<meta http-equiv="Content-Style-Type" content="text/css">
<meta name="author" content="木村ゆうじ">
<title>押し入れの鉄道模型、三年目の冬 - ちいさな車庫</title>
<link rel="stylesheet" href="style.css" type="text/css">
</head>
<body bgcolor="#fdfbf5">
<table width="760" border="0" cellpadding="0" cellspacing="0" align="center" class="site-header">
<tr><td><a href="index.html"><img src="img/title.gif" alt="ちいさな車庫" width="760" height="80" border="0"></a></td></tr>
<tr><td class="nav" align="center"><a href="index.html">トップ</a> | <a href="diary.html">工作日記</a> | <a href="gallery.html">写真館</a> | <a href="link.html">リンク</a> | <a href="bbs/">掲示板</a></td></tr>
</table>
<table width="760" border="0" cellpadding="8" cellspacing="0" align="center">
<tr>
<td width="160" valign="top" class="menu sidebar">
<p><b>メニュー</b></p>
<p><a href="diary.html">工作日記</a><br><a href="layout.html">レイアウト紹介</a><br><a href="parts.html">パーツ購入記</a><br><a href="profile.html">管理人について</a></p>
<p class="counter">ｱｸｾｽｶｳﾝﾀｰ<br><img src="cgi-bin/count.cgi" alt="012345"></p>
<p class="update">最終更新 2024/01/20</p>
</td>
<td valign="top" class="main">
<h2>押し入れの鉄道模型、三年目の冬</h2>
<p class="date">2024年1月20日（土）</p>
<p>押し入れの上の段に作りはじめた小さな鉄道模型のレイアウトも、この冬で三年目になりました。幅九十センチ、奥行き四十五センチという限られた広さですが、山と川と小さな駅がひととおりそろい、ようやく「風景」と呼べるものになってきた気がします。</p>
<p>今年の冬休みは、ずっと先延ばしにしていた作業にとりかかりました。やることは次の三つです。</p>
<p>① 山の斜面に雪を積もらせる<br>② 駅のホームに屋根をつける<br>③ 踏切の警報灯を点滅させる</p>
<p>雪は、白い石膏の粉をうすく溶いたものを筆で少しずつのせていきました。一度にたくさんのせると、どうしても作りもの感が出てしまうので、三晩かけて何度も重ねています。乾いてから少し削ると、日かげにだけ雪が残っているように見えて、思った以上にそれらしくなりました。</p>
<p>ホームの屋根は、厚紙とプラ板の組み合わせです。柱の間かくを実物の写真と見くらべながら決めたので、ここだけで一週間かかりました。警報灯のほうは電子工作の本を読みながら挑戦しましたが、まだ片方しか光りません。これは春までの宿題にします。</p>
<p>次は、川に水を流しているように見せる方法を研究するつもりです。うまくいったら、またこのページで報告します。</p>
<hr size="1" noshade>
<p class="footer-note"><a href="diary.html">工作日記の一覧にもどる</a></p>
</td>
</tr>
</table>
<table width="760" border="0" align="center" class="footer"><tr><td align="center"><small>Copyright (C) 2021-2024 ちいさな車庫 All Rights Reserved. 無断転載はご遠慮ください。</small></td></tr></table>
</body>
</html>
"""

SJIS_EXPECT = {
    "title": "押し入れの鉄道模型、三年目の冬",
    "author": "木村ゆうじ",
    "lang": "ja",
    "bodyFirst": "押し入れの上の段に作りはじめた小さな鉄道模型のレイアウトも",
    "bodyLast": "うまくいったら、またこのページで報告します。",
    "bodyIncludes": ["① 山の斜面に雪を積もらせる", "③ 踏切の警報灯を点滅させる",
                     "日かげにだけ雪が残っているように見えて"],
    "absentFromBody": ["工作日記", "写真館", "掲示板", "メニュー", "パーツ購入記", "ｱｸｾｽｶｳﾝﾀｰ", "最終更新",
                       "2024年1月20日（土）", "一覧にもどる", "無断転載はご遠慮ください"],
    "links": [],
}

# Characters whose Shift_JIS mapping differs between decoders (WAVE DASH and friends): keep them out.
SJIS_AMBIGUOUS = "～〜−－‖∥￢¬—―¢£￠￡＼"

# ---------------------------------------------------------------------------
# ko-euc-kr.html: an old community board post, EUC-KR label, windows-949 bytes

UHC_SENTENCE = "동네 어르신들은 그 주막 주인을 ‘똠방 아저씨’라고 불렀는데, 지금은 그 아들이 같은 자리에서 국밥을 팔고 있었습니다."

EUCKR_PAGE = f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="euc-kr">
<title>[후기] 둘레길 3코스 걷고 왔습니다 - 주말걷기 동호회</title>
<meta name="description" content="둘레길 3코스 후기, 마을 국밥집 이야기">
<link rel="stylesheet" href="http://walkclub.example.co.kr/css/board.css" type="text/css">
</head>
<body>
<div class="site-header"><a href="http://walkclub.example.co.kr/"><img src="http://walkclub.example.co.kr/img/logo.gif" alt="주말걷기 동호회"></a>
<div class="nav"><a href="http://walkclub.example.co.kr/bbs/notice">공지사항</a> | <a href="http://walkclub.example.co.kr/bbs/review">걷기후기</a> | <a href="http://walkclub.example.co.kr/bbs/free">자유게시판</a> | <a href="http://walkclub.example.co.kr/bbs/photo">사진첩</a> | <a href="http://walkclub.example.co.kr/member/login">로그인</a></div></div>
<div class="container">
<div class="board-view">
  <h1 class="view-title">[후기] 둘레길 3코스 걷고 왔습니다</h1>
  <div class="view-info"><span class="writer">글쓴이 : <b>바람길</b></span> <span class="date">2024-05-06 21:14</span> <span class="hit">조회 : 342</span></div>
  <div class="view-content" id="bo_v_con">
    <p>지난 토요일에 회원 다섯 명이 함께 둘레길 3코스를 걷고 왔습니다. 아침 여덟 시에 마을 회관 앞에서 모여 출발했고, 중간에 점심을 먹고 오후 네 시쯤 종점에 도착했습니다.</p>
    <p>초반 오르막이 생각보다 길어서 다들 조금 힘들어했지만, 고개를 넘고 나니 계곡을 따라 평탄한 길이 이어져서 걷기가 아주 좋았습니다. 길가에 산딸기가 익어 가고 있어서 몇 번이나 멈춰 서서 구경했습니다.</p>
    <p>점심은 코스 중간에 있는 작은 마을 국밥집에서 먹었습니다. {UHC_SENTENCE}</p>
    <p>다음 달에는 4코스를 걸을 예정입니다. 참가하실 분은 공지사항 게시판에 댓글로 신청해 주세요.</p>
  </div>
  <div class="view-btns"><a href="http://walkclub.example.co.kr/bbs/review">목록</a> <a href="http://walkclub.example.co.kr/bbs/review/write">글쓰기</a> <a href="#">추천 12</a></div>
</div>
<div class="comments" id="comments">
  <h3>댓글 2</h3>
  <div class="cmt"><b>산노을</b> 국밥집 아직도 있군요! 저도 작년에 들렀었어요.</div>
  <div class="cmt"><b>느린걸음</b> 4코스 신청합니다~</div>
</div>
<div class="sidebar"><h3>최근 게시물</h3><ul><li><a href="http://walkclub.example.co.kr/bbs/review/1188">우중 산행 준비물 정리</a></li><li><a href="http://walkclub.example.co.kr/bbs/free/5520">등산화 밑창 교체해 보신 분?</a></li></ul></div>
</div>
<div class="footer">주말걷기 동호회 | 운영자 메일 : admin@walkclub.example.co.kr</div>
</body>
</html>
"""

EUCKR_EXPECT = {
    "title": "[후기] 둘레길 3코스 걷고 왔습니다",
    "lang": "ko",
    "bodyFirst": "지난 토요일에 회원 다섯 명이 함께 둘레길 3코스를 걷고 왔습니다.",
    "bodyLast": "참가하실 분은 공지사항 게시판에 댓글로 신청해 주세요.",
    "bodyIncludes": [UHC_SENTENCE, "길가에 산딸기가 익어 가고 있어서"],
    "absentFromBody": ["자유게시판", "사진첩", "글쓴이", "조회 : 342", "글쓰기", "추천 12", "국밥집 아직도 있군요",
                       "4코스 신청합니다", "최근 게시물", "우중 산행 준비물", "운영자 메일"],
    "links": [],
}

# ---------------------------------------------------------------------------
# zh-singlefile-big.html: a SingleFile page, everything inlined, ~300 KB of base64 PNG data

SF_URL = "https://www.shanyezazhi.example.cn/travel/2024/meadow-sunrise.html"

SF_IMAGES = [
    ("草甸上成片的帐篷，远处是被晨光染红的雪山", "凌晨五点的营地，东边的山脊刚刚亮起来。", 158, 158, 11),
    ("一位牧民赶着牦牛群走过结霜的草地", "放牧的人比看日出的人起得更早。", 158, 158, 12),
    ("太阳从两座山峰之间升起，草甸上的积水反着金光", "日出只持续了不到十分钟。", 158, 158, 13),
]


def singlefile_page():
    logo = data_uri(png(24, 24, 3))
    font = data_uri(bytes(random.Random(5).getrandbits(8) for _ in range(600)), "font/woff2")
    figs = []
    for alt, caption, w, h, seed in SF_IMAGES:
        figs.append(f'<figure class="article-figure"><img src="{data_uri(png(w, h, seed))}" alt="{alt}" '
                    f'width="1200" height="800" loading="lazy"><figcaption>{caption}</figcaption></figure>')
    fig1, fig2, fig3 = figs
    return f"""<!DOCTYPE html> <html lang="zh-CN"><!--
 Page saved with SingleFile 
 url: {SF_URL} 
 saved date: Sat Oct 05 2024 10:11:12 GMT+0000 (Coordinated Universal Time)
--><head><meta charset="utf-8">
<title>在海拔三千米的草甸上等一场日出 | 山野杂志</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="author" content="顾一舟">
<meta name="description" content="为了看一场日出，我们在草甸上扎营，凌晨四点就被冻醒。">
<meta property="og:title" content="在海拔三千米的草甸上等一场日出">
<meta property="og:site_name" content="山野杂志">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-09-28T08:00:00+08:00">
<style>@font-face{{font-family:"Shanye Serif";src:url({font}) format("woff2");font-display:swap}}
body{{margin:0;font-family:"Shanye Serif","Songti SC",serif;color:#222;background:#faf8f4}}
.site-header{{display:flex;justify-content:space-between;padding:12px 24px;border-bottom:1px solid #e5e0d8}}
.article{{max-width:720px;margin:0 auto;padding:24px}}
.article-figure img{{width:100%;height:auto}}
.article-figure figcaption{{font-size:14px;color:#777;text-align:center}}
.share-bar{{display:flex;gap:12px;color:#999}}
.sf-hidden{{display:none!important}}
</style>
<link rel="canonical" href="{SF_URL}">
<meta name="referrer" content="no-referrer"><link rel="icon" href="{logo}"></head>
<body>
<header class="site-header"><a href="https://www.shanyezazhi.example.cn/" class="logo"><img src="{logo}" alt="山野杂志" width="24" height="24"> 山野杂志</a>
<nav class="nav"><a href="https://www.shanyezazhi.example.cn/travel/">旅行</a> <a href="https://www.shanyezazhi.example.cn/outdoor/">户外</a> <a href="https://www.shanyezazhi.example.cn/photo/">摄影</a> <a href="https://www.shanyezazhi.example.cn/shop/">杂志订阅</a></nav></header>
<div class="breadcrumb"><a href="https://www.shanyezazhi.example.cn/">首页</a> / <a href="https://www.shanyezazhi.example.cn/travel/">旅行</a></div>
<article class="article">
<h1 class="article-title">在海拔三千米的草甸上等一场日出</h1>
<div class="article-meta">文 / <a href="https://www.shanyezazhi.example.cn/author/guyizhou/" rel="author">顾一舟</a> · <time datetime="2024-09-28">2024-09-28</time></div>
<div class="share-bar social"><span>分享到</span> <a href="https://www.shanyezazhi.example.cn/share?to=weibo">微博</a> <a href="https://www.shanyezazhi.example.cn/share?to=wechat">微信</a></div>
<div class="article-body content">
<p>出发之前，向导反复提醒我们：草甸上的夜晚比想象中冷得多，哪怕是九月，凌晨的气温也会降到零度以下。我们半信半疑地多塞了一件羽绒服，后来证明这是整趟旅行中最正确的决定。</p>
<p>车子在盘山路上开了四个多小时，才抵达海拔三千米左右的垭口。从垭口往下走二十分钟，就是一片开阔的高山草甸，四周被连绵的雪山围住，只有一条小溪从中间穿过。</p>
{fig1}
<p>我们在天黑前扎好了帐篷。晚饭是简单的泡面和牛肉干，大家围着一盏营地灯聊天，没过多久就听见有人在帐篷里打起了呼噜。</p>
<p class="sf-hidden">扫描二维码下载山野杂志客户端，阅读更多高清大图。</p>
<p>凌晨四点，我被冻醒了。拉开帐篷，外面的草叶上已经结了一层白霜，头顶的星星密得像撒了一把盐。远处传来牛铃的声音，一位牧民正赶着牦牛往溪边走。</p>
{fig2}
<p>五点半以后，东边的天空开始由深蓝变成浅紫，再变成橘红。所有人都不说话了，只是裹着睡袋坐在帐篷门口，等着那一刻到来。</p>
{fig3}
<p>太阳跳出山脊的时候，整片草甸好像一下子被点亮了。积水的洼地反射着金色的光，连呼出的白气都变成了暖色。回程的路上，大家都很累，可谁也没有说后悔。如果你也想去，可以参考我们整理的<a href="https://www.shanyezazhi.example.cn/travel/2024/meadow-sunrise-guide.html">行程与装备清单</a>。</p>
</div>
<div class="article-tags">标签：<a href="https://www.shanyezazhi.example.cn/tag/高原">高原</a> <a href="https://www.shanyezazhi.example.cn/tag/露营">露营</a></div>
</article>
<aside class="related-posts"><h2>你可能还喜欢</h2><ul><li><a href="https://www.shanyezazhi.example.cn/travel/2024/lake-camp.html">湖边露营的三个夜晚</a></li><li><a href="https://www.shanyezazhi.example.cn/photo/2024/star-trails.html">新手也能拍好星轨</a></li></ul></aside>
<footer class="footer">© 2024 山野杂志　保留所有权利</footer>
</body></html>"""


SF_EXPECT = {
    "title": "在海拔三千米的草甸上等一场日出",
    "author": "顾一舟",
    "date": "2024-09-28",
    "site": "山野杂志",
    "lang": "zh-CN",
    "source": SF_URL,
    "bodyFirst": "出发之前，向导反复提醒我们",
    "bodyLast": "可以参考我们整理的行程与装备清单。",
    "bodyIncludes": ["[image: 草甸上成片的帐篷，远处是被晨光染红的雪山]", "凌晨五点的营地，东边的山脊刚刚亮起来。",
                     "[image: 一位牧民赶着牦牛群走过结霜的草地]", "日出只持续了不到十分钟。",
                     "头顶的星星密得像撒了一把盐"],
    "absentFromBody": ["Page saved with SingleFile", "杂志订阅", "文 / ", "分享到", "扫描二维码下载山野杂志客户端",
                       "标签：", "你可能还喜欢", "湖边露营的三个夜晚", "保留所有权利", "base64", "font-display"],
    "links": ["https://www.shanyezazhi.example.cn/travel/2024/meadow-sunrise-guide.html"],
}

# ---------------------------------------------------------------------------
# zh-column.mhtml: Chrome "Save page as... Webpage, Single File" (MHTML)

MHTML_URL = "https://www.mafang.example.com/post/7391820446501"
MHTML_BOUNDARY = "----MultipartBoundary--AbC123----"
MHTML_TITLE = "用 SQLite 给个人笔记加上全文搜索 - 码坊社区"
MHTML_CSS_ID = "cid:css-5f0e2a7c-91d4-4b1e-a7b3-2c8d9e0f1a6b@mhtml.blink"
MHTML_IMAGE_URL = "https://p3.mafang.example.com/img/7391820446501/fts-diagram.png"

MHTML_HTML = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><link rel="stylesheet" type="text/css" href="{MHTML_CSS_ID}" />
<title>{MHTML_TITLE}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="记录一次给本地笔记应用加全文搜索的过程：FTS5、中文分词和排序。">
<meta property="og:site_name" content="码坊社区">
<meta property="article:published_time" content="2024-09-27T20:30:00+08:00">
<meta itemprop="author" content="程小北">
<link rel="canonical" href="{MHTML_URL}">
</head><body>
<div id="app">
<header class="site-header main-header"><a class="logo" href="https://www.mafang.example.com/">码坊</a>
<nav class="nav"><ul><li><a href="https://www.mafang.example.com/">首页</a></li><li><a href="https://www.mafang.example.com/pins">沸点</a></li><li><a href="https://www.mafang.example.com/course">课程</a></li><li><a href="https://www.mafang.example.com/events">活动</a></li></ul></nav>
<div class="login-button">登录 | 注册</div></header>
<main class="main-container">
<div class="article-area">
<article class="article" itemscope itemtype="http://schema.org/Article">
<h1 class="article-title" itemprop="headline">用 SQLite 给个人笔记加上全文搜索</h1>
<div class="author-info-block"><a href="https://www.mafang.example.com/user/20457731" class="username" itemprop="author">程小北</a> <time datetime="2024-09-27T12:30:00.000Z" class="time">2024-09-27 20:30</time> <span class="views-count">阅读 3,417</span> <span class="read-time">阅读 8 分钟</span> <button class="follow-button">关注</button></div>
<div class="article-content" id="article-root" itemprop="articleBody"><div class="markdown-body">
<p>我的笔记一直是一堆 Markdown 文件，放在一个同步文件夹里。笔记少的时候，用编辑器自带的搜索就够了；可是过了三年，文件数量涨到两千多个，每次搜索都要等好几秒，而且结果完全没有排序。于是我决定自己写一个小工具，用 SQLite 的全文索引来解决这个问题。</p>
<h2>为什么选 FTS5</h2>
<p>SQLite 自带的 FTS5 扩展不需要额外的服务，一个数据库文件就能装下全部索引，备份和同步都很方便。建表只需要一行：</p>
<pre><code class="hljs language-sql">CREATE VIRTUAL TABLE notes USING fts5(title, body, path UNINDEXED, tokenize = 'trigram');
</code></pre>
<p>这里我用了 <code>trigram</code> 分词器。默认的分词器按空格切词，对中文几乎没用；trigram 按每三个字符建索引，虽然索引会大一些，但不用引入任何中文分词库，就能搜到句子中间的词。</p>
<figure><img src="{MHTML_IMAGE_URL}" alt="笔记文件、索引进程和 SQLite 数据库之间的关系示意图"><figcaption>整个工具只有三个部分：扫描、索引和查询。</figcaption></figure>
<h2>增量更新</h2>
<p>每次全量重建索引大约需要十五秒，所以我只处理修改时间变化过的文件：</p>
<pre><code class="hljs language-python">for path in changed_files(root, since=last_run):
    db.execute("DELETE FROM notes WHERE path = ?", (str(path),))
    db.execute("INSERT INTO notes VALUES (?, ?, ?)", (title_of(path), path.read_text(), str(path)))
</code></pre>
<p>trigram 有一个限制：少于三个字的查询词无法命中索引。我的做法是对一两个字的查询退回到 <code>LIKE</code> 扫描，笔记只有几千条，速度完全可以接受。</p>
<h2>排序</h2>
<p>FTS5 内置的 <code>bm25()</code> 函数可以直接给结果打分。我给标题列设了更高的权重，这样标题里出现关键词的笔记会排在前面。用了一个月下来，基本上想找的笔记都在前三条里。</p>
<p>完整的代码放在了<a href="https://git.example.org/chengxiaobei/notes-fts">我的代码仓库</a>里，欢迎拿去改。下一篇打算写写怎么给搜索结果加上高亮摘要。</p>
</div></div>
<div class="article-end"><div class="tag-list">标签：<a href="https://www.mafang.example.com/tag/SQLite">SQLite</a> <a href="https://www.mafang.example.com/tag/Python">Python</a></div></div>
<div class="article-suspended-panel share-bar"><div class="like-btn">点赞 86</div><div class="comment-btn">评论 14</div><div class="collect-btn">收藏</div><div class="share-btn">分享</div></div>
</article>
<div class="comments" id="comment-box"><h3>评论 14</h3>
<div class="comment-item"><span class="user">葡萄不酸</span><p>trigram 这个思路好，我之前折腾了半天结巴分词。</p></div>
<div class="comment-item"><span class="user">老张写代码</span><p>两千个文件十五秒有点慢，可以试试把事务包起来。</p></div>
</div>
<div class="recommended-area related-posts"><h3>相关推荐</h3><ul>
<li><a href="https://www.mafang.example.com/post/7388001234567">SQLite 的十个冷门但好用的特性</a></li>
<li><a href="https://www.mafang.example.com/post/7379005556667">我是如何整理五年的读书笔记的</a></li>
</ul></div>
</div>
<aside class="sidebar"><div class="author-block"><p class="name">程小北</p><p>后端开发，喜欢折腾小工具</p><p>文章 42 · 关注者 1.2k</p></div>
<div class="ad-slot">技术大会早鸟票限时八折</div></aside>
</main>
<footer class="footer">© 2024 码坊社区　关于我们　用户协议　隐私政策</footer>
</div>
</body></html>
"""

MHTML_CSS = """@charset "utf-8";
body { margin: 0px; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: rgb(37, 41, 51); }
.site-header { height: 60px; border-bottom: 1px solid rgb(228, 230, 235); }
.article-area { max-width: 820px; margin: 0px auto; }
.markdown-body pre { background: rgb(248, 248, 248); padding: 12px; overflow-x: auto; }
.markdown-body code { font-family: Menlo, Monaco, Consolas, monospace; font-size: 13px; }
.article-suspended-panel { position: fixed; left: 40px; top: 140px; }
"""

MHTML_EXPECT = {
    "title": "用 SQLite 给个人笔记加上全文搜索",
    "author": "程小北",
    "date": "2024-09-27",
    "site": "码坊社区",
    "lang": "zh-CN",
    "source": MHTML_URL,
    "bodyFirst": "我的笔记一直是一堆 Markdown 文件，放在一个同步文件夹里。",
    "bodyLast": "下一篇打算写写怎么给搜索结果加上高亮摘要。",
    "bodyIncludes": [
        "为什么选 FTS5",
        "CREATE VIRTUAL TABLE notes USING fts5(title, body, path UNINDEXED, tokenize = 'trigram');",
        "for path in changed_files(root, since=last_run):",
        "[image: 笔记文件、索引进程和 SQLite 数据库之间的关系示意图]",
        "整个工具只有三个部分：扫描、索引和查询。",
        "少于三个字的查询词无法命中索引",
    ],
    "absentFromBody": ["Saved by Blink", "MultipartBoundary", "沸点", "登录 | 注册", "阅读 3,417", "关注",
                       "标签：", "点赞 86", "评论 14", "结巴分词", "把事务包起来", "相关推荐",
                       "SQLite 的十个冷门但好用的特性", "后端开发，喜欢折腾小工具", "技术大会早鸟票", "用户协议",
                       "font-family", "=E4", "=3D"],
    "links": ["https://git.example.org/chengxiaobei/notes-fts"],
}


def quoted_printable(text):
    """Chrome-style quoted-printable: '=' and non-ASCII as =XX, lines cut at 76 with '=' soft breaks."""
    out_lines = []
    for line in text.split("\n"):
        encoded = []
        for byte in line.encode("utf-8"):
            if byte == 0x3D or byte >= 0x7F or (byte < 0x20 and byte != 0x09):
                encoded.append(f"={byte:02X}")
            else:
                encoded.append(chr(byte))
        # A trailing space or tab must be encoded.
        if encoded and encoded[-1] in (" ", "\t"):
            encoded[-1] = f"={ord(encoded[-1]):02X}"
        current = ""
        for token in encoded:
            if len(current) + len(token) > 75:
                out_lines.append(current + "=")
                current = ""
            current += token
        out_lines.append(current)
    return "\r\n".join(out_lines)


def encoded_word_subject(text):
    """RFC 2047 Q-encoded words, each at most 75 characters, folded onto continuation lines."""
    words, current = [], ""
    for ch in text:
        if ch == " ":
            token = "_"
        elif ch.isascii() and (ch.isalnum() or ch in "-!*+/"):
            token = ch
        else:
            token = "".join(f"={b:02X}" for b in ch.encode("utf-8"))
        if len("=?utf-8?Q?" + current + token + "?=") > 75:
            words.append("=?utf-8?Q?" + current + "?=")
            current = ""
        current += token
    if current:
        words.append("=?utf-8?Q?" + current + "?=")
    return "\r\n ".join(words)


def mhtml_file():
    image = png(96, 64, 21)
    b64 = base64.b64encode(image).decode("ascii")
    b64_lines = "\r\n".join(b64[i:i + 76] for i in range(0, len(b64), 76))
    head = "\r\n".join([
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {MHTML_URL}",
        f"Subject: {encoded_word_subject(MHTML_TITLE)}",
        "Date: Sat, 5 Oct 2024 10:11:12 -0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{MHTML_BOUNDARY}"',
        "", "", "",
    ])
    parts = [
        "\r\n".join([
            f"--{MHTML_BOUNDARY}",
            "Content-Type: text/html",
            "Content-ID: <frame-9B1C4F2E0A7D3E65B8C1D2F3A4B5C6D7@mhtml.blink>",
            "Content-Transfer-Encoding: quoted-printable",
            f"Content-Location: {MHTML_URL}",
            "",
            quoted_printable(MHTML_HTML),
        ]),
        "\r\n".join([
            f"--{MHTML_BOUNDARY}",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            f"Content-Location: {MHTML_IMAGE_URL}",
            "",
            b64_lines,
        ]),
        "\r\n".join([
            f"--{MHTML_BOUNDARY}",
            "Content-Type: text/css",
            "Content-Transfer-Encoding: quoted-printable",
            f"Content-Location: {MHTML_CSS_ID}",
            "",
            quoted_printable(MHTML_CSS),
        ]),
    ]
    return head + "\r\n".join(parts) + f"\r\n--{MHTML_BOUNDARY}--\r\n"


def main():
    write_page("zh-gb2312-gbk.html", GB2312_PAGE, "gbk", GB2312_EXPECT)
    for ch in "镕啰埇":
        assert ch in GBK_ONLY_SENTENCE
        try:
            ch.encode("gb2312")
            raise AssertionError(f"{ch} is in GB2312; the fixture needs GBK-only characters")
        except UnicodeEncodeError:
            pass
    write_page("zh-gbk-unlabelled.html", UNLABELLED_PAGE, "gbk", UNLABELLED_EXPECT)
    assert "charset" not in UNLABELLED_PAGE
    write_page("zh-latin1-gbk.html", LATIN1_PAGE, "gbk", LATIN1_EXPECT)
    write_page("zh-hant-big5.html", BIG5_PAGE, "big5", BIG5_EXPECT)

    assert not any(ch in SJIS_PAGE for ch in SJIS_AMBIGUOUS)
    write_page("ja-shift-jis.html", SJIS_PAGE, "cp932", SJIS_EXPECT)

    # Every syllable but 똠 is plain KS X 1001 (two bytes in both codecs).
    for ch in set(EUCKR_PAGE) - {"똠"}:
        if ord(ch) > 0x7F:
            assert ch.encode("cp949") == ch.encode("euc_kr"), ch
    assert len("똠".encode("euc_kr")) != 2 and len("똠".encode("cp949")) == 2
    write_page("ko-euc-kr.html", EUCKR_PAGE, "cp949", EUCKR_EXPECT)

    sf = singlefile_page()
    (HERE / "zh-singlefile-big.html").write_text(sf, encoding="utf-8")
    write_expect("zh-singlefile-big", SF_EXPECT)
    inlined = sum(len(part.split('"', 1)[0]) for part in sf.split("base64,")[1:])
    assert 280_000 <= inlined <= 340_000, inlined

    (HERE / "zh-column.mhtml").write_bytes(mhtml_file().encode("ascii"))
    write_expect("zh-column", MHTML_EXPECT)


if __name__ == "__main__":
    main()
