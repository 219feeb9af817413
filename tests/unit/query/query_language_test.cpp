// The query language (docs/QUERY.md) against a real index: eight records written by
// ldn::DocumentBuilder with the bundled synonym table, and which PMIDs each query finds. Then every
// syntax error with its message and column, and the words handed to spelling suggestions.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/synonyms.hpp"
#include "query/search/query_language.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace {

using Pmids = std::set<std::string>;

struct Record {
    ldn::Article article;
    ldn::Annotations annotations;
};

ldn::Annotations annotated(std::vector<std::string> conditions, std::string design) {
    ldn::Annotations annotations;
    annotations.conditions = std::move(conditions);
    annotations.design = std::move(design);
    return annotations;
}

// What each record is there to test is said beside it.
std::vector<Record> records() {
    std::vector<Record> all;
    {  // 1001: "Low-dose naltrexone" (never "LDN"), stemming, numbers, MeSH, DOI, an RCT type
        ldn::Article a;
        a.pmid = "1001";
        a.title = "Low-dose naltrexone for fibromyalgia: a randomized, double-blind, placebo-controlled crossover trial.";
        a.abstract = {{"", "", "Thirty-one women with fibromyalgia were randomized to 4.5 mg naltrexone or placebo for 12 weeks."}};
        a.authors = {{"Younger", "Jarred", "J", "", "", "", {}}};
        a.journal = {"Arthritis and rheumatism", "Arthritis Rheum", "", "", "", ""};
        a.year = 2013;
        a.pubdate = "2013-02";
        a.doi = "10.1002/ART.37734";
        a.publication_types = {"Journal Article", "Randomized Controlled Trial"};
        a.mesh = {{"D005356", "Fibromyalgia", true, {}}, {"D009271", "Naltrexone", false, {}}};
        a.keywords = {"chronic pain"};
        a.languages = {"eng"};
        all.push_back({a, annotated({"fibromyalgia"}, "rct")});
    }
    {  // 1002: "LDN" (never "low dose"), Sjögren with its diacritic, covid-19, no naltrexone
        ldn::Article a;
        a.pmid = "1002";
        a.title = "LDN in Sjögren's syndrome and systemic lupus erythematosus: a case series";
        a.abstract = {{"", "", "Five patients improved. Symptoms of covid-19 were not reported."}};
        a.authors = {{"Garcia", "Maria", "M", "", "", "", {}}};
        a.journal = {"Lupus", "Lupus", "", "", "", ""};
        a.year = 2020;
        a.pubdate = "2020";
        a.publication_types = {"Case Reports"};
        a.mesh = {{"D008180", "Lupus Erythematosus, Systemic", true, {}}};
        a.languages = {"eng"};
        all.push_back({a, annotated({"lupus", "sjogren"}, "case-series")});
    }
    {  // 1003: a retracted review whose title is pasted with its colon; says both LDN and low dose naltrexone
        ldn::Article a;
        a.pmid = "1003";
        a.title = "Naltrexone: a review of its use in chronic pain";
        a.abstract = {{"", "", "Low dose naltrexone (LDN) is an opioid antagonist that modulates microglia."}};
        a.authors = {{"", "", "", "", "LDN Research Group", "", {}}};
        a.journal = {"Pain Medicine", "Pain Med", "", "", "", ""};
        a.year = 2018;
        a.pubdate = "2018-06";
        a.publication_types = {"Journal Article", "Review"};
        a.languages = {"eng"};
        a.retracted = true;
        all.push_back({a, annotated({"chronic-pain"}, "review")});
    }
    {  // 1004: British "Randomised", German, a DOI with parentheses, RA
        ldn::Article a;
        a.pmid = "1004";
        a.title = "Randomised trial of naltrexone in rheumatoid arthritis";
        a.abstract = {{"", "", "RA patients received 50 mg of naltrexone daily."}};
        a.authors = {{"Müller", "Hans", "H", "", "", "", {}}};
        a.journal = {"Zeitschrift fur Rheumatologie", "Z Rheumatol", "", "", "", ""};
        a.year = 2016;
        a.pubdate = "2016";
        a.doi = "10.1002/(SICI)1097-0258(19980715)17:13<1495::AID-SIM863>3.0.CO;2-I";
        a.publication_types = {"Journal Article"};
        a.languages = {"ger"};
        all.push_back({a, annotated({"rheumatoid-arthritis"}, "rct")});
    }
    {  // 1005: "fibromyalgia syndrome", "Fibrosis" (fibro*), naltrexone only in the abstract, keyword FM
        ldn::Article a;
        a.pmid = "1005";
        a.title = "Microglial modulation in a model of fibromyalgia syndrome";
        a.abstract = {{"", "", "Fibrosis was absent. Mice received naltrexone."}};
        a.authors = {{"Smith", "John", "J", "", "", "", {}}};
        a.journal = {"Brain research", "Brain Res", "", "", "", ""};
        a.year = 2025;
        a.pubdate = "2025-01";
        a.publication_types = {"Journal Article"};
        a.keywords = {"glia", "FM"};
        a.languages = {"eng"};
        all.push_back({a, annotated({"fibromyalgia"}, "preclinical")});
    }
    {  // 1006: "low dose" and "naltrexone" apart, no year
        ldn::Article a;
        a.pmid = "1006";
        a.title = "Dose finding of naltrexone";
        a.abstract = {{"", "", "A low dose of naltrexone was compared with a higher dose."}};
        a.publication_types = {"Journal Article"};
        a.languages = {"eng"};
        all.push_back({a, annotated({}, "other")});
    }
    {  // 1007: ME/CFS with its slash
        ldn::Article a;
        a.pmid = "1007";
        a.title = "Naltrexone in chronic fatigue syndrome";
        a.abstract = {{"", "", "Patients with ME/CFS reported less fatigue."}};
        a.year = 2022;
        a.pubdate = "2022";
        a.publication_types = {"Journal Article"};
        a.keywords = {"ME/CFS"};
        a.languages = {"eng"};
        all.push_back({a, annotated({}, "observational")});
    }
    {  // 1008: "low" ends the title and "Dose" starts the abstract: no phrase may join them
        ldn::Article a;
        a.pmid = "1008";
        a.title = "Pain relief was low";
        a.abstract = {{"", "", "Dose escalation did not help."}};
        a.year = 2021;
        a.pubdate = "2021";
        a.publication_types = {"Journal Article"};
        a.languages = {"eng"};
        all.push_back({a, annotated({}, "other")});
    }
    return all;
}

