#include "query/watch/alert_lines.hpp"

#include "query/export/export_text.hpp"

namespace ldn {

std::string alert_lines(const std::vector<WatchAlert>& alerts) {
    std::string lines;
    for (const WatchAlert& alert : alerts) {
        for (const AlertRecord& record : alert.new_records) {
            lines += "watch " + alert.name + ": " + record.pmid + " ";
            lines += record.year ? std::to_string(*record.year) : "-";
            lines += " " + record.design + " ";
            if (record.retracted) lines += std::string(retraction_marker) + " ";
            lines += single_line(record.title) + "\n";
        }
    }
    return lines;
}

}  // namespace ldn
