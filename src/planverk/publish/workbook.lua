-- pandoc Lua filter planverk runs when it writes Word (DOCX): a document to print and hand out.
--
-- * A fill-in area (a one-column table whose rows are all blank, as the `fill_in` macro of
--   the built-in templates writes it) becomes one bordered box with its label at the top
--   and room to write: 1 cm per blank row, at least 3 cm.
-- * Other tables fill the width of the page, each column as wide as what it holds needs.
-- * Pictures are as wide as the text (tall ones narrower, to fit the page).
-- * The title page stands alone; then comes a table of contents on a page of its own (when
--   the document has three or more top-level headings), listing the headings already, so
--   that it reads right before Word updates its page numbers; then the body.
--
-- Reads the metadata fields `planverk-contents` (the word for "Contents" in the plan's
-- language) and `planverk-shift` (how many levels to lift every heading: 1 when the
-- document's `# Title` became the title page). Only writes raw Office Open XML, so it works with any reference document.

local BORDER = '<w:%s w:val="single" w:sz="8" w:space="0" w:color="595959"/>'
local PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

local function xml(text)
  return (text:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;'):gsub('"', '&quot;'))
end

local function blank(blocks)
  local text = pandoc.utils.stringify(blocks):gsub('[%s\194\160]', '')
  return text == ''
end

local function body_rows(tbl)
  local rows = {}
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do
      table.insert(rows, row)
    end
  end
  return rows
end

local function fill_in_box(label, rows)
  local borders = ''
  for _, side in ipairs({'top', 'left', 'bottom', 'right'}) do
    borders = borders .. BORDER:format(side)
  end
  local height = math.max(rows, 3) * 567
  return pandoc.RawBlock('openxml', table.concat({
    '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>', borders,
    '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>',
    '<w:tblGrid><w:gridCol w:w="9070"/></w:tblGrid>',
    '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="', tostring(height), '" w:hRule="atLeast"/></w:trPr>',
    '<w:tc><w:tcPr><w:tcW w:w="5000" w:type="pct"/></w:tcPr>',
    '<w:p><w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr>',
    '<w:r><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/></w:rPr>',
    '<w:t xml:space="preserve">', xml(label), '</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:p><w:pPr><w:spacing w:before="0" w:after="120"/></w:pPr></w:p>',
  }))
end

-- Column widths from what the columns hold, so that a table fills the page and a column
-- of long texts gets more room than one of times (pandoc gives a GitHub table no widths).
local function widen(tbl)
  local longest = {}
  local function measure(row)
    for i, cell in ipairs(row.cells) do
      local length = utf8.len(pandoc.utils.stringify(cell.contents)) or 0
      longest[i] = math.max(longest[i] or 0, math.min(length, 60))
    end
  end
  for _, row in ipairs(tbl.head.rows) do measure(row) end
  for _, row in ipairs(body_rows(tbl)) do measure(row) end
  local total = 0
  for i = 1, #tbl.colspecs do
    longest[i] = (longest[i] or 0) + 8
    total = total + longest[i]
  end
  for i, spec in ipairs(tbl.colspecs) do
    tbl.colspecs[i] = {spec[1], longest[i] / total}
  end
  return tbl
end

function Table(tbl)
  if #tbl.colspecs ~= 1 then
    return widen(tbl)
  end
  local rows = body_rows(tbl)
  if #rows == 0 then
    return nil
  end
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      if not blank(cell.contents) then
        return nil
      end
    end
  end
  local label = ''
  for _, row in ipairs(tbl.head.rows) do
    for _, cell in ipairs(row.cells) do
      label = label .. pandoc.utils.stringify(cell.contents)
    end
  end
  return fill_in_box(label, #rows)
end

local function contents(doc, title)
  local entries = {}
  local top = 0
  for _, block in ipairs(doc.blocks) do
    if block.t == 'Header' and block.level <= 2 then
      if block.level == 1 then
        top = top + 1
      end
      local indent = (block.level - 1) * 440
      table.insert(entries, table.concat({
        '<w:p><w:pPr><w:pStyle w:val="TOC', tostring(block.level), '"/>',
        '<w:spacing w:before="0" w:after="60"/><w:ind w:left="', tostring(indent), '"/></w:pPr>',
        '<w:r><w:t xml:space="preserve">', xml(pandoc.utils.stringify(block.content)), '</w:t></w:r></w:p>',
      }))
    end
  end
  if top < 3 then
    return nil
  end
  local first = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    .. '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
    .. '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
  entries[1] = entries[1]:gsub('</w:pPr>', '</w:pPr>' .. first:gsub('%%', '%%%%'), 1)
  return table.concat({
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:pageBreakBefore/></w:pPr>',
    '<w:r><w:t xml:space="preserve">', xml(title), '</w:t></w:r></w:p>',
    table.concat(entries),
    '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:br w:type="page"/></w:r></w:p>',
  })
end

-- A picture as wide as the text where it is wider than tall; a tall one (an organisation
-- chart of many groups) narrower, so that it fits on the page with its heading.
function Image(img)
  if img.attributes.width or img.attributes.height then
    return nil
  end
  local ok, mime, contents = pcall(pandoc.mediabag.fetch, img.src)
  if not ok or mime ~= 'image/png' or #contents < 24 then
    return nil
  end
  local width, height = string.unpack('>I4I4', contents, 17)
  local share = math.min(100, math.floor(100 * width / height * 1.3))
  img.attributes.width = tostring(share) .. '%'
  return img
end

function Pandoc(doc)
  local shift = tonumber(pandoc.utils.stringify(doc.meta['planverk-shift'] or '0')) or 0
  doc = doc:walk({
    Header = function(h)
      h.level = math.max(h.level - shift, 1)
      return h
    end,
  })
  local title = pandoc.utils.stringify(doc.meta['planverk-contents'] or 'Contents')
  table.insert(doc.blocks, 1, pandoc.RawBlock('openxml', contents(doc, title) or PAGE_BREAK))
  return doc
end
