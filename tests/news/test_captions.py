"""Captioned images from CKEditor's image2: the figure survives sanitizing, and an image
without alt text is described by its caption."""

from news.sanitize import sanitize_html


def test_captioned_figure_keeps_its_class_and_caption():
    html = sanitize_html(
        '<figure class="image evil" style="float:left" onclick="x()">'
        '<img src="/media/uploads/a.jpg" alt="Lễ trao giải" width="640" height="480">'
        "<figcaption>Lễ trao giải năm 2026</figcaption></figure>"
    )
    assert html == (
        '<figure class="image"><img src="/media/uploads/a.jpg" alt="Lễ trao giải" '
        'width="640" height="480"><figcaption>Lễ trao giải năm 2026</figcaption></figure>'
    )


def test_figure_with_another_class_loses_it():
    assert sanitize_html('<figure class="x"><figcaption>a</figcaption></figure>') == (
        "<figure><figcaption>a</figcaption></figure>"
    )


def test_empty_alt_defaults_to_the_caption_text_escaped():
    html = sanitize_html(
        '<figure class="image"><img src="/media/a.jpg" alt="">'
        '<figcaption>Ảnh: Hội nghị &amp; <strong>"tổng kết"</strong></figcaption></figure>'
    )
    assert '<img src="/media/a.jpg" alt="Ảnh: Hội nghị &amp; &quot;tổng kết&quot;">' in html


def test_missing_alt_defaults_to_the_caption_and_a_given_alt_is_kept():
    html = sanitize_html(
        '<figure class="image"><img src="/media/a.jpg"><figcaption>Chú thích</figcaption>'
        '</figure><figure class="image"><img src="/media/b.jpg" alt="Mô tả riêng">'
        "<figcaption>Chú thích khác</figcaption></figure>"
    )
    assert '<img alt="Chú thích" src="/media/a.jpg">' in html
    assert 'alt="Mô tả riêng"' in html and 'alt="Chú thích khác"' not in html


def test_image_outside_a_figure_is_left_as_written():
    assert sanitize_html('<p><img src="/media/a.jpg" alt=""></p>') == (
        '<p><img src="/media/a.jpg" alt=""></p>'
    )
