#include "query/export/export_text.hpp"

#include <charconv>

namespace ldn {

namespace {

// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which JavaScript and some editors treat as
// line ends: E2 80 A8 / E2 80 A9.
bool is_unicode_line_break(std::string_view text, std::size_t at) {
    return text.size() - at >= 3 && static_cast<unsigned char>(text[at]) == 0xE2 &&
           static_cast<unsigned char>(text[at + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[at + 2]) == 0xA8 || static_cast<unsigned char>(text[at + 2]) == 0xA9);
}

// C1 control characters U+0080..U+009F (C2 80 .. C2 9F): U+0085 NEXT LINE is a line end to Python's
// splitlines() and to Java's \R, and U+009B is the terminal's one-character escape sequence.
bool is_c1_control(std::string_view text, std::size_t at) {
    return text.size() - at >= 2 && static_cast<unsigned char>(text[at]) == 0xC2 &&
           static_cast<unsigned char>(text[at + 1]) >= 0x80 && static_cast<unsigned char>(text[at + 1]) <= 0x9F;
}

}  // namespace

std::string single_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        bool is_space = byte <= 0x20 || byte == 0x7F;
        if (is_unicode_line_break(text, i)) {
            is_space = true;
            i += 2;
        } else if (is_c1_control(text, i)) {
            is_space = true;
            i += 1;
        }
        if (is_space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += static_cast<char>(byte);
    }
    return out;
}

std::string abstract_text(const Article& article) {
    std::string out;
    for (const AbstractSection& section : article.abstract) {
        const std::string text = single_line(section.text);
        const std::string label = single_line(section.label);
        if (text.empty() && label.empty()) continue;
        if (!out.empty()) out += ' ';
        if (!label.empty()) out += label + ": ";
        out += text;
    }
    return single_line(out);
}

bool ends_sentence(std::string_view text) {
    return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

std::string with_final_period(std::string_view text) {
    std::string out(text);
    if (!ends_sentence(out)) out += '.';
    return out;
}

std::string comma_joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) {
        const std::string text = single_line(value);
        if (text.empty()) continue;
        if (!out.empty()) out += ", ";
        out += text;
    }
    return out;
}

std::string pubmed_url(std::string_view pmid) {
    const std::string id = single_line(pmid);
    return id.empty() ? std::string() : "https://pubmed.ncbi.nlm.nih.gov/" + id + "/";
}

std::string title_without_final_period(std::string_view title) {
    std::string text = single_line(title);
    const bool ellipsis = text.size() >= 2 && text[text.size() - 2] == '.';
    if (!text.empty() && text.back() == '.' && !ellipsis) text.pop_back();
    return single_line(text);
}

std::string bare_doi(std::string_view doi) {
    std::string text = single_line(doi);
    for (const std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"}) {
        if (text.size() >= prefix.size() && std::string_view(text).substr(0, prefix.size()) == prefix) {
            text.erase(0, prefix.size());
            break;
        }
    }
    return single_line(text);
}

std::string decimal_text(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace ldn
