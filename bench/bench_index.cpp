// ldn-bench-index: how fast PubMed records become a Xapian index, and the peak memory it takes. Each
// run measures one mode in its own process, so the peak RSS belongs to that indexer alone; the result
// is one line of key=value figures on stdout, for bench/run_index.sh to collect.
//
//   ldn      the path of `ldn ingest`: Annotator over data/vocab, IndexWriter, synonyms, ingest_files
//            (read, parse, annotate, index with positions, document data, commits)
//   bare     the floor of issue 10: ldn's reader, then one TermGenerator indexing the same fields and
//            replace_document, with the same boolean terms and values, and no annotation; with
//            --with-data it also stores the Article JSON, as ldn and the scriptindex input do
//   convert  not a measurement: writes the records as scriptindex input (field=value lines, records
//            separated by blank lines) for bench/scriptindex/pubmed.script, so that scriptindex is
//            timed on its own work only


#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "bench/peak_rss.hpp"
#include "crawler/article_json.hpp"
#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"
#include "index/annotator.hpp"
#include "index/index_jobs.hpp"
#include "index/index_writer.hpp"
#include "index/schema.hpp"
#include "index/synonyms.hpp"

namespace {

struct Figures {
    std::size_t records = 0;  // articles indexed (or written), deletions not counted
    std::size_t issues = 0;
    Xapian::doccount documents = 0;  // the database's own count at the end
};

// The author as DocumentBuilder indexes it, so every mode indexes the same words.
std::string author_text(const ldn::Author& author) {
    std::string text = author.collective.empty() ? author.fore + " " + author.last : author.collective;
    if (!author.initials.empty()) text += " " + author.initials;
    return text;
}

std::string lower_ascii(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> "YYYYMMDD", 00 for what is unknown: the pubdate slot's text.
std::string pubdate_slot_text(const std::string& pubdate) {
    if (pubdate.empty()) return {};
    std::string digits;
    for (char c : pubdate) {
        if (c != '-') digits += c;
    }
    digits.resize(8, '0');
    return digits;
}

std::string article_json(const ldn::Article& article) {
    nlohmann::ordered_json json = article;
    return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void report_issue(const ldn::RecordIssue& issue, Figures& figures) {
    if (++figures.issues <= 5) std::cerr << "ldn-bench-index: " << issue.to_string() << "\n";
}

Figures index_with_ldn(const std::filesystem::path& input, const std::filesystem::path& database,
                       const std::filesystem::path& vocab, std::size_t commit_every) {
    Figures figures;
    ldn::Annotator annotator(vocab);
    ldn::IndexWriter writer(database, annotator);
    ldn::store_synonyms(writer, ldn::load_synonyms(vocab / "synonyms.json"));
    ldn::IndexObserver observer;
    observer.record_issue = [&](const ldn::RecordIssue& issue) { report_issue(issue, figures); };
    ldn::IndexCounts counts = ldn::ingest_files({input}, writer, true, observer, commit_every);
    figures.records = counts.added + counts.updated + counts.unchanged;
    figures.documents = writer.documents();
    return figures;
}

// The fields of docs/SCHEMA.md, indexed the plain Xapian way: each text unprefixed and with its
// field's prefix, a gap of 100 positions after each, English stems.
class BareIndexer {
public:
    BareIndexer(const std::filesystem::path& database, bool with_data)
        : database_(database.string(), Xapian::DB_CREATE_OR_OVERWRITE), with_data_(with_data) {
        generator_.set_stemmer(Xapian::Stem("english"));
    }

    void put(const ldn::Article& article) {
        const std::string unique = ldn::schema::pmid_term(article.pmid);
        if (article.deleted) {
            database_.delete_document(unique);
            return;
        }
        Xapian::Document document;
        generator_.set_document(document);
        text(article.title, ldn::schema::prefix::title, ldn::schema::title_weight);
        text(article.vernacular_title, ldn::schema::prefix::title, 1);
        for (const auto& section : article.abstract) text(section.text, ldn::schema::prefix::abstract, 1);
        for (const auto& author : article.authors) text(author_text(author), ldn::schema::prefix::author, 1);
        text(article.journal.title, ldn::schema::prefix::journal, 1);
        text(article.journal.iso_abbrev, ldn::schema::prefix::journal, 1);
        for (const auto& heading : article.mesh) {
            text(heading.name, ldn::schema::prefix::mesh, 1);
            if (!heading.ui.empty()) document.add_boolean_term(ldn::schema::prefix::mesh_ui + lower_ascii(heading.ui));
        }
        for (const auto& keyword : article.keywords) text(keyword, ldn::schema::prefix::keyword, 1);
        for (const auto& type : article.publication_types) {
            text(type, ldn::schema::prefix::publication_type, 1);
            document.add_boolean_term(ldn::schema::prefix::type + lower_ascii(type));
        }
        document.add_boolean_term(unique);
        if (!article.doi.empty()) document.add_boolean_term((ldn::schema::prefix::doi + lower_ascii(article.doi)).substr(0, 240));
        if (article.year) document.add_boolean_term(ldn::schema::prefix::year + std::to_string(*article.year));
        for (const auto& language : article.languages) document.add_boolean_term(ldn::schema::prefix::language + lower_ascii(language));
        document.add_boolean_term(std::string(ldn::schema::prefix::retracted) + (article.retracted ? "yes" : "no"));
        if (std::string date = pubdate_slot_text(article.pubdate); !date.empty()) document.add_value(ldn::schema::pubdate, date);
        if (article.year) document.add_value(ldn::schema::year, Xapian::sortable_serialise(*article.year));
        if (with_data_) document.set_data(article_json(article));
        database_.replace_document(unique, document);
    }

    void commit() { database_.commit(); }
    Xapian::doccount documents() const { return database_.get_doccount(); }

private:
    void text(const std::string& words, const char* prefix, Xapian::termcount weight) {
        if (words.empty()) return;
        generator_.index_text(words, weight);
        generator_.index_text(words, weight, prefix);
        generator_.increase_termpos(100);
    }

    Xapian::WritableDatabase database_;
    Xapian::TermGenerator generator_;
    bool with_data_;
};

Figures index_bare(const std::filesystem::path& input, const std::filesystem::path& database, bool with_data,
                   std::size_t commit_every) {
    Figures figures;
    BareIndexer indexer(database, with_data);
    std::size_t since_commit = 0;
    ldn::read_pubmed_file(
        input,
        [&](ldn::Article&& article) {
            indexer.put(article);
            if (!article.deleted) ++figures.records;
            if (++since_commit >= commit_every) {
                indexer.commit();
                since_commit = 0;
            }
        },
        [&](const ldn::RecordIssue& issue) { report_issue(issue, figures); });
    indexer.commit();
    figures.documents = indexer.documents();
    return figures;
}

// One scriptindex record. A value's newlines are escaped as scriptindex wants them: '=' after each.
class ScriptindexRecord {
public:
    explicit ScriptindexRecord(std::ostream& out) : out_(out) {}
    ~ScriptindexRecord() { out_ << '\n'; }  // the blank line that ends the record

    void field(const char* name, const std::string& value) {
        if (value.empty()) return;
        out_ << name << '=';
        for (char c : value) {
            out_ << c;
            if (c == '\n') out_ << '=';
        }
        out_ << '\n';
    }

private:
    std::ostream& out_;
};

Figures convert_for_scriptindex(const std::filesystem::path& input, const std::filesystem::path& output) {
    Figures figures;
    std::ofstream out(output, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + output.string());
    ldn::read_pubmed_file(
        input,
        [&](ldn::Article&& article) {
            ScriptindexRecord record(out);
            record.field("pmid", article.pmid);
            if (article.deleted) return;  // a record of only its unique field: scriptindex deletes it
            ++figures.records;
            // Field names are bench/scriptindex/pubmed.script's; it says what each becomes.
            record.field("title", article.title);
            record.field("vernacular", article.vernacular_title);
            for (const auto& section : article.abstract) record.field("abstract", section.text);
            for (const auto& author : article.authors) record.field("author", author_text(author));
            record.field("journal", article.journal.title);
            record.field("journal", article.journal.iso_abbrev);
            for (const auto& heading : article.mesh) {
                record.field("mesh", heading.name);
                record.field("meshui", heading.ui);
            }
            for (const auto& keyword : article.keywords) record.field("keyword", keyword);
            for (const auto& type : article.publication_types) record.field("pubtype", type);
            record.field("doi", article.doi.substr(0, 236));
            if (article.year) record.field("year", std::to_string(*article.year));
            for (const auto& language : article.languages) record.field("language", language);
            record.field("retracted", article.retracted ? "yes" : "no");
            record.field("pubdate", pubdate_slot_text(article.pubdate));
            record.field("data", article_json(article));
        },
        [&](const ldn::RecordIssue& issue) { report_issue(issue, figures); });
    if (!out.flush()) throw std::runtime_error("cannot write " + output.string());
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode;
    std::filesystem::path input;
    std::filesystem::path database;
    std::filesystem::path output;
    std::filesystem::path vocab = "data/vocab";
    bool with_data = false;
    std::size_t commit_every = 10000;  // ingest_files' default, and Xapian's own flush threshold
    CLI::App app{"Indexes one PubMed XML file one way and prints one line of key=value figures."};
    app.add_option("--mode", mode, "ldn, bare or convert")->required()->check(CLI::IsMember({"ldn", "bare", "convert"}));
    app.add_option("file", input, "PubMed XML file (plain or .gz)")->required()->check(CLI::ExistingFile);
    app.add_option("--db", database, "Xapian database to create (ldn, bare); must not exist")->type_name("DIR");
    app.add_option("-o,--output", output, "scriptindex input to write (convert)")->type_name("FILE");
    app.add_option("--vocab", vocab, "data/vocab folder (ldn)")->type_name("DIR");
    app.add_flag("--with-data", with_data, "bare: also store the Article JSON as document data");
    app.add_option("--commit-every", commit_every, "records between commits (ldn, bare)");
    try {
        app.parse(argc, argv);
        if (mode == "convert" && output.empty()) throw CLI::ValidationError("--mode convert needs -o FILE");
        if (mode != "convert" && database.empty()) throw CLI::ValidationError("--mode " + mode + " needs --db DIR");
        if (mode != "convert" && std::filesystem::exists(database)) {
            throw CLI::ValidationError(database.string() + " exists: the benchmark indexes into a fresh database");
        }
    } catch (const CLI::ParseError& error) {
        int status = app.exit(error);
        return status == 0 ? 0 : 2;
    }

    try {
        auto start = std::chrono::steady_clock::now();
        Figures figures = mode == "ldn"    ? index_with_ldn(input, database, vocab, commit_every)
                          : mode == "bare" ? index_bare(input, database, with_data, commit_every)
                                           : convert_for_scriptindex(input, output);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("mode=%s%s records=%zu documents=%u seconds=%.3f docs_per_s=%.1f peak_rss_kb=%ld issues=%zu\n",
                    mode.c_str(), with_data ? "+data" : "", figures.records, figures.documents, seconds,
                    figures.records / seconds, ldn::bench::peak_rss_kb(), figures.issues);
        return figures.issues == 0 ? 0 : 65;
    } catch (const ldn::Error& error) {
        std::cerr << "ldn-bench-index: error: " << error.what() << "\n";
        return static_cast<int>(error.code());
    } catch (const Xapian::Error& error) {
        std::cerr << "ldn-bench-index: error: " << error.get_description() << "\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "ldn-bench-index: error: " << error.what() << "\n";
        return 1;
    }
}
