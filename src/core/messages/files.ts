/**
 * Messages about a file as a whole: its encoding, its frontmatter block and YAML syntax,
 * and where story files sit (folder names, step file names, story.md).
 */
import { entry } from './entry';

/** The YAML parser's own words, for the curious; its quotes would read as ours. */
const parser = (p: { parser: string }) => `(YAML: ${p.parser.replace(/"/g, "'")})`;

export const FILE_MESSAGES = {
  'file.not-utf8': entry(
    'error',
    (p: { byte: number }) =>
      `the file is not UTF-8 (byte 0x${p.byte.toString(16).toUpperCase().padStart(2, '0')} on this line, as when "é" or "’" is saved in Windows-1252 or Latin-1): save it as UTF-8 (in most editors: Save with Encoding, or Save As → Encoding → UTF-8)`,
    { byte: 0xe9 },
  ),
  'frontmatter.missing': entry(
    'error',
    () =>
      'the file does not start with a frontmatter block: add a line "---", the fields, and a closing "---"',
    {},
  ),
  'frontmatter.not-closed': entry(
    'error',
    () => 'the frontmatter is not closed: add a line "---" after the last field',
    {},
  ),
  'frontmatter.not-fields': entry(
    'error',
    () => 'the frontmatter is not a list of fields: write one "name: value" per line',
    {},
  ),
  'yaml.unclosed-bracket': entry(
    'error',
    (p: { open: string; close: string; parser: string }) =>
      `a "${p.open}" is not closed ${parser(p)}: close it with "${p.close}" at the end of the value`,
    {
      open: '[',
      close: ']',
      parser: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
    },
  ),
  'yaml.stray-bracket': entry(
    'error',
    (p: { open: string; close: string; parser: string }) =>
      `a "${p.close}" closes nothing ${parser(p)}: remove it, or add the "${p.open}" it closes`,
    { open: '[', close: ']', parser: "Unexpected flow-seq-end token in YAML stream: ']'" },
  ),
  'yaml.duplicate-key': entry(
    'error',
    (p: { parser: string }) => `a field is written twice ${parser(p)}: keep one`,
    { parser: 'Map keys must be unique' },
  ),
  'yaml.bad-indent': entry(
    'error',
    (p: { parser: string }) =>
      `the indentation is off ${parser(p)}: indent nested fields by the same number of spaces`,
    { parser: 'All mapping items must start at the same column' },
  ),
  'yaml.unclosed': entry(
    'error',
    (p: { parser: string }) => `a bracket or quote is not closed ${parser(p)}: close it where the value ends`,
    { parser: 'Missing closing "quote' },
  ),
  'yaml.value-runs-on': entry(
    'error',
    (p: { parser: string }) =>
      `a value runs onto the next line ${parser(p)}: put text that contains ": " in quotes`,
    { parser: 'Nested mappings are not allowed in compact mappings' },
  ),
  'yaml.tab-indent': entry(
    'error',
    (p: { parser: string }) =>
      `a tab indents this line ${parser(p)}: indent with spaces; YAML does not allow tabs`,
    { parser: 'Tabs are not allowed as indentation' },
  ),
  'yaml.other': entry(
    'error',
    (p: { parser: string }) =>
      `the YAML does not parse ${parser(p)}: check quotes, brackets and indentation on this line`,
    { parser: 'Unexpected scalar at node end' },
  ),
  'field.invalid': entry(
    'error',
    (p: { zod: string }) =>
      `this value is not valid (${p.zod}): see this field in the guide's tables (stories/README.md)`,
    { zod: 'Invalid input' },
  ),
  'story.folder-clash': entry(
    'error',
    (p: { slug: string; other: string }) =>
      `the story "${p.slug}" is also in ${p.other}/: two stories can't share a web address, so rename one folder`,
    { slug: 'floods-2024', other: 'archive/stories/floods-2024' },
  ),
  'story.folder-name': entry(
    'error',
    (p: { slug: string }) =>
      `the folder name "${p.slug}" is the story's web address: use lowercase letters, digits and hyphens`,
    { slug: 'Floods 2024' },
  ),
  'story.no-story-md': entry(
    'error',
    () =>
      'the story has steps but no story.md: create it with the title, dek, byline, published date and sources',
    {},
  ),
  'story.no-steps': entry(
    'error',
    () => 'the story has no steps: add files named 010-name.md, 020-name.md … beside story.md',
    {},
  ),
  'step.file-name': entry(
    'error',
    (p: { name: string; suggestion: string }) =>
      `"${p.name}" is not a step file name: name steps NNN-name.md (three digits, then lowercase words joined by hyphens, e.g. ${p.suggestion})`,
    { name: '2 Second day.md', suggestion: '002-second-day.md' },
  ),
  'step.duplicate-id': entry(
    'error',
    (p: { id: string; other: string }) =>
      `step id "${p.id}" is also the id of ${p.other}: a step's id is its file name without the number, so rename one`,
    { id: 'start', other: 'stories/floods-2024/010-start.md' },
  ),
};
