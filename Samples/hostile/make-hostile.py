#!/usr/bin/env python3
"""Regenerate the hostile sample files next to this script.

Deterministic: running it twice produces byte-identical output.
Files written:
  escapes.txt       UTF-8 text with raw terminal control sequences, bidi
                    controls, soft hyphens and dangerous link schemes
  gbk-news.txt      Simplified Chinese news dump encoded as GB18030/GBK
  big5-note.txt     Traditional Chinese note encoded as Big5
  sjis-blog.txt     Japanese blog post encoded as Shift_JIS
  broken-utf8.txt   UTF-8 text with a few invalid byte sequences
  crlf-windows.txt  English article with CRLF line endings and a UTF-8 BOM
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent

ESC = "\x1b"
BEL = "\x07"
BS = "\x08"
RLO = "\u202e"   # RIGHT-TO-LEFT OVERRIDE
LRI = "\u2066"   # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"   # POP DIRECTIONAL ISOLATE
PDF = "\u202c"   # POP DIRECTIONAL FORMATTING
SHY = "\u00ad"   # SOFT HYPHEN

ESCAPES = f"""Night Market Notes
Home > Food > Street Stalls
Share
The Night Market That Moved Across the River
By Dana Okafor
May 9, 2024
For eleven years the Thursday night market sat in the car park behind the old cinema. This spring it moved across the river to the former ferry terminal, and the first evening there felt like a small festival.

