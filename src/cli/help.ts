/** Help texts of the command line. */

export const MAIN_HELP = `baogao — reads Chinese political work reports (政府工作报告, 述职报告) into a typed model

Usage:
  baogao analyze FILE [--format json|text|html] [-o FILE]
  baogao check FILES|DIRS... [--against DIR|FILES] [--format stylish|json|sarif|html] [-o FILE] [--quiet] [--jobs N]
  baogao indicators FILES|DIRS... [-o table.csv|table.xlsx|table.json|page.html] [--format F] [--jobs N]
  baogao compare ZH-FILE EN-FILE [--format text|json]
  baogao targets FILES|DIRS... [--format text|csv|json|xlsx|html] [-o FILE] [--all]
  baogao <command> --help
  baogao --version

Commands:
  analyze      the report model of one document (JSON), or a readable outline
  check        lint a draft: leftover placeholders, duplicates, sentences reused from past reports
  indicators   one row per quantified claim (metric, value, unit, growth…) as CSV, XLSX or JSON
  compare      a Chinese report against its English translation: missing and disagreeing claims
  targets      each year's targets beside the outcomes reported for them: met, missed…

Inputs are .txt/.md (UTF-8, UTF-16 or GB18030, detected), .docx or .html/.htm pages; a
directory is searched recursively for those; - reads standard input. Save .pdf, .doc and .wps
files as .docx (or UTF-8 text) first.

Options of check and indicators:
  -j, --jobs N   threads that read and analyse a batch, this one included (default: the number
                 of cores for 16 MB of files or more, else 1; 1 = no worker threads)

Exit status: 0 clean, 1 findings (errors or warnings), 2 bad usage or unreadable input.
`;

export const ANALYZE_HELP = `Usage: baogao analyze FILE [--format json|text|html] [-o FILE]

Reads one document and prints its report model.

Options:
  -f, --format json|text   json: the Report as JSON (the default; see baogao/schema.json)
                           text: an outline — title, sections with line numbers, counts of
                           placeholders by kind, claims and duplicates
                           html: a page — the outline with roles, the text with its claims
                           marked, the claims as a table (a row click shows its sentence)
  -o, --output FILE        write to FILE instead of standard output; never the input
  -h, --help               show this help

Examples:
  baogao analyze 2024年政府工作报告.docx > report.json
  baogao analyze draft.txt --format text
  baogao analyze 2025年四川省政府工作报告.docx --format html -o report.html
  cat draft.txt | baogao analyze - --format text

Exit status: 0 done, 2 bad usage or unreadable input.
`;

export const CHECK_HELP = `Usage: baogao check FILES|DIRS... [--against DIR|FILES] [--format stylish|json|sarif|html] [-o FILE] [--quiet] [--jobs N]

Checks drafts for leftover placeholders (**, ***, 9*%, XX), repeated clauses, duplicate or nearly
duplicate sentences and paragraphs, over-repeated phrases and, with --against, sentences reused
from past reports.

Rules:
  placeholder          error for masked numbers, names and dates; warning for other masks
  repeated-clause      the same clause twice in a row
  duplicate-sentence   the same sentence more than once
  duplicate-paragraph  the same paragraph more than once
  near-duplicate       two sentences nearly the same
  repeated-phrase      a long phrase three or more times (info for fixed formulations)
  reused-sentence      a sentence found in a past report (info for fixed formulations)
  inconsistent-figure  one metric, period, scope and modality stated with two values
  percent-or-points    a rate's change in % where 个百分点 is meant, or the reverse
  figures-do-not-add-up  a part above its total (其中), shares above 100%, 从A到B against its change
  disagrees-with-reference  error: a figure that the --reference files state otherwise

Options:
  -a, --against PATH     past reports to compare with (a directory or files; repeatable);
                         adds reused-sentence findings and a line "reuses 31% of …" per draft
  -f, --format FORMAT    stylish (default): grouped by file, with the text and carets
                         json: stable JSON (see the README)
                         sarif: SARIF 2.1.0, for GitHub code scanning and editors
                         html: one self-contained page (opens by double-click, makes no
                         request): each draft's text with its findings marked, a list with
                         filters by rule and severity; an index for a batch
  -o, --output FILE      write to FILE instead of standard output; never an input, and not
                         written when no input could be read
  -q, --quiet            report errors only (= --min-severity error)
      --min-severity S   report findings of severity S or above: error, warning or info
      --rule ID          run only the rules named (repeatable)
      --no-rule ID       do not run rule ID (repeatable)
      --reference FILE   a statistical communiqué or last year's figures the draft's must
                         agree with (repeatable): disagrees-with-reference
      --write-baseline FILE  record today's findings in FILE (JSON)
      --baseline FILE    report only findings that FILE does not hold (matched by rule, file
                         and the text around them, not by line)
      --config FILE      the configuration (default: baogao.config.json, the nearest upwards
                         from the first input): rules on/off or their severity, extra
                         formulations and placeholder patterns, files to ignore
  -j, --jobs N           threads that read and analyse the files, this one included
                         (default: the number of cores for 16 MB of files or more, else 1;
                         1 = no worker threads)
  -h, --help             show this help

A directory scan skips README, SOURCES, LICENSE and CHANGELOG files and says how many it skipped.
Positions are line:column, 1-based, columns in UTF-16 code units of the decoded text.

Examples:
  baogao check draft.docx
  baogao check drafts/ --against reports/2019-2023/
  baogao check draft.txt --format sarif > baogao.sarif
  baogao check drafts/ --format html -o report.html
  baogao check drafts/ --quiet --format json
  baogao check draft.txt --reference nbs-2023-statistical-communique.txt
  baogao check drafts/ --write-baseline baseline.json   then   --baseline baseline.json

Exit status: 0 no errors or warnings, 1 errors or warnings found, 2 bad usage or an input could
not be read (the other inputs are still checked).
`;

