#pragma once
// JSON text written straight into a string, for the hot paths (one stored document per record while
// indexing, one line per record in `ldn parse`). Building an nlohmann tree first and dumping it costs
// a fifth of ldn's own indexing time; this writes the same bytes as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) in one pass.
//
// Usage: JsonWriter json(out); json.begin_object(); json.key("pmid"); json.value(pmid); … json.end_object();

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ldn {

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF): text that value() writes unreplaced.
bool is_valid_utf8(std::string_view text);

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(bool flag);
    void value(int number);
    void value(double number);
    void null();
    template <typename T> void value(const std::optional<T>& maybe) {
        if (maybe) value(*maybe); else null();
    }
    void value(const std::vector<std::string>& texts);
    void value(const std::vector<double>& numbers);

private:
    void separate();  // the comma before the second and later items of an object or array
    void string(std::string_view text);

    std::string& out_;
    std::vector<bool> first_in_level_;
    bool after_key_ = false;
};

}  // namespace ldn