{ESC}[31mThe dumpling stall was the first to sell out{ESC}[0m, which surprised nobody who had tasted the pork and chive filling. The owner said she had prepared twice the usual amount and still ran out before nine.

A vendor selling grilled corn had painted a new sign for the occasion.{ESC}]0;pwned{BEL} It read "Same corn, new view" in bright yellow letters, and people kept stopping to photograph it.

{ESC}[2JThe terminal building itself is the real attraction. Its high glass roof keeps the rain off, and the old timetable boards still hang above the entrance, frozen at a departure that never came.

Ticket prices for the parking lot were listed as safe text\rEVIL and nobody could quite explain the number on the board.

One stall owner typed her menu on an old typewriter and corrected mistakes the old way: flat{BS}{BS}{BS}{BS}fresh noodles, hand{BS}{BS}{BS}{BS}pulled daily.

A sign near the exit said {RLO}txt.exe{PDF} was the name of the market's free wifi network, which confused more than one visitor.

The organiser's name appeared on the flyer as {LRI}Sam Rivera{PDI}, and the flyer promised a live band every second Thursday.

Long words on the printed programme were split with soft hyphens, such as ac{SHY}com{SHY}mo{SHY}da{SHY}tion and in{SHY}ter{SHY}na{SHY}tion{SHY}al, so they would break neatly in narrow columns.

By ten o'clock the lanterns along the water were switched off one by one, and the last customers carried their paper boxes of noodles back over the footbridge. Most of them said they would be back next week.

Sources
javascript:alert(1)
file:///etc/passwd
https://$(touch /tmp/pwned).example/
https://nightmarket.example.org/news/ferry-terminal-move

Related
Ten stalls worth queueing for
© 2024 Night Market Notes
"""

GBK_NEWS = """首页 > 本地 > 民生 > 正文
滨江城市马拉松圆满落幕 两万名跑者冒雨完赛
2024-04-21 16:08　来源：滨江日报
0
1.2万阅读
分享至：微信　微博
四月二十一日清晨，第十届滨江城市马拉松在细雨中鸣枪开跑。来自全国各地以及十二个国家和地区的两万名跑者，沿着滨江大道、老城区和新开通的跨江大桥，完成了这场被不少人称为“最湿也最难忘”的比赛。

今年的赛道与往届相比有较大调整。组委会首次将跨江大桥纳入线路，选手们在第十八公里处登上大桥，可以从桥面俯瞰整条江面。尽管当天雾气较重，大桥上依然站满了为选手加油的市民。

男子全程马拉松冠军由一名来自本省的业余跑者获得，成绩为两小时十九分。他在赛后接受采访时说，自己平时是一名中学体育老师，每天清晨五点起床训练，“下雨反而让我觉得更凉快，跑得更轻松”。

女子组冠军则被一位已经四十一岁的老将收入囊中。她第六次参加这项赛事，此前最好成绩是第三名。冲过终点后，她抱着在场边等候的女儿哭了很久。

为了应对降雨，组委会在沿途增设了十二处临时雨棚和防滑垫，并在终点区域准备了八千条保温毯。医疗保障方面，全程共设置了二十个医疗点，配备一百多名医护人员和志愿者。

据组委会统计，比赛当天共有三十七名选手在途中接受了医疗救助，均为抽筋、擦伤等轻微情况，没有发生严重事故。

赛事期间，沿线的商户也纷纷参与其中。老城区一家开了三十年的豆浆店，早上六点就在门口摆出了免费的热豆浆，店主说：“跑步的人辛苦，喝口热的暖暖身子。”

不少外地跑者表示，比赛之外，他们也被这座城市的风景和人情所打动。一位从北方赶来的跑者说，他原本打算跑完就走，现在决定多留两天，好好逛一逛老城的街巷。

组委会透露，明年的赛事计划增加一个面向家庭的五公里欢乐跑项目，并进一步优化赛后交通疏导方案。

参考资料：
https://marathon.binjiang.example.cn/2024/results
https://www.binjiang.example.gov.cn/news/marathon-2024

特别声明：本文转载自其他媒体，转载目的在于传递更多信息，并不代表本网赞同其观点。

相关推荐
跨江大桥周末限行方案公布
滨江日报
2024-04-19
春季长跑训练注意事项
健康周刊
2024-04-10

Copyright (C) 2024 滨江日报 版权所有
"""

BIG5_NOTE = """山城手作筆記
首頁 > 生活 > 手作
雨天的木工教室：做一張屬於自己的小板凳
作者：林雨晴
發布於 2024年3月9日
閱讀 2048
連續下了一個星期的雨，週末原本計畫好的登山行程只好取消。朋友知道我悶在家裡，便邀我一起去山腳下的一間木工教室，參加半天的小板凳製作課。

教室藏在一條窄窄的巷子裡，門口堆著一疊疊的松木和檜木，空氣中有一種淡淡的木頭香味。老師是一位頭髮花白的老先生，年輕時在家具工廠工作了三十年，退休後才開了這間小教室。

課程一開始，老師先讓我們摸一摸不同的木材。他說，松木比較軟，容易加工，但也容易留下壓痕；檜木的香氣最濃，紋理細緻，是做小家具的好選擇。

我們每個人拿到四支椅腳、兩片橫檔和一塊厚厚的座板。第一步是用鉛筆在木頭上畫出榫頭的位置，這個步驟看起來簡單，卻需要非常仔細，差一兩公釐，組裝時就會歪斜。

接下來是用手鋸鋸出榫頭。我第一次拿鋸子，手一直發抖，鋸出來的線條歪歪扭扭。老師站在旁邊看了一會兒，只說了一句：「不要用力，讓鋸子自己走。」我照著做，果然順手多了。

最花時間的是用鑿子在座板上鑿出榫眼。每鑿一下，都要停下來看看深度，稍微不小心就會鑿穿。整整一個小時，教室裡只聽得到木槌敲擊鑿子的聲音和窗外的雨聲。

組裝的時候，老師教我們不用任何釘子，只靠榫卯和少量的木工膠把板凳固定起來。當我把座板輕輕敲進椅腳的那一刻，板凳竟然穩穩地站住了，我忍不住笑了出來。

最後，我們用砂紙把每一個邊角磨圓，再塗上一層薄薄的護木油。油滲進木頭以後，原本淺色的檜木變成了溫暖的琥珀色，紋理也變得更加清楚。

回家的路上，我抱著那張還帶著油味的小板凳，心裡覺得很踏實。它一點也不完美，有一隻腳還比其他三隻短了一點點，但那是我親手做出來的。

參考資料
[1] 木工教室介紹 https://woodshop.example.tw/about
[2] 常見木材特性 https://wood-guide.example.org/species

本文為作者原創，轉載請註明出處。
版權所有 2024 山城手作筆記
"""

SJIS_BLOG = """朝の自転車日記
ホーム ＞ 旅 ＞ 自転車
雨上がりの湖を一周してきました
2024年6月15日
シェア
ツイート
梅雨の晴れ間となった土曜日、以前から計画していた湖一周のサイクリングに出かけました。一周およそ40キロのコースで、途中に小さな港町や古いお寺がいくつもあるので、ゆっくり走っても一日じゅう楽しめます。

朝7時に駅前のレンタサイクル店で自転車を借りました。店員さんに「今日は風が弱いので、時計回りがおすすめですよ」と教えてもらい、そのとおりに北へ向かって走り出しました。

前の晩まで降っていた雨のおかげで、空気はひんやりと澄んでいて、湖面には向こう岸の山がくっきりと映っていました。気温は20℃ほどで、長袖のシャツ一枚でちょうどいい感じです。

10キロほど走ったところにある港町で、最初の休憩をとりました。漁港の近くの小さな食堂で、名物だという小魚の佃煮がのったおにぎりを二つ食べました。甘辛い味つけで、疲れた体にしみわたるおいしさでした。

昼前には、湖に突き出た岬の上に建つお寺に立ち寄りました。急な石段を上りきると、湖全体を見わたせる展望台があり、しばらくのあいだ言葉も出ないほどの景色でした。

午後になると少し風が出てきて、向かい風の区間はなかなか大変でした。それでも、途中で何度も自転車をとめて写真を撮ったり、道ばたの紫陽花を眺めたりしながら、のんびりと走り続けました。

夕方5時ごろ、ようやく出発した駅に戻ってきました。走行距離は合計で43キロ、休憩を入れて約10時間の旅でした。足はくたくたでしたが、気持ちはとても晴れやかです。

次は紅葉の季節に、反時計回りでもう一度挑戦してみたいと思います。

参考リンク
https://lake-cycling.example.jp/course-map
https://rental-bike.example.jp/station-shop

関連記事
初心者におすすめのサイクリングコース5選
雨の日の自転車メンテナンス

Copyright (C) 2024 朝の自転車日記
"""

BROKEN_UTF8_PARTS = [
    "社区咖啡馆的第一年 / A Neighborhood Café's First Year\n",
    "作者：赵一帆\n",
    "2024-02-28\n",
    "\n",
    "去年二月，我们在老街的拐角处开了一家只有六张桌子的小咖啡馆。"
    "开业第一天只来了九位客人，其中三位还是我们的亲戚。\n",
    "\n",
    "Our first espresso machine was second-hand and temperamental. "
    "Some mornings it took twenty minutes to reach the right pres",
    b"\xff",
    "sure, and we learned to start it before we even unlocked the door.\n",
    "\n",
    "慢慢地，附近写字楼的上班族开始在早上八点排队买咖啡。"
    "我们记住了很多人的名",
    b"\xe5\xad",  # truncated 3-byte sequence (first two bytes of 字)
    "和口味：谁要燕麦奶，谁要多加一份浓缩，谁总是忘记带杯子。\n",
    "\n",
    "In the summer we added a small menu of cold brew and iced tea. "
    "The cold brew sold out every afternoon, so we bought a second ",
    b"\xc0\xaf",  # overlong encoding of '/', always invalid
    "batch container and started steeping overnight.\n",
    "\n",
    "秋天的时候，一位常客送来了一盆很大的龟背竹，说是搬家带不走。"
    "现在它占据了窗边最好的位置，成了店里最受欢迎的拍照角落。\n",
    "\n",
    "Looking back, the hardest part was not the coffee. It was learning "
    "to rest. We now close every Monday, and the café is better for it.\n",
    "\n",
    "第二年，我们打算增加周末的手冲咖啡课程，也想试试自己烘焙咖啡豆。"
    "谢谢每一位推开这扇门的人。\n",
    "\n",
    "参考资料\n",
    "https://corner-cafe.example.cn/about\n",
]

CRLF_ARTICLE = """Harbor Town Gazette
Local | Weather | Events
The Lighthouse Open Day Draws Record Crowds
By Tom Hargreaves
September 14, 2024
4 min read
Share
Hundreds of visitors climbed the spiral staircase of the old harbor lighthouse on Saturday, as the building opened its doors to the public for the first time in six years.

The lighthouse, built in 1872, was closed in 2018 after inspectors found cracks in the iron gallery that circles the lantern room. Repairs took longer than planned, partly because replacement parts had to be cast by hand at a foundry two hundred miles away.

Volunteers from the local heritage society guided visitors up the one hundred and twelve steps in small groups. At the top, a keeper's logbook from 1904 was on display, open to a page describing a storm that kept the lamp burning for three days straight.

Children were given paper passports that could be stamped at five stations around the site, including the fog signal house and the tiny museum in the former keeper's cottage.

"We expected maybe four hundred people," said Margaret Doyle, who chairs the heritage society. "By two o'clock we had counted more than a thousand, and the line for the stairs stretched all the way to the car park."

The lens itself, a large glass Fresnel lens made of concentric rings, drew the most attention. Its prisms threw small rainbows across the walls of the lantern room whenever the sun came out from behind the clouds.

Local businesses also benefited. The fish-and-chip shop on the quay ran out of haddock by mid-afternoon, and the bakery next door sold its entire stock of lighthouse-shaped shortbread.

The society now hopes to open the lighthouse on the second Saturday of every month through the autumn, weather permitting. Visitors are advised to wear flat shoes and to bring a jacket, as the gallery at the top can be very windy.

Sources
https://harbortown-heritage.example.org/lighthouse/open-day
https://www.harbortown.example.gov/news/lighthouse-repairs

© 2024 Harbor Town Gazette
"""


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)
    print(f"{name}: {len(data)} bytes")


def main() -> None:
    write("escapes.txt", ESCAPES.encode("utf-8"))
    gbk = GBK_NEWS.encode("gb18030")
    assert gbk == GBK_NEWS.encode("gbk"), "keep the GBK sample inside the GBK subset"
    write("gbk-news.txt", gbk)
    write("big5-note.txt", BIG5_NOTE.encode("big5"))
    write("sjis-blog.txt", SJIS_BLOG.encode("shift_jis"))
    broken = b"".join(p if isinstance(p, bytes) else p.encode("utf-8")
                      for p in BROKEN_UTF8_PARTS)
    write("broken-utf8.txt", broken)
    crlf = CRLF_ARTICLE.replace("\n", "\r\n")
    write("crlf-windows.txt", b"\xef\xbb\xbf" + crlf.encode("utf-8"))


if __name__ == "__main__":
    main()
