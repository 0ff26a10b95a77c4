"""A minimal valid PDF, written by hand: the demo's documents get a real file to download.

One A4 page of Helvetica text (one of the 14 fonts every PDF reader has, so nothing is
embedded); Helvetica's standard encoding has no Vietnamese letters, so the text is written
without diacritics. The cross-reference table carries the exact byte offsets readers check.
"""

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def _ascii(text):
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_D_MAP))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.encode("ascii", "replace").decode("ascii")
    return plain.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines):
    """The bytes of a one-page PDF showing ``lines`` (long lines are not wrapped)."""
    text = ["BT", "/F1 12 Tf", "16 TL", "56 780 Td"]
    for line in lines:
        text.append(f"({_ascii(line)}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def document_pdf(document):
    """A placeholder text of a legal document: its kind, number, date, issuer and summary."""
    return minimal_pdf(
        [
            document.issuing_body,
            f"{document.get_kind_display()} so {document.number}",
            f"Ngay ban hanh: {document.issued_on:%d/%m/%Y}",
            "",
            *_wrap(document.title, 80),
            "",
            "(Ban mau cua du lieu demo.)",
        ]
    )


def _wrap(text, width):
    line, lines = "", []
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
