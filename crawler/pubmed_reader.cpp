#include "crawler/pubmed_reader.hpp"

#include "crawler/pubmed_parser.hpp"
#include "crawler/record_splitter.hpp"

namespace ldn {

std::string RecordIssue::to_string() const {
    std::string text = file + ": record " + std::to_string(record);
    if (!pmid.empty()) text += " (PMID " + pmid + ")";
    text += " at byte " + std::to_string(byte_offset) + ": " + reason;
    return text;
}

ReadSummary read_pubmed(ByteSource& source, const ArticleSink& on_article, const IssueSink& on_issue) {
    RecordSplitter splitter(source);
    ReadSummary summary;
    summary.root = splitter.root();

    auto report_split_problems = [&] {
        while (auto problem = splitter.take_problem()) {
            ++summary.issues;
            on_issue(RecordIssue{source.name(), problem->index, problem->pmid, problem->byte_offset,
                                 problem->reason});
        }
    };

    while (auto record = splitter.next()) {
        report_split_problems();
        ParsedRecord parsed = parse_record(record->kind, record->xml);
        if (!parsed.ok()) {
            ++summary.issues;
            on_issue(RecordIssue{source.name(), record->index, parsed.pmid,
                                 record->byte_offset + parsed.error_offset, parsed.error});
            continue;
        }
        for (Article& article : parsed.articles) {
            ++summary.articles;
            if (article.deleted) ++summary.deleted;
            on_article(std::move(article));
        }
    }
    report_split_problems();
    summary.records = splitter.records_seen();
    return summary;
}

ReadSummary read_pubmed_file(const std::filesystem::path& path, const ArticleSink& on_article,
                             const IssueSink& on_issue) {
    auto source = open_file_source(path);
    return read_pubmed(*source, on_article, on_issue);
}

}  // namespace ldn
