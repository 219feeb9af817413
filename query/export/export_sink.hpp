#pragma once
// The interface every export format plugs in behind (ripgrep's printer habit): a search export may
// hold thousands of records, so a sink turns one record at a time into text and the caller writes
// each piece as it comes. Sinks do no I/O; they only return the text to write.
//
// Usage: out << sink.begin(); for each record: out << sink.record(r); out << sink.end();

#include <string>

#include "query/export/export_record.hpp"

namespace ldn {

class ExportSink {
public:
    virtual ~ExportSink() = default;

    // Text before the first record: a CSV header, the opening bracket of a JSON array.
    virtual std::string begin() { return {}; }
    // The text of one record, with its own line ends and separators.
    virtual std::string record(const ExportRecord& record) = 0;
    // Text after the last record. Called once even when there were no records.
    virtual std::string end() { return {}; }
};

}  // namespace ldn
