#include "query/search/query_parser.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "index/schema.hpp"

namespace ldn::query {

namespace {

namespace prefix = schema::prefix;

enum class FieldKind {
    text,       // stemmed words, phrases, wildcards
    mesh,       // text, or a descriptor UI (D005356) as its boolean term
    pmid,       // digits
    doi,        // any text, lower-cased
    filter,     // an id or a type, lower-cased (condition, design, type, lang)
    retracted,  // yes or no
    year,       // YYYY or a range
};

struct Field {
    std::string_view name;
    FieldKind kind;
    const char* prefix;
    // Prose fields expand synonyms like free text; names (authors, journals, MeSH headings) are
    // looked for as written.
    bool expands_synonyms = false;
};

constexpr Field free_text{"", FieldKind::text, "", true};

constexpr Field fields[] = {
    {"title", FieldKind::text, prefix::title, true},
    {"abstract", FieldKind::text, prefix::abstract, true},
    {"author", FieldKind::text, prefix::author},
    {"journal", FieldKind::text, prefix::journal},
    {"mesh", FieldKind::mesh, prefix::mesh},
    {"keyword", FieldKind::text, prefix::keyword, true},
    {"pmid", FieldKind::pmid, prefix::pmid},
    {"doi", FieldKind::doi, prefix::doi},
    {"condition", FieldKind::filter, prefix::condition},
    {"design", FieldKind::filter, prefix::design},
    {"type", FieldKind::filter, prefix::type},
    {"lang", FieldKind::filter, prefix::language},
    {"retracted", FieldKind::retracted, prefix::retracted},
    {"year", FieldKind::year, prefix::year},
};

// The boolean terms are at most 240 bytes, cut like the document builder cuts them.
constexpr std::size_t longest_boolean_term = 240;

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::string boolean_term(const char* term_prefix, std::string_view value) {
    std::string term = term_prefix + ascii_lower(value);
    if (term.size() > longest_boolean_term) term.resize(longest_boolean_term);
    return term;
}

// "Randomized  Controlled Trial " -> "randomized controlled trial", the form filter terms take.
std::string filter_value(std::string_view text) {
    std::string value;
    bool space = false;
    for (char c : ascii_lower(text)) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !value.empty();
            continue;
        }
        if (space) value += ' ';
        space = false;
        value += c;
    }
    return value;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A MeSH descriptor UI: D and digits.
bool is_descriptor_ui(std::string_view text) {
    return text.size() > 1 && (text[0] == 'D' || text[0] == 'd') && all_digits(text.substr(1));
}

std::optional<int> four_digit_year(std::string_view text) {
    if (text.size() != 4 || !all_digits(text)) return std::nullopt;
    return std::stoi(std::string(text));
}

const Field* find_field(std::string_view name) {
    const std::string lower = ascii_lower(name);
    for (const Field& field : fields) {
        if (field.name == lower) return &field;
    }
    return nullptr;
}

std::string field_list() {
    std::string list;
    for (const Field& field : fields) list += (list.empty() ? "" : ", ") + std::string(field.name);
    return list;
}

// The field whose values the parser is reading: free text, or the field before a word, a phrase
// or a parenthesised group.
struct Context {
    const Field* field;
    std::size_t field_offset;  // where its name stands, for errors about its values
};

class Parser {
public:
    Parser(std::string_view query, const std::vector<Token>& tokens) : query_(query), tokens_(tokens) {}

    SyntaxTree run() {
        SyntaxTree tree;
        if (tokens_.empty()) return tree;
        tree.root = parse_any_of({&free_text, 0});
        if (const Token* left = peek()) fail("unmatched ')'", left->offset);
        tree.words = std::move(words_);
        return tree;
    }

private:
    const Token* peek(std::size_t ahead = 0) const {
        return next_ + ahead < tokens_.size() ? &tokens_[next_ + ahead] : nullptr;
    }

    const Token& take() { return tokens_[next_++]; }

    bool next_is(TokenKind kind) const { return peek() && peek()->kind == kind; }

    [[noreturn]] void fail(const std::string& problem, std::size_t offset) const {
        throw QuerySyntaxError(problem, column_at(query_, offset), query_);
    }

    bool item_follows() const {
        const Token* token = peek();
        return token && (token->kind == TokenKind::word || token->kind == TokenKind::phrase ||
                         token->kind == TokenKind::field || token->kind == TokenKind::open ||
                         token->kind == TokenKind::not_operator);
    }

    void require_right_operand(const Token& operator_token) const {
        if (!item_follows()) fail(std::string(operator_token.text) + " has nothing on its right", operator_token.offset);
    }

