"""Generate ``src/xinhua_extract/data/page_markers.tsv``: the line patterns of Xinhua
Korean-service pages, by the kind of line they mark.

The list below is curated by hand from real pages of kr.xinhuanet.com and kr.news.cn
(2015–2025), their traditional-script mirrors (big5.news.cn/gate/big5/…) and partner
sites that republish them; see ``docs/templates.md`` for the page templates these lines
make up (``data/page_templates.json``). Patterns are ``regex``-module syntax, matched
against one line at a time; the order matters: a line takes the kind of the first
pattern that matches it (``dateline`` patterns are kept as separate patterns because
their named groups are read).

Run ``python scripts/build_page_markers.py`` after editing; a test checks that the
committed file equals what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "xinhua_extract" / "data" / "page_markers.tsv"

_BANNER = r"新[華华][網网]\s*[韓韩][國国][語语]"

# (kind, pattern, note) in matching order
MARKERS: list[tuple[str, str, str]] = [
    # --- header and navigation
    ("breadcrumb", rf"^\s*{_BANNER}\s*>>\s*(?:\S.*>>\s*)?기사\s*본문\s*$", "新華網韓國語 >> 기사 본문 (article pages 2015–2020)"),
    ("section", rf"^\s*{_BANNER}\s*>>\s*\S", "新華網韓國語 >> 중국의 조선족: a section index (listing page)"),
    ("header", rf"^\s*{_BANNER}\s*$", "site banner alone on its line"),
    ("header", r"^\s*신화망\s*한국어(?:판)?\s*$", "hangul site banner"),
    ("untitled", r"^\s*(?:无标题文档|無標題文檔)\s*$", "2023+ pages: the empty document title of the print frame"),
    ("xinhua_title", r"^\s*(?P<title>\S.{0,150}?)\s*[-－–]\s*Xinhua\s*$", "2023+ pages: TITLE-Xinhua (the HTML <title>)"),
    ("toolbar", r"^\s*(?:[•·]?\s*[\[【]?\s*(?:크기|인쇄|메일|이메일|공유|글자\s*크기)\s*[\]】]?\s*)+$", "2015–2019 toolbar: • 크기 / • 인쇄 (one or both on a line)"),
    # --- meta
    ("meta", r"^\s*출처\s*[:：]", "출처 :  신화망 | 2017-03-02 10:21:33  | 편집 :  홍성림 (one line) or 출처:신화망 한국어판 (alone)"),
    ("meta", r"^(?=.{0,60}$)\s*(?:[^\s:：|]{1,12}?\s*)?(?:来源|來源|发布人|發佈人|發布人)\s*[:：]", "包春玲来源:신화망 한국어판 / 来源：신화망 / • 发布人:신화망: the source line of a partner's Chinese publishing system (after the editor's name)"),
    ("meta", r"^(?=.{0,120}$)\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*\|?\s*(?:출처|편집)\s*[:：]", "2017-03-02 10:21:33 | 출처: 신화망 (time first)"),
    ("meta_time", r"^\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$", "2023+ pages: the bare timestamp line"),
    ("meta_editor", r"^\s*(?:편집(?:자)?|(?:责任)?编辑|(?:責任)?編輯)\s*[:：]\s*\S.{0,20}$", "편집: 朴锦花 / 편집자:张齐美 / 编辑:박명화 (Chinese label on Korean-language papers) on its own line"),
    # --- tail: a hard marker ends the content; everything after it is furniture
    ("footer_hard", r"^\s*원문\s*출처", "원문 출처:신화사 / 원문 출처:신화통신 한국어 뉴스 서비스"),
    ("footer_hard", r"^\s*기사\s*오류를", "contact block: 기사 오류를 발견시 …"),
    ("footer_hard", r"^\s*뉴스\s*번역\s*더보기", "bilingual teasers: 뉴스 번역 더보기:"),
    ("related", r"^\s*관련\s*(?:뉴스|기사|보도)\s*[:：>]*\s*$", "관련 뉴스: / 관련 보도: a whole related article may follow"),
    ("recommend", r"^\s*추천\s*(?:기사|보도|포토|뉴스|영상)\s*(?:>>|[:：>])?", "추천 기사: / 추천 보도: / 추천 포토 >> and a headline list"),
    ("recommend", r"^\s*(?:[-•·]\s*)?(?:핫\s*갤러리|최신\s*기사|많이\s*본\s*기사|인기\s*기사)\s*[:：>]*\s*$", "핫 갤러리 / 최신 기사 / - 많이 본 기사 lists"),
    ("pagerow", r"^\s*(?:(?:\|?<<|이전|上一页)\s*)?(?:\d{1,2}\s+)+\d{1,2}(?:\s*(?:>>\|?|>|다음|下一页))?\s*$", "page-number row of a multi-page article: 1 2 3 … 10 (>>| to the last page; > to the next)"),
    ("pagerow", r"^\s*(?:(?:<<|이전|上一页)\s*)?(?:\[\d{1,2}\]\s*){2,}(?:(?:>>|다음|下一页)\s*)?$", "page-number row in brackets: [1] [2] [3]"),
    # --- tail: soft markers (only a trailing run of them is furniture)
    ("footer", r"^\s*전화\s*[:：]", "phone line of the contact block"),
    ("footer", r"^\s*이메일\s*[:：]", "e-mail line of the contact block"),
    ("footer", r"^(?=.{0,40}$)\s*(?:텍스트|글|사진|영상)\s*출처\s*[:：]|^(?=.{0,30}$)\s*기획\s*[:：]\s*\S", "텍스트 출처: 인터넷 종합 / 사진 출처: 인터넷 자료 사진 / 기획: 이매: the piece's credits under the text (furniture in the run before 추천 기사, content elsewhere)"),
    ("footer", r"^\s*\d{20,}\s*$", "the long page code line"),
    ("footer", r"^\s*/\s*[\p{Hangul}\p{Han}A-Za-z·]{2,12}\s*$", "/신화넷: a republisher's source credit line under the text"),
    ("footer", r"^(?=.{0,40}$)\s*(?:[↓↑→▶▷☞]+\s*)?[^.!?。]*?(?:클릭|바로\s*가기)\s*[!>]*\s*$", "a link button under the text: ↓↓↓ [특집 보도] 클릭클릭 / 전문 바로가기"),
    ("footer", r"^\s*\[[^\[\]]{1,30}\s(?:제작|출품)\]\s*$", "[신화통신 CNC 제작]: a production credit alone on its line (furniture in the page's trailing run)"),
    ("footer", r"^\s*(?:Copyright|저작권자|ⓒ|©|版权所有|版權所有)", "copyright notice (版权所有 ©2023 … on papers of China)"),
    ("chrome", r"^\s*\d+\s*개의\s*댓글", "partner sites: comment counter (0개의 댓글)"),
    ("chrome", r"(?:^|\|)\s*(?:기사)?\s*(?:입력|승인|수정|최종\s*수정|등록|송고(?:\s*시간)?)\s*[:：]?\s*(?:\d{4}\s*[-.년]|$)", "partner sites: byline-and-time line (입력 2023.06.01 10:00 / 기사입력 : / 신화망 | 송고시간:2021-09-21 09:49:58)"),
    ("chrome", r"^(?=.{0,60}$)[^.!?。\n]*?(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\.?\s+\d{1,2}:\d{2}(?::\d{2})?\s*$", "partner sites: a short line closed by a full timestamp (신화망 한국어판2024-07-21 12:26 / 한국어 | 2025-12-16 13:28:16): the byline-and-time line"),
    ("chrome", r"^(?=.{0,80}$)\s*(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+[^\s:：|]{1,12}\s+(?:편집|(?:责任)?编辑|(?:責任)?編輯)\s*[:：]", "partner sites: time, source and editor on one line without 출처 (2017-11-13 21:09 신화망 편집:구가흔): the byline-and-time line"),
    ("chrome", r"^(?=.{0,80}$)\s*(?:https?:)?//[\w.-]+\.[a-z]{2,}(?:/\S*)?\s+(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\.?\s+\d{1,2}:\d{2}(?::\d{2})?\s*$", "partner sites: the site's address and the time (//hljxinwen.dbw.cn  2026-01-22 14:55:27): the byline-and-time line"),
    ("chrome", r"^(?=.{0,60}$)(?:.*\s)?작성일\s*[:：]?\s*(?:\d{4}|\d{2})[-./]\d{1,2}[-./]\d{1,2}", "partner sites: a board's byline-and-time line (작성자 작성일 23-10-12 17:22)"),
    ("chrome", r"^\s*기자\s*정보\s*[,，·]?\s*기사\s*(?:등록|입력|작성)일?\s*$", "partner sites: the label above the byline and time lines (기자정보, 기사등록일)"),
    ("chrome", r"^\s*(?:좋아요|공유하기|댓글\s*쓰기|기사\s*공유|구독하기|가\s*가|글씨\s*(?:크기|크게|작게)|기사\s*(?:프린트|인쇄)|기사\s*읽기\s*도구|[大中小]\s*字\s*(?:体|體|号|號))\s*\S{0,8}\s*$", "partner sites: buttons (also the font-size buttons 大字体 / 小字体 / 글씨 크게)"),
    ("chrome_head", r"^\s*(?:속보|더보기|전체기사|최신뉴스|많이\s*본\s*뉴스|이전\s*기사|다음\s*기사|로그인|회원\s*가입|회원\s*서비스|패밀리\s*사이트|지면\s*보기|전체\s*메뉴|본문(?:\s*바로\s*가기)?|페이지\s*정보|Page\s*Info|content|사이트\s*내\s*전체\s*검색)\s*$|^\s*(?:조회(?:수)?|[Vv]iews?|[Hh]its?)\s*[:：]?\s*[\d,]+\s*회?\s*$", "partner sites: menu items and a board's labels above the text (로그인, 패밀리 사이트, 본문 바로가기, 페이지 정보, Page Info, content) and its view counter (조회: 71회)"),
    ("chrome_head", r"^\s*(?:[•·]\s*)?(?:맑음|흐림|비|눈|구름\s*(?:많음|조금)?|박무|연무|안개|소나기|황사)\s*\S{0,6}\s*-?\d{1,2}(?:\.\d)?\s*(?:˚C|°C|℃|'C)\s*$", "partner sites: a weather widget line (맑음 서울 -5˚C / • 흐림동두천 23.0℃)"),
    ("chrome_head", r"^\s*(?:[•·]\s*)?(?:19|20)\d{2}[.\-/]\s*\d{1,2}[.\-/]\s*\d{1,2}\.?\s*(?:\(\s*[월화수목금토일]\s*\)|[월화수목금토일]요일)\s*$", "partner sites: the date widget (2024.12.21 토요일 / • 2024.09.21 (토))"),
    ("chrome_head", r"(?:上一|下一)[版篇页頁]\s*$", "papers of China: e-paper navigation (第07版:국내·국제 上一版 下一版 / 上一篇 下一篇)"),
    ("chrome_head", r"^\s*(?:首页|首頁|主页|홈|HOME|Home)\s*(?:>|›|»|＞)", "partner sites: the site's breadcrumb (首页 >경제 经济 / 홈 > 국제)"),
    ("chrome_head", r"^(?=.{0,30}$)\s*[^\s>.!?。|]{1,12}(?:\s+>\s+[^\s>.!?。|]{1,12}){1,3}\s*$", "partner sites: a paper's own breadcrumb (길림신문 > 국제)"),
    ("chrome_head", r"^\s*(?:Video\s*Player\s*(?:Close)?|视频播放器|동영상\s*플레이어)\s*$", "a video player's label left in the text (Video PlayerClose)"),
    ("chrome_head", r"扫码|下载客户端|앱\s*다운로드|앱\s*설치", "partner sites: app download prompts (微信扫码扫码下载客户端)"),
    ("chrome_head", r"^\s*※", "partner sites: notes above the text (※ 본문 글자 크기 조정)"),
    ("chrome_head", r"^\s*[•·]\s*\S{1,6}(?:\s\S{1,6})?\s*$", "partner sites: bullet buttons above the text (• 더 작게); in the text a list item"),
    # --- content lines with a role
    (
        "dateline",
        r"^\s*\[\s*(?P<agency>신화망|신화사|신화통신)\s+(?P<place>[^\]\d]*?)\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일\s*\]",
        "[신화망 베이징 8월26일] / [신화사 베이징 4월 15일] / [신화망 하얼빈(哈爾濱) 1월5일]",
    ),
    (
        "dateline",
        r"^\s*\(\s*(?P<place>[^()=\n]{1,30}?)\s*=\s*(?P<agency>신화통신|신화사|신화망)\s*\)",
        "(베이징=신화통신) / (중국 우시=신화통신)",
    ),
    ("caption", r"^\s*[(\[]\s*(?:사진|촬영)\s*(?:/|출처\s*[:：])[^()\[\]]{1,30}[)\]]\s*$", "(사진/ 외교부 공식 사이트), (사진 출처: 중국외교부 사이트): a photo credit alone on its line is the photo's caption (before byline)"),
    ("byline", r"^\s*[\[(]\s*(?:글|사진|번역|기자|영상|편역)\s*[/:：]", "[글/ 신화사 기자 왕시(王希), 번역/ 서위] / (번역/왕범)"),
    ("byline", r"^\s*(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}|\p{Han}{2,4})(?:\s*[,，、]\s*(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}|\p{Han}{2,4})){1,8}\s*$", "partner sites: the reporters' names alone on a line (Wei Mengjia,Zhang Chenlin / 孙青,何曦悦)"),
    ("heading", r"^\s*[◇◆■□]\s*(?P<text>\S.{0,80}?)\s*$", "◇ subheading"),
    ("kicker_label", r"^\s*(?P<kicker>통신|종합|(?:신화\s*)?(?:논평|평론|시평|단평)|(?:재경|국제)\s*관찰|해설|뉴스\s*배경|(?:뉴스\s*)?에세이|인터뷰|특별\s*인터뷰|르포|칼럼|기고|특별\s*기고)\s*[:：]\s*(?P<title>\S.*?)\s*$", "통신: 한국 여행간 中 판다 … / 신화단평: … / 뉴스 에세이: … / 재경관찰: …: a genre label (通讯/综述/评论/新华短评/新闻随笔/财经观察 …) before the headline is its kicker; matched on the headline only, never a line kind"),
    ("agency_label", r"^\s*(?P<source>신화통신|신화사|新华社|新華社)\s*$", "신화통신 alone on a line above a partner's headline: the paper's section or source label names the agency (the source when the byline-and-time line names none); matched on the head only, never a line kind"),
    ("caption", r"[(\[]\s*사진\s*/\s*(?:신화(?:통신|망|사)|[^()\[\]]{1,20})\s*[)\]]\s*$", "photo caption ending (사진/신화통신) / [사진/신화망]"),
    ("caption", r"[\[(]\s*촬영\s*(?:기자\s*)?(?:/|\s(?=\s*(?:신화|기자)))[^\[\]()]{0,60}(?:\([^()\[\]]{0,12}\)?[^\[\]()]{0,20})?[\])]\s*$", "photo caption ending [촬영/ 신화사 기자 쑨카이팡(…)] / [촬영기자/장권쥔(…)] … (孫凱芳)] or, without the slash, [촬영 신화사 기자 …] (also with the name's parenthesis left open: 웡신양(翁忻旸])"),
    ("caption", r"[\[(]\s*(?:신화사|신화통신|신화망)\s+[^\[\]]{1,40}?\s*기자\s*촬영\s*[\])]\s*$", "photo caption ending [신화사 <name> 기자 촬영] (korean.china.org.cn's credit form)"),
    ("caption", r"^(?=.{0,300}$)(?=.*[신사넷망]\s*$).*\S\s+/\s*(?:신화통신|신화사|신화넷|신화망)\s*$", "… 촬영하고 있다. /신화통신: a photo caption closed by the agency's credit after a slash (Korean-language papers of China)"),
    ("caption", r"^(?=.{0,300}$)\s*사진은\s", "사진은 …: a caption in a gallery or under a photo"),
    ("caption", r"^(?=.{0,300}$)(?=.*[)）]\s*[.。]?\s*$).*[(（]\s*(?:\d{4}\s*년\s*)?\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?\s*(?:드론\s*)?촬영\s*(?:[,，]\s*(?:드론|항공|휴대폰)\s*(?:사진|촬영)\s*)?[)）]\s*[.。]?\s*$", "… 수업하고 있다(2013년 3월 20일 촬영). / … 양안의 모습이다(2017년 6월 촬영). / … 야츠허 대교(7월31일 촬영, 드론 사진): a photo's date (the day may be left out; how it was taken may follow) closing the line (a photo description that runs on into the text stays body)"),
    ("caption", r"^\s*[(（][\p{Han}·・\s\d]{1,24}[)）]\s*[(（]\d{1,2}[)）]", "Chinese wire photo title: (国际)(1)… / (习近平出访配合稿·图文互动)(1)… / (新华全媒头条·故宫90年·图文互动)(1)…"),
    ("caption", r"^(?=.{0,100}$)(?!.*\p{Hangul})\s*[(（][\p{Han}·・\sA-Za-z\d]{1,24}[)）]\s*(?:[(（]\d{1,2}[)）]\s*)?\p{Han}[^。\n]*$", "Chinese wire photo title without a photo number or with a Latin column code: (时政)习近平会见… / (兩會·XHDW)(16)…"),
    ("caption", r"[(\[（]\s*(?:사진\s*제공\s*[:：/]?\s*[^()\[\]（）]{1,30}|[^()\[\]（）]{1,30}?\s*제공)\s*[)\]）]\s*$", "a photo credit closing the line: (주최 측 제공) / (사진 제공: 주한 중국대사관) / [사진 제공: 신화사]"),
    ("caption", r"[(（]\s*(?:자료\s*사진|(?:드론|항공)\s*(?:촬영|사진)|(?:\d{1,2}\s*시간\s*)?(?:\d{1,3}\s*분\s*)?\d{1,2}\s*초)\s*[)）]\s*[.。]?\s*$", "(자료 사진) alone or closing a photo's label (하이난 원창 우주발사장(자료 사진)): a file photo; … 업무가 진행됐다.(드론 촬영): how the photo was taken closing its caption; 中, 올해 … 입증 (02분02초): a video's label closed by its running time is the video's caption"),
    ("caption", r"^(?=.{0,160}$)(?!\s*\[)(?!.*[다요][.!?]\s+\S).*\S\s*촬영한\s", "short line describing a photo: … 1월 5일 촬영한 … (one sentence: a description that runs on into the text stays body)"),
    ("caption", r"^(?=.{0,300}$)\s*(?:[^\s\d.!?。]{1,10}\s+)?(?:\d{4}\s*년\s*)?\d{1,2}\s*월\s*\d{1,2}\s*일[^.!?。\n]*(?:고\s*있다|모습이다|장면이다)\.\s*$", "2월 1일, 한 목민이 … 춘제를 맞이하고 있다.: one dated sentence describing a scene (the photo caption formula; a one-word subject may stand before the date)"),
    ("caption", r"^\s*(?:[^\s\d.!?。]{1,10}\s+)?\d{1,2}\s*일(?=.{0,300}$)(?=[^.!?。\n]*\S에서\s)[^.!?。\n]*(?:고\s*있다|모습이다|장면이다)\.\s*$", "8일 … 건조장에서 … 벼를 쌓고 있다. / 작업자가 19일 … 작업장에서 … 포장하고 있다.: the formula dated by the day alone names the scene's place (…에서); a news lead dated so (30일 … 한국편이 시작되면서 세계의 이목을 끌고 있다.) names none"),
    ("scene", r"^\s*(?:[^\s\d.!?。]{1,10}\s+)?\d{1,2}\s*일(?=.{0,300}$)[^.!?。\n]*(?:고\s*있다|모습이다|장면이다)\.\s*$", "7일 … 탑승한 농민들이 기념사진을 찍고 있다.: the formula dated by the day alone without the scene's place: a photo's caption, except as the first line of a page without a dateline, where it is the news lead (30일 … 한국편이 시작되면서 세계의 이목을 끌고 있다.); layout.py decides"),
    ("caption", r"^(?=.{0,300}$)(?=.*\d\.?\s*$).*\S\s+(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?\s*$", "… 죽방울 공연을 펼치고 있다. 2024.2.13: a caption closed by the photo's date stamp (2023–)"),
    ("caption", r"^(?=.{0,160}$)\s*(?:\p{Hangul}{1,4}\s*)?사진\s*[:：]", "조판 사진: 루거우챠오 / 자료 사진: …: a photo's label line"),
    ("caption", r"^(?=.{0,300}$)\s*\d{1,2}\s*월\s*\d{1,2}\s*일[^\n]*[^\s다요까니죠.!?\"”’'][.]?\s*$", "2월 18일 저녁, … 순시하고 있는 장빙(張兵).: a gallery photo's date and a noun phrase, no predicate"),
    ("caption", r"^\s*\d{1,2}\s*일\s(?=.{0,300}$)(?![^\n]*[다요][.!?]\s+\S)(?=[^\n]*\S에서\s|[^\n]*\S[은는]\s\S{1,10}\.\s*$)[^\n]*[^\s다요까니죠.!?\"”’']\.\s*$", "12일 상하이에서 열린 … 공연단과 상호작용하는 관광객. / 9일 할빈 … 빙설예술관을 찾은 관광객.: a photo's day, its place (…에서) or a clause on the one noun closing it, and no predicate (2023– galleries)"),
]


def render() -> str:
    lines = ["kind\tpattern\tnote"]
    for kind, pattern, note in MARKERS:
        if "\t" in pattern or "\n" in pattern:
            raise ValueError(f"pattern for {kind} holds a tab or newline")
        lines.append(f"{kind}\t{pattern}\t{note}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from _generated import write_or_check

    return write_or_check({OUT: render}, argv, "build_page_markers.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
