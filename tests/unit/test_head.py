"""A page's own stylesheet goes to its head (generator/site/head.py)."""

from __future__ import annotations

from generator.site.head import stylesheet_in_head

OURS = '<link rel="stylesheet" href="../../assets/gereedschapskist/stijl-0123456789.css">'
PAGE = (
    '<html><head><link rel="stylesheet" href="../../assets/stylesheets/main.css">\n'
    "<script>var x=1</script>\n</head>\n"
    f'<body><header>Kop</header><div class="gk-page">\n{OURS}\n'
    "<h1>Het 8-tje</h1></div></body></html>"
)


def test_the_page_stylesheet_is_the_last_stylesheet_of_the_head() -> None:
    """In the content, the browser paints the header before the page's own styles are in. In
    the head, it goes before the scripts that follow the stylesheets (overrides/main.html makes
    every stylesheet's address absolute there)."""
    moved = stylesheet_in_head(PAGE)
    head, body = moved.split("</head>")
    assert head.endswith(f'main.css">{OURS}\n<script>var x=1</script>\n')
    assert OURS not in body
    assert '<div class="gk-page">\n<h1>Het 8-tje</h1>' in body, "nothing else in the body moves"
    assert stylesheet_in_head(moved) == moved, "moved once"


def test_a_page_without_one_or_with_another_stylesheet_is_left_as_it_is() -> None:
    plain = PAGE.replace(OURS, "")
    assert stylesheet_in_head(plain) == plain
    theirs = PAGE.replace(OURS, '<link rel="stylesheet" href="extra.css">')
    assert stylesheet_in_head(theirs) == theirs
    assert stylesheet_in_head("<p>no head</p>") == "<p>no head</p>"


def test_a_head_without_stylesheets_gets_it_at_its_end() -> None:
    bare = PAGE.replace('<link rel="stylesheet" href="../../assets/stylesheets/main.css">\n', "")
    head, _ = stylesheet_in_head(bare).split("</head>")
    assert head.endswith(f"<script>var x=1</script>\n{OURS}")
