#include "query/search/query_lexer.hpp"

#include <xapian.h>

#include <optional>

#include "query/search/query_language.hpp"
#include "query/search/query_words.hpp"

namespace ldn::query {

namespace {

struct Character {
    unsigned code;
    std::size_t size;  // bytes
};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equals_ignoring_case(std::string_view text, std::string_view lower_case) {
    if (text.size() != lower_case.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
        if (c != lower_case[i]) return false;
    }
    return true;
}

std::optional<TokenKind> operator_kind(std::string_view piece) {
    if (piece == "AND") return TokenKind::and_operator;
    if (piece == "OR") return TokenKind::or_operator;
    if (piece == "NOT") return TokenKind::not_operator;
    return std::nullopt;
}

bool ends_piece(unsigned code) {
    return Xapian::Unicode::is_whitespace(code) || code == '(' || code == ')' || code == '"';
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : query_(query) {}

    std::vector<Token> run() {
        while (at_ < query_.size()) {
            const Character next = character_at(at_);
            if (Xapian::Unicode::is_whitespace(next.code)) {
                at_ += next.size;
            } else if (next.code == '(') {
                emit(TokenKind::open, 1);
            } else if (next.code == ')') {
                emit(TokenKind::close, 1);
            } else if (next.code == '"') {
                read_phrase();
            } else if (value_follows_ || !read_field()) {
                read_piece();
            }
        }
        return std::move(tokens_);
    }

private:
    Character character_at(std::size_t offset) const {
        Xapian::Utf8Iterator it(query_.data() + offset, query_.size() - offset);
        const unsigned code = *it;
        ++it;
        return {code, query_.size() - offset - it.left()};
    }

    void push(TokenKind kind, std::string_view text, std::size_t offset) {
        tokens_.push_back({kind, text, offset});
        value_follows_ = false;
        raw_value_ = false;
    }

    void emit(TokenKind kind, std::size_t length) {
        push(kind, query_.substr(at_, length), at_);
        at_ += length;
    }

    void read_phrase() {
        const std::size_t close = query_.find('"', at_ + 1);
        if (close == std::string_view::npos) {
            throw QuerySyntaxError("unterminated quote starting", column_at(query_, at_), query_);
        }
        push(TokenKind::phrase, query_.substr(at_ + 1, close - at_ - 1), at_);
        at_ = close + 1;
    }

    // `name:` counts as a field only when its value follows at once: "Naltrexone: a review" is
    // free text whose colon is punctuation, so that a pasted title works.
    bool read_field() {
        std::size_t name_end = at_;
        while (name_end < query_.size() && is_ascii_letter(query_[name_end])) ++name_end;
        if (name_end == at_ || name_end + 1 >= query_.size() || query_[name_end] != ':') return false;
        const unsigned value_start = character_at(name_end + 1).code;
        if (Xapian::Unicode::is_whitespace(value_start) || value_start == ')') return false;
        const std::string_view name = query_.substr(at_, name_end - at_);
        tokens_.push_back({TokenKind::field, name, at_});
        at_ = name_end + 1;
        value_follows_ = true;
        // A DOI may hold any character, parentheses included: "10.1002/(SICI)1097-4636".
        raw_value_ = equals_ignoring_case(name, "doi");
        return true;
    }

    void read_piece() {
        const std::size_t start = at_;
        const std::size_t end = raw_value_ ? raw_value_end() : piece_end();
        const std::string_view piece = query_.substr(start, end - start);
        if (!value_follows_) {
            if (const std::optional<TokenKind> kind = operator_kind(piece)) {
                emit(*kind, piece.size());
                return;
            }
            if (!has_word_character(piece) && piece.find('*') == std::string_view::npos) {
                at_ = end;
                return;
            }
        }
        emit(TokenKind::word, piece.size());
    }

    std::size_t piece_end() const {
        std::size_t end = at_;
        while (end < query_.size()) {
            const Character next = character_at(end);
            if (ends_piece(next.code)) break;
            end += next.size;
        }
        return end;
    }

    // A raw value runs to the next space; a ')' that closes no '(' of its own ends it too, so that
    // "(pmid:1 OR doi:10.1/x)" still closes its group.
    std::size_t raw_value_end() const {
        std::size_t end = at_;
        int depth = 0;
        while (end < query_.size()) {
            const Character next = character_at(end);
            if (Xapian::Unicode::is_whitespace(next.code)) break;
            if (next.code == '(') ++depth;
            if (next.code == ')' && depth-- == 0) break;
            end += next.size;
        }
        return end;
    }

    std::string_view query_;
    std::size_t at_ = 0;
    bool value_follows_ = false;  // the previous token was a field: the next piece is its value, never an operator
    bool raw_value_ = false;      // ... and that field was doi:
    std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> lex_query(std::string_view query) { return Lexer(query).run(); }

}  // namespace ldn::query
