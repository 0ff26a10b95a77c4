"""A corpus of hostile inputs: markup, script URLs, SQL, NUL bytes, broken encodings,
very long strings and odd Unicode. ``CORPUS`` holds the values; ``RAW_QUERY_VALUES``
holds percent-escapes that are sent as they are (invalid UTF-8 must reach the server)."""

from urllib.parse import quote

XSS = [
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<base href=//evil.example/>",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "<!--<script>alert(1)-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    "{{ 7|add:7 }}",
    "{% debug %}",
    "{{ request.META }}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "＜script＞alert(1)＜/script＞",
]

SQL = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR 1=1 --',
    "1' OR '1'='1' /*",
    "1; DROP TABLE news_article; --",
    "'; DELETE FROM auth_user; --",
    "'; UPDATE auth_user SET is_superuser = true; --",
    "1 UNION SELECT username, password FROM auth_user --",
    "' UNION SELECT NULL, NULL, NULL --",
    "%' AND 1=0 UNION SELECT 1 --",
    "1 AND (SELECT pg_sleep(0))",
    "1' AND extractvalue(1, concat(0x7e, version())) --",
    "admin'--",
    "\\'",
    "\\",
    "'",
    '"',
    "`",
    "%",
    "_",
    "%%",
    "[",
    "]",
    "(",
    ")",
    "*",
    "|",
    "$where: 1",
    '{"$gt": ""}',
    "1e309",
    "-1",
    "0",
    "-0",
    "99999999999999999999999999",
    "9223372036854775808",
    "-9223372036854775809",
    "NaN",
    "Infinity",
    "1.5",
    "0x10",
    " 1 ",
    "１２",
    "٣",
    "true",
    "null",
    "None",
    "[]",
    "{}",
]

CONTROL = [
    "a\x00b",
    "\x00",
    "\x00<script>alert(1)</script>",
    "tin\x00tức",
    "\x01\x02\x03\x1b[31m",
    "\x7f",
    "a\r\nSet-Cookie: injected=1",
    "a\r\nLocation: https://evil.example/",
    "\t\n\r",
    "\x0b\x0c",
    "%00",
    "%0d%0aSet-Cookie:%20x=1",
    "../../../../etc/passwd",
    "..\\..\\..\\windows\\win.ini",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2f",
    "/etc/passwd",
    "file:///etc/passwd",
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example",
    "%s%s%s%s%n",
    "{0}{1}",
    "%(SECRET_KEY)s",
    "{settings.SECRET_KEY}",
]

UNICODE = [
    "\u202eabc\u202c",  # right-to-left override
    "gnp.\u202eexe.jpg",
    "\u200b\u200c\u200d\u2060\ufeff",  # zero-width characters
    "tin\u200btức",
    "Tie\u0302\u0301ng Vie\u0323\u0302t",  # decomposed (NFD) Vietnamese
    "a" + "\u0301" * 200,  # stacked combining marks
    "Z̵̡̛̗̙̝͍̤̓̿̀͂a̶̢̛͕̝̲͗͐͌̏͠l̴̡̨̧̙̈́́̓̓g̷̢̡̺̬͐͌̒͝o̸̢̧̻͓̊̐̈́",
    "🇻🇳👨‍👩‍👧‍👦🏳️‍🌈",
    "😀" * 300,
    "\U0001f4a9",
    "\ud800",  # a lone surrogate (not encodable as UTF-8)
    "\udfff\ud800",
    "\\ud800\\udc00",
    "\uffff\ufffe",
    "\ufffd",
    "𝕮𝖆𝖔 𝕭𝖆̆̀𝖓𝖌",
    "ＣＡＯ　ＢẰＮＧ",
    "İıſK",
    "ß" * 50,
    "ǅǈǋ",
    "\u0000\u2028\u2029",
    "中文測試",
    "العربية",
    "עברית",
    "ℌ𝔢𝔩𝔩𝔬",
    "Đ" * 100,
]

LONG = [
    "A" * 10_000,
    "<script>" * 1_250,
    "Điển hình tiên tiến " * 500,
    "%" * 10_000,
    "'" * 5_000,
    "é" * 10_000,
]

# Percent-escapes sent verbatim: invalid UTF-8 sequences, overlong forms, surrogates.
RAW_QUERY_VALUES = [
    "%ff%fe",
    "%ff",
    "%c0%af",
    "%c0%3cscript%3e",
    "%e0%80%af",
    "%ed%a0%80",
    "%ed%bf%bf",
    "%f4%90%80%80",
    "%fe%ff%00",
    "%e2%82",
    "%80",
    "%%",
    "%zz",
    "%2",
    "%u003cscript%u003e",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%253Cscript%253E",
    "%00%3Cscript%3E",
    "a%0Ab",
    "%E2%80%AE",
]

BASE = XSS + SQL + CONTROL + UNICODE + LONG


def _variants():
    seen = set()
    for value in [
        *BASE,
        *(f"Cao Bằng {payload}" for payload in XSS),
        *(f"{payload} khoa học" for payload in SQL[:20]),
        *(quote(payload, safe="") for payload in XSS[:20]),
    ]:
        if value not in seen:
            seen.add(value)
            yield value


CORPUS = list(_variants())

# What must never come back unescaped: markup and attribute-breaking payloads.
DANGEROUS_MARKERS = ("<script", "<img", "<svg", "<iframe", "onerror=", "onload=", "onmouseover=")


def is_dangerous(payload):
    lowered = payload.lower()
    return any(marker in lowered for marker in DANGEROUS_MARKERS) and (
        "<" in payload or '"' in payload or "'" in payload
    )