    // Free text typed as it is (a word, or field:word), which joins the free text before it.
    bool bare_text_follows() const {
        return next_is(TokenKind::word) || (next_is(TokenKind::field) && peek(1)->kind == TokenKind::word);
    }

    // any_of := all_of (OR all_of)*
    QueryNode parse_any_of(const Context& context) {
        AnyOf any;
        any.items.push_back(parse_all_of(context));
        while (next_is(TokenKind::or_operator)) {
            require_right_operand(take());
            any.items.push_back(parse_all_of(context));
        }
        if (any.items.size() == 1) return std::move(any.items.front());
        return {std::move(any)};
    }

    // all_of := unary ([AND] unary)*
    QueryNode parse_all_of(const Context& context) {
        if (!item_follows()) {
            const Token& token = *peek();
            if (token.kind == TokenKind::close) fail("unmatched ')'", token.offset);
            fail(std::string(token.text) + " has nothing on its left", token.offset);
        }
        AllOf all;
        bool previous_was_bare_text = false;
        while (true) {
            bool explicit_and = false;
            if (!all.items.empty()) {
                if (next_is(TokenKind::and_operator)) {
                    require_right_operand(take());
                    explicit_and = true;
                } else if (!item_follows()) {
                    break;
                }
            }
            const bool bare_text = bare_text_follows();
            QueryNode item = parse_unary(context);
            if (!(bare_text && previous_was_bare_text && !explicit_and && joined(all.items.back(), item))) {
                all.items.push_back(std::move(item));
            }
            previous_was_bare_text = bare_text;
        }
        if (all.items.size() == 1) return std::move(all.items.front());
        return {std::move(all)};
    }

    // Words typed one after another in one field stay one run, so that synonyms of several words
    // ("low dose naltrexone") can be found across them.
    static bool joined(QueryNode& before, QueryNode& item) {
        auto* earlier = std::get_if<FreeText>(&before.content);
        auto* later = std::get_if<FreeText>(&item.content);
        if (!earlier || !later || earlier->prefix != later->prefix) return false;
        for (auto& piece : later->pieces) earlier->pieces.push_back(std::move(piece));
        return true;
    }

    // unary := NOT unary | primary
    QueryNode parse_unary(const Context& context) {
        if (!next_is(TokenKind::not_operator)) return parse_primary(context);
        require_right_operand(take());
        return {Negation{std::make_unique<QueryNode>(parse_unary(context))}};
    }

    // primary := '(' any_of ')' | field primary | word | phrase
    QueryNode parse_primary(const Context& context) {
        const Token& token = take();
        const bool text_field = context.field->kind == FieldKind::text || context.field->kind == FieldKind::mesh;
        switch (token.kind) {
            case TokenKind::open:
                return parse_group(token, context);
            case TokenKind::field:
                return parse_field(token);
            case TokenKind::phrase:
                return text_field ? phrase_item(token, context) : value_item(token.text, token.offset + 1, context);
            default:
                return text_field ? text_item(token.text, token.offset, context)
                                  : value_item(token.text, token.offset, context);
        }
    }

    QueryNode parse_group(const Token& open, const Context& context) {
        if (depth_ == deepest_nesting) {
            fail("parentheses nested deeper than " + std::to_string(deepest_nesting), open.offset);
        }
        if (next_is(TokenKind::close)) fail("empty parentheses", open.offset);
        if (!peek()) fail("unmatched '('", open.offset);
        ++depth_;
        QueryNode inside = parse_any_of(context);
        --depth_;
        if (!next_is(TokenKind::close)) fail("unmatched '('", open.offset);
        take();
        return inside;
    }

    // The lexer makes a field token only when its value follows at once, so a token follows it:
    // a word, a phrase or '('.
    QueryNode parse_field(const Token& name) {
        const Field* field = find_field(name.text);
        if (!field) fail("unknown field '" + std::string(name.text) + ":' (fields: " + field_list() + ")", name.offset);
        return parse_primary({field, name.offset});
    }

    void record(const std::vector<TextWord>& words, const Context& context) {
        for (const TextWord& word : words) words_.push_back({word.text, word.offset, word.length, context.field->prefix});
    }

    std::string field_name(const Context& context) const { return std::string(context.field->name) + ":"; }

