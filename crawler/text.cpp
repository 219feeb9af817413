#include "crawler/text.hpp"

namespace ldn {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

void append_text(const pugi::xml_node& node, std::string& out) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        switch (child.type()) {
            case pugi::node_pcdata:
            case pugi::node_cdata:
                out += child.value();
                break;
            case pugi::node_element:
                append_text(child, out);
                break;
            default:
                break;
        }
    }
}

}  // namespace

namespace {

// True when the text has no leading, trailing or repeated whitespace and no whitespace but ' '.
bool already_normal(std::string_view text) {
    if (text.empty()) return true;
    if (text.front() == ' ' || text.back() == ' ') return false;
    char previous = 'x';
    for (char c : text) {
        if (is_space(c) && (c != ' ' || previous == ' ')) return false;
        previous = c;
    }
    return true;
}

}  // namespace

std::string normalize_space(std::string_view text) {
    if (already_normal(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string flattened_text(const pugi::xml_node& node) {
    pugi::xml_node only = node.first_child();
    if (only && !only.next_sibling() && only.type() == pugi::node_pcdata) {
        return normalize_space(only.value());  // the common case: no markup at all
    }
    std::string raw;
    append_text(node, raw);
    return normalize_space(raw);
}

}  // namespace ldn
