#include "query/export/reference_style.hpp"

#include "query/export/export_text.hpp"

namespace ldn {

namespace {

class ReferenceSink final : public ExportSink {
public:
    explicit ReferenceSink(ReferenceStyle style) : style_(style) {}
    std::string record(const ExportRecord& record) override { return style_(record.article) + "\n"; }

private:
    ReferenceStyle style_;
};

}  // namespace

std::string with_retraction_marker(const Article& article, std::string reference) {
    if (!article.retracted) return reference;
    return std::string(retraction_marker) + " " + reference;
}

std::string joined_reference_parts(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += ' ';
        out += part;
    }
    return out;
}

std::unique_ptr<ExportSink> make_reference_sink(ReferenceStyle style) {
    return std::make_unique<ReferenceSink>(style);
}

}  // namespace ldn