const Pmids every_record{"1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008"};

class Corpus {
public:
    Corpus() {
        const auto vocabularies = ldn::test::fixture("..") / ".." / "data" / "vocab";
        Xapian::WritableDatabase writer((dir_.path() / "index").string(), Xapian::DB_CREATE_OR_OPEN);
        ldn::DocumentBuilder builder;
        for (const Record& record : records()) {
            writer.replace_document(ldn::schema::pmid_term(record.article.pmid),
                                    builder.build(record.article, record.annotations));
        }
        ldn::store_synonyms(writer, ldn::load_synonyms(vocabularies / "synonyms.json"));
        writer.commit();
        database_ = Xapian::Database((dir_.path() / "index").string());
    }
    const Xapian::Database& database() const { return database_; }

private:
    ldn::test::TempDir dir_;
    Xapian::Database database_;
};

const Xapian::Database& corpus() {
    static const Corpus built;
    return built.database();
}

std::string pmid_of(const Xapian::Document& document) {
    auto term = document.termlist_begin();
    term.skip_to(ldn::schema::prefix::pmid);
    return (*term).substr(1);
}

Xapian::MSet run(const std::string& query) {
    Xapian::Enquire enquire(corpus());
    enquire.set_query(ldn::parse_query(query, corpus()).query);
    return enquire.get_mset(0, 100);
}

Pmids matching(const std::string& query) {
    Pmids found;
    const Xapian::MSet matches = run(query);
    for (auto match = matches.begin(); match != matches.end(); ++match) found.insert(pmid_of(match.get_document()));
    return found;
}

