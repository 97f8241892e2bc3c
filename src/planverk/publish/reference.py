"""planverk's own Word reference document: pandoc's default, made fit to print and hand out.

pandoc takes styles, page size, margins, headers and footers from a *reference document*
(``--reference-doc``). A municipality gives its own; without one, planverk starts from
pandoc's default and changes what a printed workbook needs:

- A4 with 2.5 cm margins, page numbers in the footer in the plan's language ("Side 3"),
  none on the title page;
- tables with a border round every cell and a shaded header row (pandoc's default draws
  only a line under the header, so a printed table has no columns to write in);
- the title centred a third of the way down the page.

The document is built from pandoc's default by editing its XML, so it follows the pandoc
in use; the same pandoc gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile

from .words import WORDS

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>'
_BORDERS = "".join(
    _BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

TABLE_STYLE = f"""<w:style w:type="table" w:default="1" w:styleId="Table">
    <w:name w:val="Table" />
    <w:basedOn w:val="TableNormal" />
    <w:uiPriority w:val="59" />
    <w:qFormat />
    <w:pPr><w:spacing w:before="40" w:after="40" /></w:pPr>
    <w:tblPr>
      <w:tblInd w:w="0" w:type="dxa" />
      <w:tblBorders>{_BORDERS}</w:tblBorders>
      <w:tblCellMar>
        <w:top w:w="40" w:type="dxa" />
        <w:left w:w="100" w:type="dxa" />
        <w:bottom w:w="40" w:type="dxa" />
        <w:right w:w="100" w:type="dxa" />
      </w:tblCellMar>
    </w:tblPr>
    <w:tblStylePr w:type="firstRow">
      <w:pPr><w:keepNext /></w:pPr>
      <w:rPr><w:b /></w:rPr>
      <w:trPr><w:tblHeader /><w:cantSplit /></w:trPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7ECF2" /><w:vAlign w:val="bottom" /></w:tcPr>
    </w:tblStylePr>
  </w:style>"""
"""Every cell bordered, the header row bold, shaded and repeated on each page."""

_FOOTER = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{w}" xmlns:r="{r}"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">{page} </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"""

_SECTION = (
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdPlanverkFooter"/>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" '
    'w:footer="709" w:gutter="0"/><w:titlePg/></w:sectPr>'
)
"""A4, 2.5 cm margins, the footer on every page but the first (the title page)."""

_SECTPR = re.compile(r"<w:sectPr\b[^>]*/>|<w:sectPr\b.*?</w:sectPr>", re.DOTALL)
_FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def _style(styles: str, style_id: str) -> re.Match[str] | None:
    return re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.DOTALL)


def _replace_style(styles: str, style_id: str, new: str) -> str:
    match = _style(styles, style_id)
    if match is None:
        return styles.replace("</w:styles>", new + "</w:styles>")
    return styles[: match.start()] + new + styles[match.end() :]


def _with_paragraph_properties(styles: str, style_id: str, extra: str) -> str:
    """Add ``extra`` at the start of a paragraph style's ``w:pPr``."""
    match = _style(styles, style_id)
    if match is None:
        return styles
    style = match.group(0)
    if "<w:pPr>" in style:
        style = style.replace("<w:pPr>", "<w:pPr>" + extra, 1)
    else:
        style = style.replace("</w:style>", f"<w:pPr>{extra}</w:pPr></w:style>")
    return styles[: match.start()] + style + styles[match.end() :]


def _styles(styles: str) -> str:
    styles = _replace_style(styles, "Table", TABLE_STYLE)
    styles = _with_paragraph_properties(styles, "Title", '<w:spacing w:before="4000"/>')
    return styles


def reference_docx(default: bytes, language: str) -> bytes:
    """planverk's reference document for ``language``, made from pandoc's default one."""
    source = zipfile.ZipFile(io.BytesIO(default))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/styles.xml":
                data = _styles(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/document.xml":
                text = _SECTPR.sub("", data.decode("utf-8"))
                data = text.replace("</w:body>", _SECTION + "</w:body>").encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdPlanverkFooter" Type="{_FOOTER_REL}" Target="footer1.xml"/>'
                data = data.decode("utf-8").replace("</Relationships>", rel + "</Relationships>").encode()
            elif info.filename == "[Content_Types].xml":
                part = f'<Override PartName="/word/footer1.xml" ContentType="{_FOOTER_TYPE}"/>'
                data = data.decode("utf-8").replace("</Types>", part + "</Types>").encode()
            target.writestr(_fixed(info.filename), data)
        footer = _FOOTER.format(w=_W, r=_R, page=WORDS[language]["page"])
        target.writestr(_fixed("word/footer1.xml"), footer.encode("utf-8"))
    return out.getvalue()


def _fixed(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time, so the same pandoc gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
