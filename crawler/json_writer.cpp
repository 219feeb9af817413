#include "crawler/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>

namespace ldn {

bool is_valid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    for (std::size_t i = 0; i < size;) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return false;
        }
        if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return false;
        for (std::size_t k = 2; k < length; ++k) {
            if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return false;
        }
        i += length;
    }
    return true;
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (first_in_level_.empty()) return;
    if (!first_in_level_.back()) out_ += ',';
    first_in_level_.back() = false;
}

void JsonWriter::begin_object() {
    separate();
    out_ += '{';
    first_in_level_.push_back(true);
}

void JsonWriter::end_object() {
    out_ += '}';
    first_in_level_.pop_back();
}

void JsonWriter::begin_array() {
    separate();
    out_ += '[';
    first_in_level_.push_back(true);
}

void JsonWriter::end_array() {
    out_ += ']';
    first_in_level_.pop_back();
}

void JsonWriter::key(std::string_view name) {
    separate();
    string(name);
    out_ += ':';
    after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
    separate();
    string(text);
}

void JsonWriter::value(bool flag) {
    separate();
    out_ += flag ? "true" : "false";
}

void JsonWriter::value(int number) {
    separate();
    out_ += std::to_string(number);
}

void JsonWriter::value(double number) {
    separate();
    // nlohmann's shortest round-trip form ("4.5", "12.0"), so stored bytes match a dump exactly.
    out_ += nlohmann::json(number).dump();
}

void JsonWriter::null() {
    separate();
    out_ += "null";
}

void JsonWriter::value(const std::vector<std::string>& texts) {
    begin_array();
    for (const std::string& text : texts) value(text);
    end_array();
}

void JsonWriter::value(const std::vector<double>& numbers) {
    begin_array();
    for (double number : numbers) value(number);
    end_array();
}

void JsonWriter::string(std::string_view text) {
    if (!is_valid_utf8(text)) {
        // Rare (the reader yields UTF-8): let nlohmann replace the bad bytes its own way.
        out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    std::size_t plain_from = 0;  // the start of the run of bytes that need no escaping
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out_.append(text.data() + plain_from, i - plain_from);
        plain_from = i + 1;
        switch (byte) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default: {
                static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                                          '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
                out_ += "\\u00";
                out_ += hex[byte >> 4];
                out_ += hex[byte & 0xF];
            }
        }
    }
    out_.append(text.data() + plain_from, text.size() - plain_from);
    out_ += '"';
}

}  // namespace ldn