    QueryNode text_item(std::string_view piece, std::size_t offset, const Context& context) {
        if (piece.find('*') != std::string_view::npos) return wildcard_item(piece, offset, context);
        if (context.field->kind == FieldKind::mesh && is_descriptor_ui(piece)) {
            return {BooleanTerm{boolean_term(prefix::mesh_ui, piece)}};
        }
        std::vector<TextWord> words = split_words(piece, offset);
        if (words.empty()) fail(field_name(context) + " has no word to search for", context.field_offset);
        record(words, context);
        FreeText text{context.field->prefix, context.field->expands_synonyms, {}};
        text.pieces.push_back(std::move(words));
        return {std::move(text)};
    }

    QueryNode wildcard_item(std::string_view piece, std::size_t offset, const Context& context) {
        const std::size_t star = piece.find('*');
        if (star + 1 != piece.size()) fail("'*' goes only at the end of a word", offset + star);
        const std::vector<TextWord> words = split_words(piece.substr(0, star), offset);
        if (words.size() > 1) {
            fail("a wildcard must be a single word ('" + std::string(piece) + "' has " + std::to_string(words.size()) + ")",
                 offset);
        }
        if (!words.empty() && words.front().offset + words.front().length != offset + star) {
            fail("'*' goes only at the end of a word", offset + star);
        }
        if (words.empty() || character_count(words.front().text) < 2) {
            fail("a wildcard needs at least 2 characters before '*'", offset);
        }
        return {Wildcard{context.field->prefix + words.front().text, false}};
    }

    QueryNode phrase_item(const Token& phrase, const Context& context) {
        const std::vector<TextWord> words = split_words(phrase.text, phrase.offset + 1);
        if (words.empty()) fail("nothing to search for between the quotes", phrase.offset);
        record(words, context);
        Phrase exact;
        for (const TextWord& word : words) exact.terms.push_back(context.field->prefix + word.text);
        return {std::move(exact)};
    }

    // The value of a field that is not text: pmid, doi, the filters, retracted, year.
    QueryNode value_item(std::string_view value, std::size_t offset, const Context& context) {
        const Field& field = *context.field;
        switch (field.kind) {
            case FieldKind::pmid:
                if (!all_digits(value)) fail("pmid: takes a number", context.field_offset);
                return {BooleanTerm{field.prefix + std::string(value)}};
            case FieldKind::doi:
                if (value.empty()) fail("doi: needs a value", context.field_offset);
                return {BooleanTerm{boolean_term(field.prefix, value)}};
            case FieldKind::retracted: {
                const std::string answer = ascii_lower(value);
                if (answer != "yes" && answer != "no") fail("retracted: takes yes or no", context.field_offset);
                return {BooleanTerm{field.prefix + answer}};
            }
            case FieldKind::year:
                return year_item(value, context);
            default:
                return filter_item(value, offset, context);
        }
    }

    QueryNode filter_item(std::string_view value, std::size_t offset, const Context& context) {
        const std::string normalised = filter_value(value);
        if (normalised.empty()) fail(field_name(context) + " needs a value", context.field_offset);
        const std::size_t star = normalised.find('*');
        if (star == std::string::npos) {
            words_.push_back({normalised, offset, value.size(), context.field->prefix});
            return {BooleanTerm{boolean_term(context.field->prefix, normalised)}};
        }
        if (star + 1 != normalised.size()) fail("'*' goes only at the end of a word", context.field_offset);
        if (character_count(normalised) < 3) fail("a wildcard needs at least 2 characters before '*'", context.field_offset);
        return {Wildcard{context.field->prefix + normalised.substr(0, star), true}};
    }

    QueryNode year_item(std::string_view value, const Context& context) {
        auto wrong = [&] { fail("year: wants YYYY, YYYY..YYYY, YYYY.. or ..YYYY", context.field_offset); };
        const std::size_t dots = value.find("..");
        if (dots == std::string_view::npos) {
            if (!four_digit_year(value)) wrong();
            return {BooleanTerm{prefix::year + std::string(value)}};
        }
        const std::string_view from = value.substr(0, dots);
        const std::string_view to = value.substr(dots + 2);
        YearRange range;
        if (!from.empty() && !(range.from = four_digit_year(from))) wrong();
        if (!to.empty() && !(range.to = four_digit_year(to))) wrong();
        if (!range.from && !range.to) wrong();
        if (range.from && range.to && *range.from > *range.to) {
            fail("year: " + std::string(value) + " runs backwards", context.field_offset);
        }
        return {range};
    }

    std::string_view query_;
    const std::vector<Token>& tokens_;
    std::size_t next_ = 0;
    int depth_ = 0;
    std::vector<QueryWord> words_;
};

}  // namespace

SyntaxTree parse_tokens(std::string_view query, const std::vector<Token>& tokens) {
    return Parser(query, tokens).run();
}

}  // namespace ldn::query