Pmids all_but(const Pmids& excluded) {
    Pmids kept;
    for (const std::string& pmid : every_record) {
        if (!excluded.count(pmid)) kept.insert(pmid);
    }
    return kept;
}

struct MatchRow {
    const char* query;
    Pmids expected;
};

void check_rows(const std::vector<MatchRow>& rows) {
    for (const MatchRow& row : rows) {
        CAPTURE(row.query);
        CHECK(matching(row.query) == row.expected);
    }
}

std::string syntax_error(const std::string& query) {
    try {
        ldn::parse_query(query, corpus());
    } catch (const ldn::QuerySyntaxError& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("free text words match through the stems TermGenerator indexed", "[query-language]") {
    check_rows({
        {"naltrexone", {"1001", "1003", "1004", "1005", "1006", "1007"}},
        {"NALTREXONE", {"1001", "1003", "1004", "1005", "1006", "1007"}},
        {"patients", {"1002", "1004", "1007"}},
        {"patient", {"1002", "1004", "1007"}},
        {"women", {"1001"}},
        {"randomized", {"1001"}},
        {"randomization", {"1001"}},
        // The English stemmer keeps the British spelling apart: "randomis" is not "random".
        {"randomised", {"1004"}},
        {"4.5", {"1001"}},
        {"4", {}},
        {"4.5 mg", {"1001"}},
        {"19", {"1002"}},
        {"covid-19", {"1002"}},
        {"Sjögren", {"1002"}},
        {"SJÖGREN", {"1002"}},
        {"sjögren's", {"1002"}},
        {"müller", {"1004"}},
        {"microglia", {"1003"}},
        {"nonexistentword", {}},
    });
}

TEST_CASE("adjacent items must all match, and lower-case operators are words", "[query-language]") {
    check_rows({
        {"naltrexone fibromyalgia", {"1001", "1005"}},
        {"low dose", {"1001", "1003", "1006", "1008"}},
        {"naltrexone not fibromyalgia", {}},
        {"naltrexone or placebo", {"1001"}},
        {"lupus and naltrexone", {}},
        {"Naltrexone: a review of its use in chronic pain", {"1003"}},
        {"Naltrexone:", {"1001", "1003", "1004", "1005", "1006", "1007"}},
        {"naltrexone - review", {"1003"}},
        {"\u2014", every_record},
    });
}

TEST_CASE("AND OR NOT and parentheses combine with NOT tightest and OR loosest", "[query-language]") {
    check_rows({
        {"naltrexone AND rheumatoid", {"1004"}},
        {"lupus OR rheumatoid", {"1002", "1004"}},
        {"naltrexone NOT fibromyalgia", {"1003", "1004", "1006", "1007"}},
        {"naltrexone AND NOT fibromyalgia", {"1003", "1004", "1006", "1007"}},
        {"NOT naltrexone", {"1002", "1008"}},
        {"NOT fibromyalgia NOT lupus", {"1003", "1004", "1006", "1007", "1008"}},
        {"lupus OR rheumatoid naltrexone", {"1002", "1004"}},
        {"(lupus OR rheumatoid) naltrexone", {"1004"}},
        {"naltrexone NOT fibromyalgia OR lupus", {"1002", "1003", "1004", "1006", "1007"}},
        {"naltrexone NOT (fibromyalgia OR lupus)", {"1003", "1004", "1006", "1007"}},
        {"naltrexone OR NOT naltrexone", every_record},
        {"NOT NOT lupus", {"1002"}},
        {"((lupus))", {"1002"}},
        {"(naltrexone (rheumatoid OR (fibromyalgia NOT microglial)))", {"1001", "1004"}},
    });
}

TEST_CASE("a quoted phrase matches adjacent unstemmed words within one field", "[query-language]") {
    check_rows({
        {"\"low dose\"", {"1001", "1003", "1006"}},
        {"\"low dose naltrexone\"", {"1001", "1003"}},
        {"\"Low-Dose Naltrexone\"", {"1001", "1003"}},
        {"\"naltrexone low dose\"", {}},
        // "low" ends 1008's title and "Dose" starts its abstract.
        {"\"was low dose\"", {}},
        {"\"pain relief was low\"", {"1008"}},
        {"\"randomised\"", {"1004"}},
        {"\"patient\"", {}},
        {"\"patients\"", {"1002", "1004", "1007"}},
        {"\"covid-19\"", {"1002"}},
        {"\"4.5 mg\"", {"1001"}},
        // An exact phrase is not expanded through synonyms.
        {"\"ldn\"", {"1002", "1003"}},
    });
}

TEST_CASE("a hyphenated word is the phrase of its parts", "[query-language]") {
    check_rows({
        {"low-dose", {"1001", "1003", "1006"}},
        {"double-blind", {"1001"}},
        {"blind-double", {}},
        {"placebo-controlled crossover", {"1001"}},
    });
}

TEST_CASE("synonyms from the table expand free text both ways", "[query-language]") {
    check_rows({
        // 1001 says only "Low-dose naltrexone", 1002 only "LDN".
        {"LDN", {"1001", "1002", "1003"}},
        {"ldn", {"1001", "1002", "1003"}},
        {"low-dose naltrexone", {"1001", "1002", "1003", "1006"}},
        {"low dose naltrexone", {"1001", "1002", "1003", "1006"}},
        {"FM", {"1001", "1005"}},
        {"fibromyalgia", {"1001", "1005"}},
        {"rct", {"1001"}},
        {"sjogren", {"1002"}},
        {"me/cfs", {"1007"}},
        {"lbp", {}},
        {"title:ldn", {"1001", "1002"}},
        {"abstract:ldn", {"1003"}},
        {"keyword:fibromyalgia", {"1005"}},
        // Author names are looked for as written.
        {"author:ldn", {"1003"}},
    });
}

// A synonym holding every typed word ("fibromyalgia syndrome" for fibromyalgia, "low-dose naltrexone"
// for low dose naltrexone) finds nothing the typed words do not; its phrase is left out because
// checking positions on every candidate is what made such queries slow on a large index.
TEST_CASE("a synonym that contains the typed words adds no phrase to check", "[query-language]") {
    const auto description = [](const char* text) { return ldn::parse_query(text, corpus()).query.get_description(); };
    CHECK(description("fibromyalgia").find("PHRASE") == std::string::npos);
    CHECK(description("fibromyalgia").find("Zfm") != std::string::npos);
    CHECK(description("low dose naltrexone").find("PHRASE") == std::string::npos);
    CHECK(description("low dose naltrexone").find("Zldn") != std::string::npos);
    // The other way round the phrase is needed: "LDN" finds "low-dose naltrexone" only by it. It is
    // an indexed phrase, so its term, not a position check; within a field, the positions.
    CHECK(description("LDN").find("XWlow dose naltrexone") != std::string::npos);
    CHECK(description("LDN").find("PHRASE") == std::string::npos);
    CHECK(description("title:LDN").find("PHRASE") != std::string::npos);
    // 1005 says "fibromyalgia syndrome": still found, by the typed word itself.
    CHECK(matching("fibromyalgia").count("1005") == 1);
}

TEST_CASE("fields look in one part of the record", "[query-language]") {
    check_rows({
        {"title:naltrexone", {"1001", "1003", "1004", "1006", "1007"}},
        {"abstract:naltrexone", {"1001", "1003", "1004", "1005", "1006"}},
        {"Title:naltrexone", {"1001", "1003", "1004", "1006", "1007"}},
        // A field's value is never an operator.
        {"title:AND", {"1002"}},
        {"author:younger", {"1001"}},
        {"author:jarred", {"1001"}},
        {"author:müller", {"1004"}},
        {"journal:rheumatism", {"1001"}},
        {"journal:lupus", {"1002"}},
        {"mesh:fibromyalgia", {"1001"}},
        {"mesh:D005356", {"1001"}},
        {"mesh:d009271", {"1001"}},
        {"mesh:(D005356 OR D008180)", {"1001", "1002"}},
        {"keyword:glia", {"1005"}},
        {"title:\"low-dose naltrexone\"", {"1001"}},
        {"abstract:\"low dose naltrexone\"", {"1003"}},
        {"title:low-dose", {"1001"}},
        {"title:(lupus OR rheumatoid)", {"1002", "1004"}},
        {"title:(naltrexone NOT fibromyalgia)", {"1003", "1004", "1006", "1007"}},
        {"title:(naltrexone abstract:mice)", {}},
        {"title:naltrexone abstract:mice", {}},
        {"abstract:naltrexone title:microglial", {"1005"}},
        {"title:random*", {"1001", "1004"}},
        {"title:fibro*", {"1001", "1005"}},
        {"pmid:1003", {"1003"}},
        {"pmid:1003 OR pmid:1004", {"1003", "1004"}},
        {"doi:10.1002/art.37734", {"1001"}},
        {"doi:10.1002/ART.37734", {"1001"}},
        {"doi:\"10.1002/art.37734\"", {"1001"}},
        {"(doi:10.1002/art.37734)", {"1001"}},
        {"(pmid:1004 OR doi:10.1002/art.37734)", {"1001", "1004"}},
        {"doi:10.1002/(SICI)1097-0258(19980715)17:13<1495::AID-SIM863>3.0.CO;2-I", {"1004"}},
    });
}

TEST_CASE("filters select by condition, design, type, language, retraction and year", "[query-language]") {
    check_rows({
        {"condition:fibromyalgia", {"1001", "1005"}},
        {"condition:FIBROMYALGIA", {"1001", "1005"}},
        {"condition:fibromyalgia OR condition:lupus", {"1001", "1002", "1005"}},
        {"condition:(fibromyalgia OR lupus)", {"1001", "1002", "1005"}},
        {"condition:rheumatoid-arthritis", {"1004"}},
        {"condition:fibro", {}},
        {"design:rct", {"1001", "1004"}},
        {"design:case*", {"1002"}},
        {"design:rct NOT condition:fibromyalgia", {"1004"}},
        {"type:review", {"1003"}},
        {"type:\"randomized controlled trial\"", {"1001"}},
        {"type:\"Randomized  Controlled Trial \"", {"1001"}},
        {"lang:eng", all_but({"1004"})},
        {"lang:ger", {"1004"}},
        {"retracted:yes", {"1003"}},
        {"retracted:NO", all_but({"1003"})},
        {"year:2018", {"1003"}},
        {"year:2016..2020", {"1002", "1003", "1004"}},
        {"year:2021..", {"1005", "1007", "1008"}},
        {"year:..2013", {"1001"}},
        {"year:2013..2013", {"1001"}},
        {"NOT year:1900..", {"1006"}},
        {"year:(2013 OR 2025)", {"1001", "1005"}},
        {"naltrexone year:2016..2018", {"1003", "1004"}},
        {"title:naltrexone condition:fibromyalgia design:rct lang:eng retracted:no year:2010..", {"1001"}},
    });
}

TEST_CASE("filters do not change the ranking", "[query-language]") {
    const Xapian::MSet filtered = run("naltrexone design:rct year:2000.. lang:eng");
    const Xapian::MSet plain = run("naltrexone");
    REQUIRE(filtered.size() == 1);
    for (auto match = plain.begin(); match != plain.end(); ++match) {
        if (pmid_of(match.get_document()) == "1001") CHECK(filtered.begin().get_weight() == Approx(match.get_weight()));
    }
    CHECK(ldn::parse_query("design:rct", corpus()).query.get_description() == "Query(0 * XDrct)");
    const Xapian::MSet only_filters = run("condition:fibromyalgia year:..2030");
    REQUIRE(only_filters.size() == 2);
    for (auto match = only_filters.begin(); match != only_filters.end(); ++match) CHECK(match.get_weight() == 0);
}

TEST_CASE("a trailing wildcard expands to the indexed words it begins", "[query-language]") {
    check_rows({
        {"fibro*", {"1001", "1005"}},
        {"random*", {"1001", "1004"}},
        {"naltrex*", {"1001", "1003", "1004", "1005", "1006", "1007"}},
        {"Sjö*", {"1002"}},
        {"fibro* NOT fibromyalgia", {}},
        {"fibros*", {"1005"}},
        {"zz*", {}},
    });
}

TEST_CASE("an empty query matches everything", "[query-language]") {
    for (const char* text : {"", "   ", "\t\n"}) {
        CAPTURE(text);
        const ldn::ParsedQuery parsed = ldn::parse_query(text, corpus());
        CHECK(parsed.words.empty());
        CHECK(parsed.query.get_description() == Xapian::Query(Xapian::Query::MatchAll).get_description());
        CHECK(matching(text) == every_record);
    }
}

TEST_CASE("syntax errors say what and where", "[query-language]") {
    const std::string fields =
        "(fields: title, abstract, author, journal, mesh, keyword, pmid, doi, condition, design, type, lang, "
        "retracted, year)";
    struct Row {
        std::string query;
        std::string message;
    };
    const std::vector<Row> rows = {
        {"(fibro OR lupus", "query: unmatched '(' at column 1: (fibro OR lupus"},
        {"(fibro (lupus)", "query: unmatched '(' at column 1: (fibro (lupus)"},
        {"fibro)", "query: unmatched ')' at column 6: fibro)"},
        {") fibro", "query: unmatched ')' at column 1: ) fibro"},
        {"pain \"low dose", "query: unterminated quote starting at column 6: pain \"low dose"},
        {"lupus AND", "query: AND has nothing on its right at column 7: lupus AND"},
        {"(fibro AND", "query: AND has nothing on its right at column 8: (fibro AND"},
        {"lupus AND )", "query: AND has nothing on its right at column 7: lupus AND )"},
        {"AND lupus", "query: AND has nothing on its left at column 1: AND lupus"},
        {"lupus OR OR pain", "query: OR has nothing on its right at column 7: lupus OR OR pain"},
        {"(OR lupus)", "query: OR has nothing on its left at column 2: (OR lupus)"},
        {"lupus NOT", "query: NOT has nothing on its right at column 7: lupus NOT"},
        {"lupus ()", "query: empty parentheses at column 7: lupus ()"},
        {"titel:pain", "query: unknown field 'titel:' " + fields + " at column 1: titel:pain"},
        {"http://example.org", "query: unknown field 'http:' " + fields + " at column 1: http://example.org"},
        {"pain year:20x", "query: year: wants YYYY, YYYY..YYYY, YYYY.. or ..YYYY at column 6: pain year:20x"},
        {"year:..", "query: year: wants YYYY, YYYY..YYYY, YYYY.. or ..YYYY at column 1: year:.."},
        {"year:2016..2018..2020", "query: year: wants YYYY, YYYY..YYYY, YYYY.. or ..YYYY at column 1: year:2016..2018..2020"},
        {"year:(2016 OR 16)", "query: year: wants YYYY, YYYY..YYYY, YYYY.. or ..YYYY at column 1: year:(2016 OR 16)"},
        {"year:2020..2010", "query: year: 2020..2010 runs backwards at column 1: year:2020..2010"},
        {"retracted:maybe", "query: retracted: takes yes or no at column 1: retracted:maybe"},
        {"pmid:12a", "query: pmid: takes a number at column 1: pmid:12a"},
        {"doi:\"\"", "query: doi: needs a value at column 1: doi:\"\""},
        {"condition:\" \"", "query: condition: needs a value at column 1: condition:\" \""},
        {"title:--", "query: title: has no word to search for at column 1: title:--"},
        {"pain \"--\"", "query: nothing to search for between the quotes at column 6: pain \"--\""},
        {"pain f*", "query: a wildcard needs at least 2 characters before '*' at column 6: pain f*"},
        {"*", "query: a wildcard needs at least 2 characters before '*' at column 1: *"},
        {"design:c*", "query: a wildcard needs at least 2 characters before '*' at column 1: design:c*"},
        {"fib*ro", "query: '*' goes only at the end of a word at column 4: fib*ro"},
        {"fibro**", "query: '*' goes only at the end of a word at column 6: fibro**"},
        {"fibro-*", "query: '*' goes only at the end of a word at column 7: fibro-*"},
        {"low-dos*", "query: a wildcard must be a single word ('low-dos*' has 2) at column 1: low-dos*"},
        {"Sjögren (", "query: unmatched '(' at column 9: Sjögren ("},
        {"line\nbreak)", "query: unmatched ')' at column 11: line break)"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.query);
        CHECK(syntax_error(row.query) == row.message);
    }
}

TEST_CASE("a syntax error carries its problem, its column and the usage exit code", "[query-language]") {
    try {
        ldn::parse_query("naltrexone (lupus", corpus());
        FAIL("no error");
    } catch (const ldn::QuerySyntaxError& error) {
        CHECK(error.problem() == "unmatched '('");
        CHECK(error.column() == 12);
        CHECK(error.code() == ldn::ExitCode::usage);
    }
}

TEST_CASE("the work a query can ask for is bounded", "[query-language]") {
    const std::string longest(2000, 'a');
    CHECK_NOTHROW(ldn::parse_query(longest, corpus()));
    const std::string too_long = longest + "a";
    CHECK(syntax_error(too_long) == "query: too long (2001 bytes, at most 2000) at column 2001: …" +
                                        std::string(60, 'a'));
    const auto nested = [](int depth) { return std::string(depth, '(') + "lupus" + std::string(depth, ')'); };
    CHECK(matching(nested(32)) == Pmids{"1002"});
    CHECK(syntax_error(nested(33)).rfind("query: parentheses nested deeper than 32 at column 33: ", 0) == 0);
    // A field's parentheses count too.
    CHECK(syntax_error("title:(" + nested(32) + ")").rfind("query: parentheses nested deeper than 32 at column 39: ", 0) == 0);
}

TEST_CASE("a long query is quoted around the error", "[query-language]") {
    const std::string query = std::string(100, 'x') + " )" + std::string(100, 'y');
    CHECK(syntax_error(query) == "query: unmatched ')' at column 102: …" + std::string(29, 'x') + " )" +
                                     std::string(29, 'y') + "…");
}

TEST_CASE("the parsed words say what was typed and where", "[query-language]") {
    struct Row {
        std::string query;
        std::vector<ldn::QueryWord> words;
    };
    const std::vector<Row> rows = {
        {"Low-dose NALTREXONE title:Sjögren",
         {{"low", 0, 3, ""}, {"dose", 4, 4, ""}, {"naltrexone", 9, 10, ""}, {"sjögren", 26, 8, "S"}}},
        {"\"low dose\" OR abstract:(fibromyalgia NOT pain)",
         {{"low", 1, 3, ""}, {"dose", 5, 4, ""}, {"fibromyalgia", 24, 12, "XA"}, {"pain", 41, 4, "XA"}}},
        {"condition:Fibromyalgia type:\"randomized controlled trial\" design:rct lang:eng",
         {{"fibromyalgia", 10, 12, "XC"},
          {"randomized controlled trial", 29, 27, "XT"},
          {"rct", 65, 3, "XD"},
          {"eng", 74, 3, "L"}}},
        {"fibro* year:2018 pmid:1 doi:10.1/x retracted:no mesh:D005356 design:case*", {}},
        {"NOT lupus author:smith", {{"lupus", 4, 5, ""}, {"smith", 17, 5, "A"}}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.query);
        const auto words = ldn::parse_query(row.query, corpus()).words;
        REQUIRE(words.size() == row.words.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
            CAPTURE(i);
            CHECK(words[i].text == row.words[i].text);
            CHECK(words[i].offset == row.words[i].offset);
            CHECK(words[i].length == row.words[i].length);
            CHECK(words[i].prefix == row.words[i].prefix);
        }
    }
}
