#include "crawler/redact.hpp"

namespace ldn {

std::string redact_api_key(std::string_view text) {
    static constexpr std::string_view name = "api_key=";
    std::string out;
    std::size_t from = 0;
    for (;;) {
        std::size_t found = text.find(name, from);
        if (found == std::string_view::npos) break;
        out.append(text.substr(from, found + name.size() - from));
        out += "***";
        std::size_t end = text.find_first_of("&# \n", found + name.size());
        from = end == std::string_view::npos ? text.size() : end;
    }
    out.append(text.substr(from));
    return out;
}

std::string redact_api_key(std::string_view text, std::string_view key) {
    std::string out = redact_api_key(text);
    if (key.empty()) return out;
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + 3)) out.replace(at, key.size(), "***");
    return out;
}

}  // namespace ldn