export const INDICATORS_HELP = `Usage: baogao indicators FILES|DIRS... [-o table.csv|table.xlsx|table.json|page.html] [--format F] [--jobs N]

Extracts every quantified claim — one row each: file, line, year, section, metric, canonical
metric, period, value, upper, unit, scaled value and unit, bound, growth direction, value and unit,
ranks, modality, masked, sentence.

The year is the report's own: from the title ("2024年政府工作报告") or the delivery date in the first
lines ("——2024年3月5日在…"), else from 19xx/20xx in the file name, else empty.

Options:
  -o, --output FILE   write to FILE instead of standard output; the format follows the extension:
                        .csv   RFC 4180 with a UTF-8 BOM (opens in Excel)
                        .xlsx  sheet "indicators" and sheet "pivot": canonical metrics by report,
                               the first value of each (or its growth when there is no value)
                        .json  an array of rows
                        .html  a page: a line chart per canonical metric across the reports'
                               years (a line per place), and the table
                      never an input file
  -f, --format F      csv, json, xlsx (needs -o) or html, whatever the extension
  -j, --jobs N        threads that analyze a batch, this one included (default: the number of cores
                      for 16 MB of files or more, else 1; 1 = no workers)
  -h, --help          show this help

Without -o, CSV goes to standard output, without a BOM (for scripts; use -o FILE.csv for Excel).
When no input could be read, nothing is written: no header, no file.

Examples:
  baogao indicators 2025年北京市政府工作报告.docx
  baogao indicators reports/ -o indicators.xlsx
  baogao indicators reports/ -o indicators.html
  baogao indicators a.txt b.txt -o rows.json

Exit status: 0 done, 2 bad usage or an input could not be read (the others are still read).
`;

export const COMPARE_HELP = `Usage: baogao compare ZH-FILE EN-FILE [--format text|json]

Compare a Chinese report with its English translation: claims found in one version and not
the other, and claims whose numbers, units or growth directions disagree (1206万 = 12.06 million).

The languages are detected: with the English file first, the two are swapped (with a note);
two files of the same language are refused. A warning on standard error says when the reports
are of different years or share few claims (under half of the smaller side's matched).

Options:
  -f, --format text|json   a list with file:line:column (default), or the full comparison as JSON
  -h, --help               this help

Examples:
  baogao compare ../shared/corpus/zh/national-2019-gov-work-report.zh.txt ../shared/corpus/en/national-2019-gov-work-report.en.txt
  baogao compare 2019.zh.txt 2019.en.txt --format json

Exit status: 0 every claim matched, 1 claims missing or disagreeing, 2 bad usage or unreadable input.
`;

export const TARGETS_HELP = `Usage: baogao targets FILES|DIRS... [--format text|csv|json|xlsx] [-o FILE] [--all]

Puts each year's targets beside their outcomes, one row per place × year × canonical metric: the
report of year Y gives the targets for Y (its plan part, above all 主要预期目标) and the outcomes of
Y−1 (its review part; 预计 figures are outcomes of modality forecast); a statistical communiqué
(统计公报) gives its year's final outcomes. Place and year come from the title, the front matter,
the dateline of the first lines (——2025年1月…在…人民代表大会上) or the file name; two files of one
place and year are warned about and one is kept.

Status: met, missed, no-target (the year's report sets none, or was not given), no-outcome,
not-comparable (units differ); each row names the rule that decided it: at-least (以上),
at-most (以内), fall (a target of a fall), higher-better/reach-lower-end, ceiling/at-or-below,
lower-better/at-or-below, neutral/within-band; +rounding when 左右 allows the target's rounding.

Options:
  -f, --format F   text (default), csv, json ({ format: "baogao-targets", formatVersion: 1, rows }),
                   xlsx (a sheet per place and a sheet of metrics × years; needs -o), or html
                   (a page: per metric the target band and the outcome point of each year)
  -o, --output F   write to F instead of standard output (the format follows its extension
                   unless --format is given); never an input file
      --all        also list targets that are not annual (年均, “十四五”时期, 到2035年), each with
                   its horizon
  -h, --help       show this help

Examples:
  baogao targets reports/national/ reference/
  baogao targets reports/ -o targets.xlsx

Exit status: 0 done, 2 bad usage or an input could not be read (the others are still read).
`;
