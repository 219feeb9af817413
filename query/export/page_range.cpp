#include "query/export/page_range.hpp"

#include <vector>

#include "query/export/export_text.hpp"

namespace ldn {

namespace {

constexpr std::string_view en_dash = "\u2013";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A page label split into its letter prefix and its trailing number: "S12" -> ("S", "12").
struct PageParts {
    std::string_view prefix;
    std::string_view digits;
};

PageParts page_parts(std::string_view page) {
    std::size_t split = page.size();
    while (split > 0 && is_digit(page[split - 1])) --split;
    return {page.substr(0, split), page.substr(split)};
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split_ranges(std::string_view pages) {
    std::vector<std::string_view> ranges;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= pages.size(); ++i) {
        if (i == pages.size() || pages[i] == ',' || pages[i] == ';') {
            const std::string_view range = trimmed(pages.substr(start, i - start));
            if (!range.empty()) ranges.push_back(range);
            start = i + 1;
        }
    }
    return ranges;
}

PageRange parse_range(std::string_view range) {
    std::size_t dash = range.find('-');
    std::size_t dash_length = 1;
    if (const std::size_t en = range.find(en_dash); en < dash) {
        dash = en;
        dash_length = en_dash.size();
    }
    if (dash == std::string_view::npos) return {std::string(trimmed(range)), {}};
    const std::string_view first = trimmed(range.substr(0, dash));
    const std::string_view last = trimmed(range.substr(dash + dash_length));
    return {std::string(first), last.empty() ? std::string() : expanded_end_page(first, last)};
}

// The end page as NLM writes it: the digits it shares with the start page dropped.
std::string abbreviated_end_page(std::string_view first, std::string_view last) {
    const PageParts from = page_parts(first);
    const PageParts to = page_parts(last);
    const bool same_kind = !from.digits.empty() && !to.digits.empty() &&
                           (to.prefix.empty() || to.prefix == from.prefix);
    if (!same_kind || from.digits.size() != to.digits.size()) return std::string(last);
    std::size_t shared = 0;
    while (shared + 1 < to.digits.size() && from.digits[shared] == to.digits[shared]) ++shared;
    return std::string(to.digits.substr(shared));
}

}  // namespace

std::string expanded_end_page(std::string_view first, std::string_view last) {
    const PageParts from = page_parts(first);
    const PageParts to = page_parts(last);
    const bool shortened = !from.digits.empty() && to.prefix.empty() && !to.digits.empty() &&
                           to.digits.size() < from.digits.size();
    if (!shortened) return std::string(last);
    std::string out(from.prefix);
    out += from.digits.substr(0, from.digits.size() - to.digits.size());
    out += to.digits;
    return out;
}

PageRange first_page_range(std::string_view pages) {
    const std::string text = single_line(pages);
    const std::vector<std::string_view> ranges = split_ranges(text);
    if (ranges.empty()) return {};
    return parse_range(ranges.front());
}

std::string expanded_pages(std::string_view pages, std::string_view dash) {
    const std::string text = single_line(pages);
    std::string out;
    for (const std::string_view range : split_ranges(text)) {
        const PageRange parsed = parse_range(range);
        if (!out.empty()) out += ", ";
        out += parsed.first;
        if (!parsed.last.empty() && parsed.last != parsed.first) {
            out += dash;
            out += parsed.last;
        }
    }
    return out;
}

std::string nlm_pages(std::string_view pages) {
    const std::string text = single_line(pages);
    std::string out;
    for (const std::string_view range : split_ranges(text)) {
        const PageRange parsed = parse_range(range);
        if (!out.empty()) out += ", ";
        out += parsed.first;
        if (!parsed.last.empty() && parsed.last != parsed.first) {
            out += '-';
            out += abbreviated_end_page(parsed.first, parsed.last);
        }
    }
    return out;
}

}  // namespace ldn
