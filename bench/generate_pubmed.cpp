// ldn-gen-pubmed: synthetic PubMed XML of any size, shaped and sized like NLM's baseline files, for
// benchmarks and stress tests. Records are streamed as they are made (memory stays flat at any size),
// and each record is drawn from its own seed, so the same seed gives the same records whatever the
// size: a smaller file is a prefix of a larger one and per-MB figures compare across sizes.
//
// Two corpora. `dense` (the default): every record draws its words from the topic's small vocabulary,
// so the topic's words are hundreds of times denser than in PubMed: a stress test for the index.
// `broad`: nine records in ten are about other fields of medicine, each field with its own words, as
// a collection that holds much of PubMed is; the topic and its neighbours keep their density.

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <zlib.h>

#include "bench/synthetic_vocabulary.hpp"

namespace {

namespace vocab = ldn::bench::vocabulary;
using namespace std::chrono;

// splitmix64. Not std::mt19937 with std's distributions: those differ between standard libraries,
// and a seed must give the same file everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::size_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1))); }
    bool percent(int p) { return static_cast<int>(below(1000)) < p * 10; }
    bool permille(int p) { return static_cast<int>(below(1000)) < p; }
    template <typename Container>
    const auto& pick(const Container& items) {
        return items[below(std::size(items))];
    }

private:
    std::uint64_t state_;
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b) { return Random(a ^ Random(b).next()).next(); }

std::string str(long long value) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return std::string(digits, end);
}

std::string padded2(unsigned value) {
    std::string out = str(value);
    return value < 10 ? "0" + out : out;
}

// A tenth-precision decimal ("12.3") drawn between low and high tenths.
std::string tenths(Random& rng, int low, int high) {
    int value = rng.between(low, high);
    return str(value / 10) + "." + str(value % 10);
}

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
}

// Text that may carry PubMed's inline markup (<i>, <sup>, <sub>); kept as well-formed XML.
class Markup {
public:
    Markup& text(std::string_view plain) {
        append_escaped(xml_, plain);
        return *this;
    }
    Markup& tagged(std::string_view tag, std::string_view plain) {
        xml_ += '<';
        xml_ += tag;
        xml_ += '>';
        append_escaped(xml_, plain);
        xml_ += "</";
        xml_ += tag;
        xml_ += '>';
        return *this;
    }
    Markup& append(const Markup& other) {
        xml_ += other.xml_;
        return *this;
    }
    const std::string& xml() const { return xml_; }

private:
    std::string xml_;
};

class Sink {
public:
    virtual ~Sink() = default;
    virtual void write(std::string_view bytes) = 0;
    virtual void close() = 0;
};

class PlainSink final : public Sink {
public:
    explicit PlainSink(const std::string& path) : name_(path.empty() ? "<stdout>" : path) {
        file_ = path.empty() ? stdout : std::fopen(path.c_str(), "wb");
        if (file_ == nullptr) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    }
    ~PlainSink() override {
        if (file_ != nullptr && file_ != stdout) std::fclose(file_);
    }
    void write(std::string_view bytes) override {
        if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
            throw std::runtime_error("cannot write " + name_ + ": " + std::strerror(errno));
    }
    void close() override {
        bool failed = std::fflush(file_) != 0;
        if (file_ != stdout) failed = std::fclose(file_) != 0 || failed;
        file_ = nullptr;
        if (failed) throw std::runtime_error("cannot write " + name_ + ": " + std::strerror(errno));
    }

private:
    std::string name_;
    std::FILE* file_;
};

class GzipSink final : public Sink {
public:
    explicit GzipSink(const std::string& path) : name_(path.empty() ? "<stdout>" : path) {
        file_ = path.empty() ? gzdopen(fileno(stdout), "wb6") : gzopen(path.c_str(), "wb6");
        if (file_ == nullptr) throw std::runtime_error("cannot create " + name_ + ": " + std::strerror(errno));
        gzbuffer(file_, 1u << 18);
    }
    ~GzipSink() override {
        if (file_ != nullptr) gzclose(file_);
    }
    void write(std::string_view bytes) override {
        if (gzwrite(file_, bytes.data(), static_cast<unsigned>(bytes.size())) != static_cast<int>(bytes.size()))
            throw std::runtime_error("cannot write " + name_);
    }
    void close() override {
        int status = gzclose(file_);
        file_ = nullptr;
        if (status != Z_OK) throw std::runtime_error("cannot write " + name_);
    }

private:
    std::string name_;
    gzFile file_;
};

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Writes elements indented two spaces a level, one element a line, as NLM's baseline files are.
class XmlWriter {
public:
    explicit XmlWriter(Sink& sink) : sink_(sink) { buffer_.reserve(flush_threshold + (64u << 10)); }

    void raw(std::string_view text) { buffer_ += text; }

    void open(std::string_view name, Attributes attributes = {}) {
        start_tag(name, attributes);
        buffer_ += '>';
        ++depth_;
    }
    void close(std::string_view name) {
        --depth_;
        new_line();
        end_tag(name);
        flush_if_full();
    }
    void leaf(std::string_view name, std::string_view text, Attributes attributes = {}) {
        start_tag(name, attributes);
        buffer_ += '>';
        append_escaped(buffer_, text);
        end_tag(name);
    }
    void leaf(std::string_view name, const Markup& markup, Attributes attributes = {}) {
        start_tag(name, attributes);
        buffer_ += '>';
        buffer_ += markup.xml();
        end_tag(name);
    }

    void finish() {
        raw("\n");
        sink_.write(buffer_);
        bytes_ += buffer_.size();
        buffer_.clear();
        sink_.close();
    }
    std::uint64_t bytes_written() const { return bytes_ + buffer_.size(); }

private:
    static constexpr std::size_t flush_threshold = 1u << 20;

    void new_line() {
        buffer_ += '\n';
        buffer_.append(static_cast<std::size_t>(depth_) * 2, ' ');
    }
    void start_tag(std::string_view name, Attributes attributes) {
        new_line();
        buffer_ += '<';
        buffer_ += name;
        for (const auto& [key, value] : attributes) {
            buffer_ += ' ';
            buffer_ += key;
            buffer_ += "=\"";
            append_escaped(buffer_, value);
            buffer_ += '"';
        }
    }
    void end_tag(std::string_view name) {
        buffer_ += "</";
        buffer_ += name;
        buffer_ += '>';
    }
    void flush_if_full() {
        if (buffer_.size() < flush_threshold) return;
        sink_.write(buffer_);
        bytes_ += buffer_.size();
        buffer_.clear();
    }

    Sink& sink_;
    std::string buffer_;
    std::uint64_t bytes_ = 0;
    int depth_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Dates

constexpr sys_days last_revision_day = sys_days{year{2025} / December / 31};

struct Ymd {
    int year;
    unsigned month;
    unsigned day;
};

Ymd ymd_of(sys_days day) {
    year_month_day date{day};
    return {static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day())};
}

sys_days random_day_in(Random& rng, int y) { return sys_days{year{y} / January / 1} + days{rng.below(365)}; }

// The DTD's Year/Month/Day triple. History dates write months unpadded, citation dates padded, as NLM does.
void write_date(XmlWriter& xml, std::string_view element, sys_days day, bool padded, Attributes attributes = {}) {
    Ymd date = ymd_of(day);
    xml.open(element, attributes);
    xml.leaf("Year", str(date.year));
    xml.leaf("Month", padded ? padded2(date.month) : str(date.month));
    xml.leaf("Day", padded ? padded2(date.day) : str(date.day));
    xml.close(element);
}

std::string_view season_of(unsigned month) { return vocab::seasons[((month + 9) % 12) / 3]; }

std::string_view month_name(unsigned month) { return vocab::month_names[month - 1]; }

// Every PubDate shape seen in PubMed: Year/Month/Day with a month name, Year/Month, a numeric month,
// Year alone, Year/Season, and MedlineDate free text in its common shapes.
void write_pub_date(XmlWriter& xml, Random& rng, sys_days published) {
    Ymd date = ymd_of(published);
    std::string y = str(date.year);
    xml.open("PubDate");
    int shape = static_cast<int>(rng.below(100));
    if (shape < 33) {
        xml.leaf("Year", y);
        xml.leaf("Month", month_name(date.month));
        xml.leaf("Day", padded2(date.day));
    } else if (shape < 66) {
        xml.leaf("Year", y);
        xml.leaf("Month", month_name(date.month));
    } else if (shape < 71) {
        xml.leaf("Year", y);
        xml.leaf("Month", padded2(date.month));
    } else if (shape < 81) {
        xml.leaf("Year", y);
    } else if (shape < 86) {
        xml.leaf("Year", y);
        xml.leaf("Season", season_of(date.month));
    } else {
        unsigned next_month = date.month % 12 + 1;
        std::string medline_date;
        switch (rng.below(8)) {
            case 0:  // 2019 Jan-Feb, or across the year end: 1998 Dec-1999 Jan
                medline_date = y + " " + std::string(month_name(date.month)) + "-" +
                               (next_month == 1 ? str(date.year + 1) + " " : "") + std::string(month_name(next_month));
                break;
            case 1: medline_date = y + " " + std::string(season_of(date.month)); break;
            case 2: medline_date = str(date.year - 1) + "-" + y; break;
            case 3:
                medline_date = y + " " + std::string(month_name(date.month)) + "-" + std::string(month_name(next_month)) +
                               " " + padded2(date.day);
                break;
            case 4:
                medline_date = y + " " + std::string(month_name(date.month)) + " " + str(std::min(date.day, 14u)) + "-" +
                               str(std::max(date.day, 15u));
                break;
            case 5:
                medline_date = y + " " + std::string(season_of(date.month)) + "-" +
                               std::string(season_of((date.month + 2) % 12 + 1));
                break;
            case 6:
                medline_date = y + " " + std::string(month_name(date.month)) + " " + str(date.day) + "-" +
                               std::string(month_name(next_month)) + " " + str(rng.between(1, 9));
                break;
            default: medline_date = y + " Dec-" + str(date.year + 1) + " Jan"; break;
        }
        xml.leaf("MedlineDate", medline_date);
    }
    xml.close("PubDate");
}

// ---------------------------------------------------------------------------------------------
// Identifiers

std::string orcid(Random& rng) {
    std::string digits = "0000000" + str(rng.between(1, 3));
    for (int i = 0; i < 7; ++i) digits += static_cast<char>('0' + rng.below(10));
    int total = 0;
    for (char c : digits) total = (total + (c - '0')) * 2;
    int check = (12 - total % 11) % 11;
    digits += check == 10 ? 'X' : static_cast<char>('0' + check);
    std::string formatted = digits.substr(0, 4) + "-" + digits.substr(4, 4) + "-" + digits.substr(8, 4) + "-" +
                            digits.substr(12, 4);
    switch (rng.below(10)) {
        case 0: return "https://orcid.org/" + formatted;
        case 1: return "http://orcid.org/" + formatted;
        default: return formatted;
    }
}

std::string issn(std::uint64_t seed) {
    Random rng(seed);
    std::string digits;
    int weighted = 0;
    for (int weight = 8; weight >= 2; --weight) {
        int digit = static_cast<int>(rng.below(10));
        digits += static_cast<char>('0' + digit);
        weighted += digit * weight;
    }
    int check = (11 - weighted % 11) % 11;
    digits += check == 10 ? 'X' : static_cast<char>('0' + check);
    return digits.substr(0, 4) + "-" + digits.substr(4);
}

// Initials as NLM derives them: the first letter of each part of the fore name ("Jean-Luc" -> "JL").
std::string initials_of(std::string_view fore_name) {
    std::string initials;
    bool at_start = true;
    for (std::size_t i = 0; i < fore_name.size();) {
        unsigned char lead = static_cast<unsigned char>(fore_name[i]);
        std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (fore_name[i] == ' ' || fore_name[i] == '-') {
            at_start = true;
        } else if (at_start) {
            initials.append(fore_name.substr(i, length));
            at_start = false;
        }
        i += length;
    }
    return initials;
}

std::string ascii_lower(std::string_view name) {
    std::string out;
    for (char c : name)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) out += static_cast<char>(c | 0x20);
    return out.empty() ? "author" : out;
}

// ---------------------------------------------------------------------------------------------
// Other fields of medicine, for the broad corpus.

enum class Corpus { dense, broad };

// Consonant-vowel syllables and a closing n, r, l or x: such a word never spells a word of the
// benchmark's queries or of the topic's vocabulary ("pain", "sleep", "mice" cannot come out).
std::string pseudo_word(Random& rng) {
    static constexpr std::array consonants{'b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'};
    static constexpr std::array vowels{'a', 'e', 'i', 'o', 'u'};
    static constexpr std::array endings{'n', 'r', 'l', 'x'};
    std::string word;
    for (int syllables = rng.between(2, 4); syllables > 0; --syllables) {
        word += rng.pick(consonants);
        word += rng.pick(vowels);
    }
    word += rng.pick(endings);
    return word;
}

// A field's own words: its records share them with each other and with no other field.
struct Field {
    std::deque<std::string> text;  // owns what condition and descriptors view; a deque never moves it
    vocab::Condition condition;
    std::vector<vocab::Descriptor> descriptors;
    std::vector<std::string> agents, outcomes, mechanisms, instruments, settings;
};

std::string capitalised(std::string text) {
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

Field make_field(std::size_t rank) {
    Random rng(mix(0xf1e1d, rank));
    Field field;
    auto word = [&] { return pseudo_word(rng); };
    std::size_t descriptors_made = 0;
    auto descriptor = [&](std::string name) {
        const auto number = static_cast<long long>(100000 + rank * 100 + descriptors_made++);
        const std::string& ui = field.text.emplace_back("D9" + str(number));
        const std::string& kept = field.text.emplace_back(capitalised(std::move(name)));
        return vocab::Descriptor{ui, kept};
    };
    static constexpr std::array condition_kinds{" disease", " syndrome", " disorder", " deficiency", " dysplasia"};
    const std::string& phrase = field.text.emplace_back(word() + rng.pick(condition_kinds));
    field.condition = vocab::Condition{descriptor(phrase), phrase};
    for (int i = 0; i < 6; ++i) field.descriptors.push_back(descriptor(word() + " " + word()));
    static constexpr std::array agent_kinds{"mab", "ine", "stat", " therapy", " supplementation"};
    for (int i = 0; i < 6; ++i) field.agents.push_back(word() + rng.pick(agent_kinds));
    static constexpr std::array outcome_kinds{" levels", " score", " clearance", " response", " rate"};
    for (int i = 0; i < 20; ++i) field.outcomes.push_back(word() + " " + word() + rng.pick(outcome_kinds));
    for (int i = 0; i < 8; ++i) field.mechanisms.push_back(word() + " " + word() + " signalling");
    for (int i = 0; i < 5; ++i) field.instruments.push_back("the " + capitalised(word()) + " " + word() + " index");
    for (int i = 0; i < 3; ++i) field.settings.push_back(str(rng.between(2, 12)) + " " + word() + " centres");
    return field;
}

constexpr std::size_t field_count = 2000;

// Fields are as unequal in size as PubMed's: log-uniform ranks, so the largest holds about a tenth of
// the records written in fields and the smallest about sixty in a million.
const Field& pick_field(Random& rng) {
    static const std::vector<Field> fields = [] {
        std::vector<Field> made;
        made.reserve(field_count);
        for (std::size_t rank = 0; rank < field_count; ++rank) made.push_back(make_field(rank));
        return made;
    }();
    const double unit = static_cast<double>(rng.next() >> 11) / static_cast<double>(1ULL << 53);
    const auto rank = static_cast<std::size_t>(std::pow(static_cast<double>(field_count), unit)) - 1;
    return fields[std::min(rank, field_count - 1)];
}

// ---------------------------------------------------------------------------------------------
// The record plan: the choices several parts of a record must agree on.

enum class Kind { research, letter, retracted, retraction_notice };

struct Plan {
    std::uint64_t pmid = 0;
    int pmid_version = 1;
    bool topic = false;  // about low-dose naltrexone
    const Field* field = nullptr;  // the broad corpus: the other field of medicine it is about
    bool preclinical = false;
    Kind kind = Kind::research;
    const vocab::Condition* condition = nullptr;
    std::string_view agent;
    std::string_view comparator;
    const vocab::Design* design = nullptr;
    std::size_t journal_index = 0;
    const vocab::Journal* journal = nullptr;
    sys_days published{};
    sys_days entrez{};
    std::string status;  // MedlineCitation Status
    std::string_view pub_model;
    bool electronic = false;
    std::string doi;
    std::string pii;
    std::string pmcid;
    const vocab::Vernacular* vernacular = nullptr;
    std::uint64_t related_pmid = 0;  // the paper a letter comments on, or a retraction concerns
};

Plan make_plan(Random& rng, std::uint64_t pmid, Corpus corpus) {
    Plan plan;
    plan.pmid = pmid;
    plan.pmid_version = rng.permille(5) ? 2 : 1;
    plan.topic = rng.percent(3);
    plan.preclinical = rng.percent(plan.topic ? 5 : 10);

    int kind = static_cast<int>(rng.below(1000));
    plan.kind = kind < 40 ? Kind::letter : kind < 43 ? Kind::retracted : kind < 45 ? Kind::retraction_notice
                                                                                  : Kind::research;
    if (plan.kind != Kind::research) plan.related_pmid = pmid - 1000 - rng.below(5'000'000);

    plan.condition = plan.topic ? &rng.pick(vocab::topic_conditions)
                                : rng.percent(15) ? &rng.pick(vocab::topic_conditions)
                                                  : &rng.pick(vocab::general_conditions);
    plan.agent = plan.topic ? std::string_view(rng.pick(vocab::topic_agents)) : std::string_view(rng.pick(vocab::general_agents));
    plan.comparator = rng.percent(60) ? std::string_view("placebo") : std::string_view(rng.pick(vocab::general_agents));
    // The broad corpus keeps one record in fourteen of the others as above: the topic's neighbours.
    if (corpus == Corpus::broad && !plan.topic && !rng.percent(7)) {
        plan.field = &pick_field(rng);
        plan.condition = &plan.field->condition;
        plan.agent = rng.pick(plan.field->agents);
        if (plan.comparator != "placebo") plan.comparator = rng.pick(plan.field->agents);
    }
    // The last design is the animal study; the others are studies in people.
    plan.design = plan.preclinical ? &vocab::designs.back() : &vocab::designs[rng.below(vocab::designs.size() - 1)];

    plan.journal_index = rng.below(vocab::journals.size());
    plan.journal = &vocab::journals[plan.journal_index];

    // PubMed grows year on year: draw recent years more often. Topic papers start in the 2000s.
    int years_back = static_cast<int>(rng.below(56));
    int pub_year = plan.topic ? 2025 - years_back * years_back / 56 / 3 : 2025 - years_back * years_back / 56;
    plan.published = random_day_in(rng, pub_year);

    int status = static_cast<int>(rng.below(100));
    plan.status = status < 80 ? "MEDLINE" : status < 92 ? "PubMed-not-MEDLINE" : status < 96 ? "In-Process"
                                                       : status < 98 ? "In-Data-Review" : "Publisher";
    if (pub_year < 2024 && (plan.status == "In-Process" || plan.status == "In-Data-Review")) plan.status = "MEDLINE";

    static constexpr std::array pub_models{"Print", "Print-Electronic", "Electronic", "Electronic-eCollection",
                                           "Electronic-Print"};
    plan.pub_model = pub_year < 2000 ? pub_models[0] : rng.pick(pub_models);
    plan.electronic = plan.pub_model != pub_models[0];
    plan.entrez = plan.published - days{plan.electronic ? rng.between(5, 120) : rng.between(-20, 40)};

    const auto& journal = *plan.journal;
    if (pub_year >= 1998 || rng.percent(20)) {
        plan.doi = "10." + str(1000 + static_cast<long long>(plan.journal_index) * 37) + "/" + std::string(journal.doi_stem) +
                   "." + str(pub_year) + "." + str(rng.between(10000, 99999));
    }
    if (rng.percent(30)) {
        plan.pii = "S" + issn(plan.journal_index) + "(" + str(pub_year % 100 + 100).substr(1) + ")" +
                   str(rng.between(10000, 99999)) + "-" + str(rng.below(10));
    }
    if (pub_year >= 2000 && rng.percent(30)) plan.pmcid = "PMC" + str(rng.between(1'000'000, 11'999'999));
    if (rng.percent(7)) plan.vernacular = &rng.pick(vocab::vernaculars);
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Prose: titles, abstracts, affiliations

std::string_view condition_phrase(const Plan& plan) { return plan.condition->phrase; }

// A record's words: its own field's in the broad corpus, else the shared vocabulary's.
template <typename Vocabulary>
std::string words_of(Random& rng, const Plan& plan, std::vector<std::string> Field::*field_words, const Vocabulary& shared) {
    return plan.field != nullptr ? rng.pick(plan.field->*field_words) : std::string(rng.pick(shared));
}
std::string outcome(Random& rng, const Plan& plan) { return words_of(rng, plan, &Field::outcomes, vocab::outcomes); }
std::string mechanism(Random& rng, const Plan& plan) { return words_of(rng, plan, &Field::mechanisms, vocab::mechanisms); }
std::string instrument(Random& rng, const Plan& plan) { return words_of(rng, plan, &Field::instruments, vocab::instruments); }
std::string setting(Random& rng, const Plan& plan) { return words_of(rng, plan, &Field::settings, vocab::settings); }

void write_p_value(Markup& out, Random& rng) {
    switch (rng.below(5)) {
        case 0: out.text("P < .001"); break;
        case 1: out.text("p < 0.05"); break;
        case 2: out.text("P = ." + str(rng.between(1, 4)) + str(rng.below(10))); break;
        case 3: out.text("p = 0.0" + str(rng.between(1, 4))); break;
        default: out.text("P < 0.01"); break;
    }
}

void write_confidence_interval(Markup& out, Random& rng) {
    int low = rng.between(5, 19);
    int high = low + rng.between(2, 30);
    out.text("95% CI, " + str(low / 10) + "." + str(low % 10) + "-" + str(high / 10) + "." + str(high % 10));
}

// A scientific term that carries inline markup, as titles and abstracts often do.
void write_marked_term(Markup& out, Random& rng) {
    switch (rng.below(6)) {
        case 0: out.text("CD4").tagged("sup", "+").text(" T cells"); break;
        case 1: out.text("IL-1").tagged("i", "\u03b2"); break;
        case 2: out.tagged("i", rng.pick(vocab::genes)).text(" polymorphisms"); break;
        case 3: out.text("Ca").tagged("sup", "2+").text(" signalling"); break;
        case 4: out.text("IC").tagged("sub", "50").text(" values"); break;
        default: out.tagged("i", "in vitro").text(" responses"); break;
    }
}

Markup make_title(Random& rng, const Plan& plan) {
    Markup title;
    if (plan.kind == Kind::retraction_notice) {
        title.text("Retraction notice to: ");
    } else if (plan.kind == Kind::letter) {
        title.text("Comment on: ");
    }
    if (plan.vernacular != nullptr) title.text("[");
    std::string condition(condition_phrase(plan));
    std::string agent(plan.agent);
    agent[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(agent[0])));
    // The last two shapes carry inline markup; they come up in about one title in ten.
    std::uint32_t shape = rng.below(20);
    switch (shape < 18 ? shape % 5 : shape - 13) {
        case 0:
            title.text(agent + " versus " + std::string(plan.comparator) + " for " + condition + ": " +
                       std::string(plan.design->title_phrase));
            break;
        case 1:
            title.text("Effects of " + std::string(plan.agent) + " on " + outcome(rng, plan) + " in " +
                       rng.pick(vocab::populations) + " with " + condition);
            break;
        case 2:
            title.text("Association between " + mechanism(rng, plan) + " and " +
                       outcome(rng, plan) + " in " + condition + ": " + std::string(plan.design->title_phrase));
            break;
        case 3:
            title.text(agent + " in the treatment of " + condition + ". Results of " +
                       std::string(plan.design->title_phrase));
            break;
        case 4:
            title.text("Does " + std::string(plan.agent) + " reduce " + outcome(rng, plan) + " in " + condition + "?");
            break;
        case 5:
            title.text("Role of ");
            write_marked_term(title, rng);
            title.text(" in " + mechanism(rng, plan) + " associated with " + condition);
            break;
        default:
            write_marked_term(title, rng);
            title.text(" and " + mechanism(rng, plan) + " in a model of " + condition);
            break;
    }
    if (plan.vernacular != nullptr)
        title.text("].");
    else if (!title.xml().ends_with('?'))
        title.text(".");
    return title;
}

enum class Section { background, methods, results, conclusions };

void write_sentence(Markup& out, Random& rng, const Plan& plan, Section section) {
    std::string condition(condition_phrase(plan));
    std::string agent(plan.agent);
    switch (section) {
        case Section::background:
            switch (rng.below(5)) {
                case 0:
                    out.text("Patients with " + condition + " report worsening " + outcome(rng, plan) +
                             " and impaired " + outcome(rng, plan) + ", and the condition affects millions of " +
                             rng.pick(vocab::populations) + " worldwide.");
                    break;
                case 1:
                    out.text("The contribution of " + mechanism(rng, plan) + " to " + condition +
                             " remains poorly understood, and current treatments offer modest benefit.");
                    break;
                case 2:
                    out.text("Few studies have examined whether " + agent + " improves " + outcome(rng, plan) +
                             " in " + rng.pick(vocab::populations) + " with " + condition + ".");
                    break;
                case 3:
                    out.text("Preclinical work suggests that " + agent + " modulates ");
                    write_marked_term(out, rng);
                    out.text(" and " + mechanism(rng, plan) + ".");
                    break;
                default:
                    out.text("We aimed to assess the efficacy and safety of " + agent + " compared with " +
                             std::string(plan.comparator) + " in " + condition + ".");
                    break;
            }
            break;
        case Section::methods:
            switch (rng.below(5)) {
                case 0:
                    out.text("We conducted " + std::string(plan.design->phrase) + " of " + str(rng.between(12, 2400)) +
                             " " + rng.pick(vocab::populations) + " with " + condition + " recruited from " +
                             setting(rng, plan) + " between " + str(rng.between(2005, 2015)) + " and " +
                             str(rng.between(2016, 2023)) + ".");
                    break;
                case 1:
                    out.text("Participants received " + agent + " (" + tenths(rng, 10, 60) + " mg/day) or " +
                             std::string(plan.comparator) + " for " + str(rng.between(4, 52)) + " weeks.");
                    break;
                case 2:
                    out.text("The primary outcome was " + outcome(rng, plan) + ", measured with " +
                             instrument(rng, plan) + " at baseline and at weeks " + str(rng.between(4, 8)) +
                             " and " + str(rng.between(12, 24)) + ".");
                    break;
                case 3:
                    out.text("Mixed-effects models adjusted for age, sex and baseline " + outcome(rng, plan) +
                             " were used; effects are reported with 95% confidence intervals (CIs).");
                    break;
                default:
                    out.text("Secondary outcomes included " + outcome(rng, plan) + ", " +
                             outcome(rng, plan) + " and adverse events, with doses \u2265" + str(rng.between(1, 5)) +
                             " \u03bcg/kg analysed separately.");
                    break;
            }
            break;
        case Section::results:
            switch (rng.below(5)) {
                case 0:
                    out.text("Mean age was " + tenths(rng, 250, 700) + " \u00b1 " + tenths(rng, 50, 150) + " years and " +
                             str(rng.between(40, 95)) + "% were women.");
                    break;
                case 1:
                    out.text("Compared with " + std::string(plan.comparator) + ", " + agent + " reduced " +
                             outcome(rng, plan) + " by " + tenths(rng, 50, 450) + "% (");
                    write_confidence_interval(out, rng);
                    out.text("; ");
                    write_p_value(out, rng);
                    out.text(").");
                    break;
                case 2:
                    out.text("The adjusted odds ratio for " + outcome(rng, plan) + " was " +
                             tenths(rng, 5, 40) + " (");
                    write_confidence_interval(out, rng);
                    out.text("), and the effect was larger in " + std::string(rng.pick(vocab::populations)) + " (n = " +
                             str(rng.between(20, 900)) + ").");
                    break;
                case 3:
                    out.text("No serious adverse events occurred; " + std::string(rng.pick(vocab::adverse_events)) +
                             " was reported by " + str(rng.between(1, 40)) + " participants and " +
                             rng.pick(vocab::adverse_events) + " by " + str(rng.between(1, 20)) + ".");
                    break;
                default:
                    out.text("Changes in ");
                    write_marked_term(out, rng);
                    out.text(" correlated with " + outcome(rng, plan) + " (r = 0." +
                             str(rng.between(21, 78)) + "; ");
                    write_p_value(out, rng);
                    out.text(").");
                    break;
            }
            break;
        case Section::conclusions:
            switch (rng.below(4)) {
                case 0:
                    out.text("Overall, " + agent + " may improve " + outcome(rng, plan) + " in " + condition +
                             ", but larger and longer trials are needed.");
                    break;
                case 1:
                    out.text("These findings support a role for " + mechanism(rng, plan) + " in " +
                             condition + " and identify a potential target for treatment.");
                    break;
                case 2:
                    out.text("Clinicians should consider " + outcome(rng, plan) +
                             " when managing " + rng.pick(vocab::populations) + " with " + condition + ".");
                    break;
                default:
                    out.text("The certainty of the evidence was low, and results should be interpreted with caution.");
                    break;
            }
            break;
    }
}

struct SectionLabel {
    std::string_view label;
    std::string_view category;
    Section section;
};

// Labels as journals write them, with the NlmCategory NLM maps each to.
constexpr std::array<std::array<SectionLabel, 4>, 3> structured_labels{{
    {{{"BACKGROUND", "BACKGROUND", Section::background}, {"METHODS", "METHODS", Section::methods},
      {"RESULTS", "RESULTS", Section::results}, {"CONCLUSIONS", "CONCLUSIONS", Section::conclusions}}},
    {{{"OBJECTIVE", "OBJECTIVE", Section::background}, {"PATIENTS AND METHODS", "METHODS", Section::methods},
      {"FINDINGS", "RESULTS", Section::results}, {"INTERPRETATION", "CONCLUSIONS", Section::conclusions}}},
    {{{"INTRODUCTION", "BACKGROUND", Section::background}, {"DESIGN, SETTING, AND PARTICIPANTS", "METHODS", Section::methods},
      {"MAIN OUTCOMES AND MEASURES", "RESULTS", Section::results}, {"CONCLUSIONS AND RELEVANCE", "CONCLUSIONS", Section::conclusions}}},
}};

Markup make_paragraph(Random& rng, const Plan& plan, Section section, int sentences) {
    Markup paragraph;
    for (int i = 0; i < sentences; ++i) {
        if (i > 0) paragraph.text(" ");
        write_sentence(paragraph, rng, plan, section);
    }
    return paragraph;
}

void write_abstract(XmlWriter& xml, Random& rng, const Plan& plan) {
    // Abstract lengths spread widely around ~1,500 characters; one in twenty runs about twice as long.
    int scale = rng.percent(5) ? 2 : 1;
    xml.open("Abstract");
    if (rng.percent(60)) {
        const auto& labels = rng.pick(structured_labels);
        static constexpr std::array<std::pair<int, int>, 4> sentence_range{{{2, 4}, {2, 5}, {3, 6}, {1, 3}}};
        for (std::size_t i = 0; i < labels.size(); ++i) {
            auto [low, high] = sentence_range[i];
            xml.leaf("AbstractText", make_paragraph(rng, plan, labels[i].section, rng.between(low, high) * scale),
                     {{"Label", labels[i].label}, {"NlmCategory", labels[i].category}});
        }
        if (rng.percent(10)) {
            xml.leaf("AbstractText", "ClinicalTrials.gov NCT0" + str(rng.between(1000000, 6999999)) + ".",
                     {{"Label", "TRIAL REGISTRATION"}, {"NlmCategory", "UNASSIGNED"}});
        }
    } else {
        Markup text;
        static constexpr std::array order{Section::background, Section::background, Section::methods,
                                          Section::results, Section::results, Section::conclusions};
        int sentences = rng.between(5, 19) * scale;
        for (int i = 0; i < sentences; ++i) {
            if (i > 0) text.text(" ");
            write_sentence(text, rng, plan, order[static_cast<std::size_t>(i) * order.size() / static_cast<std::size_t>(sentences)]);
        }
        xml.leaf("AbstractText", text);
    }
    if (rng.percent(30)) {
        xml.leaf("CopyrightInformation", "\u00a9 " + str(ymd_of(plan.published).year) +
                                             " The Authors. Published by " + rng.pick(vocab::institutions) + " Press.");
    }
    xml.close("Abstract");
}

std::string make_affiliation(Random& rng, bool with_email) {
    std::string affiliation = "Department of " + std::string(rng.pick(vocab::departments)) + ", " +
                              rng.pick(vocab::institutions) + ", " + rng.pick(vocab::cities) + ".";
    if (with_email) {
        affiliation += " Electronic address: " + ascii_lower(rng.pick(vocab::last_names)) + "." +
                       ascii_lower(rng.pick(vocab::fore_names)) + "@" + rng.pick(vocab::email_domains) + ".";
    }
    return affiliation;
}

// Median about six authors, a long tail past fifty, and now and then a consortium paper of hundreds.
int author_count(Random& rng) {
    struct Band {
        int low, high, weight;  // weight in tenths of a percent
    };
    static constexpr std::array<Band, 17> bands{{{1, 1, 70}, {2, 2, 70}, {3, 3, 90}, {4, 4, 100}, {5, 5, 100},
                                                 {6, 6, 100}, {7, 7, 80}, {8, 8, 70}, {9, 9, 60}, {10, 10, 50},
                                                 {11, 11, 40}, {12, 12, 30}, {13, 20, 80}, {21, 35, 40},
                                                 {36, 60, 12}, {61, 150, 6}, {151, 400, 2}}};
    int roll = static_cast<int>(rng.below(1000));
    for (const auto& band : bands) {
        if (roll < band.weight) return rng.between(band.low, band.high);
        roll -= band.weight;
    }
    return 6;
}

void write_authors(XmlWriter& xml, Random& rng, const Plan& plan) {
    int count = plan.kind == Kind::retraction_notice ? 0 : author_count(rng);
    if (count == 0) return;
    int pub_year = ymd_of(plan.published).year;
    bool modern = pub_year >= 2014;  // before 2014 MEDLINE kept only the first author's affiliation
    std::vector<std::string> affiliations;
    int affiliation_count = rng.between(1, std::min(6, 1 + count / 3));
    for (int i = 0; i < affiliation_count; ++i) affiliations.push_back(make_affiliation(rng, i == 0 && rng.percent(30)));

    int collective_at = rng.percent(4) ? rng.between(0, count - 1) : -1;
    xml.open("AuthorList", {{"CompleteYN", "Y"}});
    for (int i = 0; i < count; ++i) {
        xml.open("Author", {{"ValidYN", "Y"}});
        if (i == collective_at) {
            xml.leaf("CollectiveName", rng.pick(vocab::collective_names));
        } else {
            std::string_view fore = rng.pick(vocab::fore_names);
            xml.leaf("LastName", rng.pick(vocab::last_names));
            xml.leaf("ForeName", fore);
            xml.leaf("Initials", initials_of(fore));
            if (rng.permille(8)) xml.leaf("Suffix", rng.pick(vocab::suffixes));
            if (pub_year >= 2013 && rng.percent(25)) xml.leaf("Identifier", orcid(rng), {{"Source", "ORCID"}});
        }
        if (modern || i == 0) {
            int own = rng.percent(8) ? 0 : rng.percent(80) ? 1 : 2;
            for (int a = 0; a < own; ++a) {
                xml.open("AffiliationInfo");
                xml.leaf("Affiliation", affiliations[rng.below(affiliations.size())]);
                xml.close("AffiliationInfo");
            }
        }
        xml.close("Author");
    }
    xml.close("AuthorList");
}

// ---------------------------------------------------------------------------------------------
// The record

struct Heading {
    const vocab::Descriptor* descriptor;
    bool major;
    std::vector<std::pair<const vocab::Descriptor*, bool>> qualifiers;
};

void add_heading(std::vector<Heading>& headings, Random& rng, const vocab::Descriptor& descriptor, int max_qualifiers,
                 int major_percent) {
    for (const auto& heading : headings)
        if (heading.descriptor->ui == descriptor.ui) return;
    Heading heading{&descriptor, false, {}};
    int qualifier_count = max_qualifiers > 0 ? rng.between(0, max_qualifiers) : 0;
    for (int i = 0; i < qualifier_count; ++i) {
        const auto* qualifier = &rng.pick(vocab::qualifiers);
        bool seen = std::any_of(heading.qualifiers.begin(), heading.qualifiers.end(),
                                [&](const auto& q) { return q.first == qualifier; });
        if (!seen) heading.qualifiers.emplace_back(qualifier, rng.percent(major_percent));
    }
    if (heading.qualifiers.empty()) heading.major = rng.percent(major_percent);
    std::sort(heading.qualifiers.begin(), heading.qualifiers.end(),
              [](const auto& a, const auto& b) { return a.first->name < b.first->name; });
    headings.push_back(std::move(heading));
}

void write_mesh(XmlWriter& xml, Random& rng, const Plan& plan) {
    std::vector<Heading> headings;
    add_heading(headings, rng, plan.condition->descriptor, 3, 60);
    if (plan.topic) {
        add_heading(headings, rng, vocab::topic_descriptors[0], 3, 50);
        for (int i = rng.between(1, 4); i > 0; --i) add_heading(headings, rng, rng.pick(vocab::topic_descriptors), 1, 10);
    }
    for (int i = rng.between(3, 7); i > 0; --i) {
        const bool own = plan.field != nullptr && !rng.percent(33);
        add_heading(headings, rng, own ? rng.pick(plan.field->descriptors) : rng.pick(vocab::general_descriptors), 2, 15);
    }
    if (plan.preclinical) {
        for (int i = rng.between(1, 3); i > 0; --i) add_heading(headings, rng, rng.pick(vocab::check_tags_animal), 0, 0);
        add_heading(headings, rng, vocab::check_tags_animal[0], 0, 0);
    } else {
        add_heading(headings, rng, vocab::humans, 0, 0);
        for (int i = rng.between(2, 6); i > 0; --i) add_heading(headings, rng, rng.pick(vocab::check_tags_human), 0, 0);
    }
    std::sort(headings.begin(), headings.end(),
              [](const Heading& a, const Heading& b) { return a.descriptor->name < b.descriptor->name; });

    xml.open("MeshHeadingList");
    for (const auto& heading : headings) {
        xml.open("MeshHeading");
        xml.leaf("DescriptorName", heading.descriptor->name,
                 {{"UI", heading.descriptor->ui}, {"MajorTopicYN", heading.major ? "Y" : "N"}});
        for (const auto& [qualifier, major] : heading.qualifiers)
            xml.leaf("QualifierName", qualifier->name, {{"UI", qualifier->ui}, {"MajorTopicYN", major ? "Y" : "N"}});
        xml.close("MeshHeading");
    }
    xml.close("MeshHeadingList");
}

void write_chemicals(XmlWriter& xml, Random& rng, const Plan& plan) {
    std::vector<const vocab::Chemical*> chemicals;
    if (plan.topic) chemicals.push_back(&vocab::topic_chemicals[0]);
    for (int i = rng.between(plan.topic ? 0 : 1, 4); i > 0; --i) {
        const auto* chemical = plan.topic && rng.percent(50) ? &rng.pick(vocab::topic_chemicals)
                                                             : &rng.pick(vocab::general_chemicals);
        if (std::find(chemicals.begin(), chemicals.end(), chemical) == chemicals.end()) chemicals.push_back(chemical);
    }
    std::sort(chemicals.begin(), chemicals.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    xml.open("ChemicalList");
    for (const auto* chemical : chemicals) {
        xml.open("Chemical");
        xml.leaf("RegistryNumber", chemical->registry);
        xml.leaf("NameOfSubstance", chemical->name, {{"UI", chemical->ui}});
        xml.close("Chemical");
    }
    xml.close("ChemicalList");
}

void write_publication_types(XmlWriter& xml, Random& rng, const Plan& plan) {
    std::vector<vocab::PublicationType> types;
    switch (plan.kind) {
        case Kind::letter: types.push_back(rng.pick(vocab::letter_types)); break;
        case Kind::retraction_notice: types.push_back(vocab::retraction_notice); break;
        case Kind::retracted:
        case Kind::research:
            types.push_back(vocab::journal_article);
            for (const auto& type : plan.design->types)
                if (!type.name.empty()) types.push_back(type);
            if (rng.percent(35)) types.push_back(rng.pick(vocab::funding_types));
            if (plan.kind == Kind::retracted) types.push_back(vocab::retracted_publication);
            break;
    }
    if (plan.vernacular != nullptr && plan.kind == Kind::research && rng.percent(50))
        types.push_back({"D004740", "English Abstract"});
    std::sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    types.erase(std::unique(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.ui == b.ui; }),
                types.end());
    xml.open("PublicationTypeList");
    for (const auto& type : types) xml.leaf("PublicationType", type.name, {{"UI", type.ui}});
    xml.close("PublicationTypeList");
}

void write_journal(XmlWriter& xml, Random& rng, const Plan& plan) {
    const auto& journal = *plan.journal;
    xml.open("Journal");
    xml.leaf("ISSN", issn(plan.journal_index + (plan.electronic ? 1000 : 0)),
             {{"IssnType", plan.electronic ? "Electronic" : "Print"}});
    xml.open("JournalIssue", {{"CitedMedium", plan.electronic ? "Internet" : "Print"}});
    if (rng.percent(95)) xml.leaf("Volume", str(rng.between(1, 160)));
    if (rng.percent(85)) {
        int issue_shape = static_cast<int>(rng.below(20));
        int issue = rng.between(1, 12);
        xml.leaf("Issue", issue_shape == 0   ? str(issue) + "-" + str(issue + 1)
                          : issue_shape == 1 ? "Suppl " + str(rng.between(1, 3))
                                             : str(issue));
    }
    write_pub_date(xml, rng, plan.published);
    xml.close("JournalIssue");
    xml.leaf("Title", journal.title);
    xml.leaf("ISOAbbreviation", journal.iso_abbrev);
    xml.close("Journal");
}

void write_location(XmlWriter& xml, Random& rng, const Plan& plan) {
    bool pages = !plan.electronic || rng.percent(50);
    if (pages) {
        int first = rng.between(1, 2400);
        int last = first + rng.between(0, 18);
        xml.open("Pagination");
        if (rng.percent(50)) {
            xml.leaf("StartPage", str(first));
            if (last != first) xml.leaf("EndPage", str(last));
        }
        // MedlinePgn drops the end page's leading digits it shares with the start: 1007-14.
        std::string start = str(first);
        std::string end = str(last);
        std::size_t shared = 0;
        while (start.size() == end.size() && shared + 1 < end.size() && start[shared] == end[shared]) ++shared;
        xml.leaf("MedlinePgn", last == first ? start : start + "-" + end.substr(shared));
        xml.close("Pagination");
    } else if (plan.doi.empty() && plan.pii.empty()) {
        xml.leaf("ELocationID", "e" + str(rng.between(100, 99999)), {{"EIdType", "pii"}, {"ValidYN", "Y"}});
    }
    // Without Pagination an ELocationID is required, and the pii may be the only one.
    bool only_pii = !pages && plan.doi.empty();
    if (!plan.pii.empty() && (only_pii || rng.percent(50))) xml.leaf("ELocationID", plan.pii, {{"EIdType", "pii"}, {"ValidYN", "Y"}});
    if (!plan.doi.empty()) xml.leaf("ELocationID", plan.doi, {{"EIdType", "doi"}, {"ValidYN", "Y"}});
}

void write_grants(XmlWriter& xml, Random& rng) {
    xml.open("GrantList", {{"CompleteYN", "Y"}});
    for (int i = rng.between(1, 4); i > 0; --i) {
        const auto& funder = rng.pick(vocab::grant_agencies);
        xml.open("Grant");
        if (funder.country == "United States")
            xml.leaf("GrantID", "R01 " + std::string(funder.acronym) + "0" + str(rng.between(10000, 99999)));
        else
            xml.leaf("GrantID", "MR/" + str(rng.between(100, 999)) + "/1");
        if (!funder.acronym.empty()) xml.leaf("Acronym", funder.acronym);
        xml.leaf("Agency", funder.agency);
        xml.leaf("Country", funder.country);
        xml.close("Grant");
    }
    xml.close("GrantList");
}

void write_article(XmlWriter& xml, Random& rng, const Plan& plan) {
    xml.open("Article", {{"PubModel", plan.pub_model}});
    write_journal(xml, rng, plan);
    xml.leaf("ArticleTitle", make_title(rng, plan));
    write_location(xml, rng, plan);
    bool has_abstract = plan.kind == Kind::research || plan.kind == Kind::retracted ? rng.percent(93) : false;
    if (has_abstract) write_abstract(xml, rng, plan);
    write_authors(xml, rng, plan);
    if (plan.vernacular != nullptr) {
        xml.leaf("Language", plan.vernacular->language);
        if (rng.percent(20)) xml.leaf("Language", "eng");
    } else {
        xml.leaf("Language", "eng");
    }
    if (rng.percent(20)) write_grants(xml, rng);
    write_publication_types(xml, rng, plan);
    if (plan.vernacular != nullptr) xml.leaf("VernacularTitle", plan.vernacular->title);
    if (plan.electronic) {
        write_date(xml, "ArticleDate", plan.published - days{rng.between(7, 90)}, true, {{"DateType", "Electronic"}});
    }
    xml.close("Article");
}

void write_comments_corrections(XmlWriter& xml, const Plan& plan) {
    static constexpr std::array ref_types{"CommentOn", "RetractionIn", "RetractionOf"};
    std::string_view ref_type = ref_types[plan.kind == Kind::letter ? 0 : plan.kind == Kind::retracted ? 1 : 2];
    xml.open("CommentsCorrectionsList");
    xml.open("CommentsCorrections", {{"RefType", ref_type}});
    xml.leaf("RefSource", std::string(plan.journal->iso_abbrev) + ". " + str(ymd_of(plan.published).year) + ";" +
                              str(plan.related_pmid % 90 + 1) + ":" + str(plan.related_pmid % 900 + 10) + ".");
    xml.leaf("PMID", str(static_cast<long long>(plan.related_pmid)), {{"Version", "1"}});
    xml.close("CommentsCorrections");
    xml.close("CommentsCorrectionsList");
}

void write_keywords(XmlWriter& xml, Random& rng, const Plan& plan) {
    xml.open("KeywordList", {{"Owner", "NOTNLM"}});
    xml.leaf("Keyword", condition_phrase(plan), {{"MajorTopicYN", "N"}});
    for (int i = rng.between(2, 7); i > 0; --i) {
        std::string keyword = plan.topic && rng.percent(60)            ? std::string(rng.pick(vocab::topic_keywords))
                              : plan.field != nullptr && !rng.percent(25) ? rng.pick(plan.field->outcomes)
                                                                          : std::string(rng.pick(vocab::author_keywords));
        xml.leaf("Keyword", keyword, {{"MajorTopicYN", "N"}});
    }
    xml.close("KeywordList");
}

void write_medline_citation(XmlWriter& xml, Random& rng, const Plan& plan, bool legacy) {
    bool indexed = plan.status == "MEDLINE";
    int pub_year = ymd_of(plan.published).year;
    if (!legacy && indexed && pub_year >= 2018 && rng.percent(40)) {
        xml.open("MedlineCitation", {{"Status", plan.status}, {"Owner", "NLM"},
                                     {"IndexingMethod", rng.percent(70) ? "Automated" : "Curated"}});
    } else {
        xml.open("MedlineCitation", {{"Status", plan.status}, {"Owner", "NLM"}});
    }
    xml.leaf("PMID", str(static_cast<long long>(plan.pmid)), {{"Version", str(plan.pmid_version)}});
    sys_days completed = plan.entrez + days{rng.between(10, 300)};
    sys_days revised = std::min(last_revision_day, completed + days{rng.between(0, 4000)});
    if (legacy) write_date(xml, "DateCreated", plan.entrez, true);
    if (indexed) write_date(xml, "DateCompleted", completed, true);
    write_date(xml, "DateRevised", std::max(revised, plan.entrez), true);
    write_article(xml, rng, plan);

    xml.open("MedlineJournalInfo");
    xml.leaf("Country", plan.journal->country);
    xml.leaf("MedlineTA", plan.journal->iso_abbrev);
    xml.leaf("NlmUniqueID", str(static_cast<long long>(Random(plan.journal_index).next() % 90'000'000 + 100'000)));
    xml.leaf("ISSNLinking", issn(plan.journal_index));
    xml.close("MedlineJournalInfo");

    if (indexed && rng.percent(60)) write_chemicals(xml, rng, plan);
    if (indexed) xml.leaf("CitationSubset", "IM");
    if (plan.kind != Kind::research) write_comments_corrections(xml, plan);
    if (indexed) write_mesh(xml, rng, plan);
    if (pub_year >= 2005 && rng.percent(plan.topic ? 70 : 40)) write_keywords(xml, rng, plan);
    if (!legacy && pub_year >= 2017 && rng.percent(25)) {
        xml.leaf("CoiStatement", rng.percent(70) ? "The authors declare no conflicts of interest."
                                                 : "One author has received consulting fees from " +
                                                       std::string(rng.pick(vocab::institutions)) + ".");
    }
    xml.close("MedlineCitation");
}

void write_history_stamp(XmlWriter& xml, Random& rng, std::string_view status, sys_days day) {
    Ymd date = ymd_of(day);
    xml.open("PubMedPubDate", {{"PubStatus", status}});
    xml.leaf("Year", str(date.year));
    xml.leaf("Month", str(date.month));
    xml.leaf("Day", str(date.day));
    static constexpr std::array hours{0, 6, 9, 12, 18, 21};
    xml.leaf("Hour", str(rng.pick(hours)));
    xml.leaf("Minute", str(rng.below(60)));
    xml.close("PubMedPubDate");
}

void write_references(XmlWriter& xml, Random& rng, const Plan& plan) {
    xml.open("ReferenceList");
    for (int i = rng.between(5, 40); i > 0; --i) {
        xml.open("Reference");
        Markup citation;
        for (int a = rng.between(1, 3); a > 0; --a) {
            citation.text(std::string(rng.pick(vocab::last_names)) + " " + initials_of(rng.pick(vocab::fore_names)) + ", ");
        }
        if (rng.percent(60)) citation.text("et al. ");
        const auto& journal = rng.pick(vocab::journals);
        int cited_year = rng.between(1980, std::max(1981, ymd_of(plan.published).year));
        citation.append(make_title(rng, plan));
        citation.text(" " + std::string(journal.iso_abbrev) + ". " + str(cited_year) + ";" + str(rng.between(1, 120)) +
                      ":" + str(rng.between(1, 900)) + "-" + str(rng.between(1, 99)) + ".");
        xml.leaf("Citation", citation);
        if (rng.percent(75)) {
            xml.open("ArticleIdList");
            if (rng.percent(80))
                xml.leaf("ArticleId", "10." + str(rng.between(1000, 9999)) + "/" + std::string(journal.doi_stem) + "." +
                                          str(rng.between(100000, 999999)),
                         {{"IdType", "doi"}});
            xml.leaf("ArticleId", str(rng.between(1'000'000, 39'000'000)), {{"IdType", "pubmed"}});
            xml.close("ArticleIdList");
        }
        xml.close("Reference");
    }
    xml.close("ReferenceList");
}

void write_pubmed_data(XmlWriter& xml, Random& rng, const Plan& plan) {
    xml.open("PubmedData");
    xml.open("History");
    if (plan.electronic || rng.percent(40)) {
        sys_days received = plan.entrez - days{rng.between(60, 400)};
        write_date(xml, "PubMedPubDate", received, true, {{"PubStatus", "received"}});
        if (rng.percent(50)) {
            write_date(xml, "PubMedPubDate", received + days{rng.between(20, 50)}, true, {{"PubStatus", "revised"}});
        }
        write_date(xml, "PubMedPubDate", plan.entrez - days{rng.between(5, 55)}, true, {{"PubStatus", "accepted"}});
    }
    write_history_stamp(xml, rng, "pubmed", plan.entrez);
    if (plan.status == "MEDLINE") write_history_stamp(xml, rng, "medline", plan.entrez + days{rng.between(1, 120)});
    write_history_stamp(xml, rng, "entrez", plan.entrez);
    if (!plan.pmcid.empty() && rng.percent(40))
        write_history_stamp(xml, rng, "pmc-release", plan.published + days{rng.between(180, 365)});
    xml.close("History");
    std::string_view publication_status =
        !plan.electronic ? "ppublish" : plan.pub_model == "Electronic" ? "epublish"
                                     : ymd_of(plan.published).year == 2025 && rng.percent(30) ? "aheadofprint"
                                                                                             : "ppublish";
    xml.leaf("PublicationStatus", publication_status);
    xml.open("ArticleIdList");
    xml.leaf("ArticleId", str(static_cast<long long>(plan.pmid)), {{"IdType", "pubmed"}});
    if (!plan.pii.empty()) xml.leaf("ArticleId", plan.pii, {{"IdType", "pii"}});
    if (!plan.doi.empty()) xml.leaf("ArticleId", plan.doi, {{"IdType", "doi"}});
    if (!plan.pmcid.empty()) xml.leaf("ArticleId", plan.pmcid, {{"IdType", "pmc"}});
    xml.close("ArticleIdList");
    if (ymd_of(plan.published).year >= 2000 && rng.percent(30)) write_references(xml, rng, plan);
    xml.close("PubmedData");
}

void write_record(XmlWriter& xml, std::uint64_t seed, std::size_t index, Corpus corpus, bool legacy) {
    Random rng(mix(seed, index));
    std::uint64_t pmid = 20'000'000 + index * 3 + rng.below(3);
    Plan plan = make_plan(rng, pmid, corpus);
    if (legacy) {
        write_medline_citation(xml, rng, plan, true);
        return;
    }
    xml.open("PubmedArticle");
    write_medline_citation(xml, rng, plan, false);
    write_pubmed_data(xml, rng, plan);
    xml.close("PubmedArticle");
}

// Update files end with the PMIDs they withdraw; about one file in three here does.
std::size_t write_deletions(XmlWriter& xml, std::uint64_t seed) {
    Random rng(mix(seed, ~0ULL));
    if (!rng.percent(33)) return 0;
    std::size_t count = static_cast<std::size_t>(rng.between(1, 150));
    std::uint64_t pmid = 20'000'000 - rng.below(5'000'000);
    xml.open("DeleteCitation");
    for (std::size_t i = 0; i < count; ++i) {
        pmid += 1 + rng.below(40);
        xml.leaf("PMID", str(static_cast<long long>(pmid)), {{"Version", "1"}});
    }
    xml.close("DeleteCitation");
    return count;
}

struct Options {
    std::optional<std::size_t> records;
    std::optional<double> size_mb;
    std::uint64_t seed = 1;
    Corpus corpus = Corpus::dense;
    bool gzip = false;
    bool legacy = false;
    std::string output;
};

int run(const Options& options) {
    std::unique_ptr<Sink> sink;
    if (options.gzip)
        sink = std::make_unique<GzipSink>(options.output);
    else
        sink = std::make_unique<PlainSink>(options.output);
    XmlWriter xml(*sink);
    if (options.legacy) {
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<!DOCTYPE MedlineCitationSet PUBLIC \"-//NLM//DTD Medline Citation, 1st January, 2015//EN\" "
                "\"https://www.nlm.nih.gov/databases/dtd/nlmmedlinecitationset_150101.dtd\">");
    } else {
        // NLM's 2019 DTD: the newest that Biopython 1.80 ships, so Entrez.parse reads the file offline.
        xml.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" "
                "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd\">");
    }
    std::string_view root = options.legacy ? "MedlineCitationSet" : "PubmedArticleSet";
    xml.open(root);
    const auto byte_target = static_cast<std::uint64_t>(options.size_mb.value_or(0) * 1e6);
    std::size_t written = 0;
    while (options.records ? written < *options.records : xml.bytes_written() < byte_target) {
        write_record(xml, options.seed, written, options.corpus, options.legacy);
        ++written;
    }
    std::size_t deleted = write_deletions(xml, options.seed);
    xml.close(root);
    xml.finish();
    std::cerr << "ldn-gen-pubmed: " << written << " records" << (deleted ? ", 1 DeleteCitation of " : "")
              << (deleted ? str(static_cast<long long>(deleted)) + " PMIDs" : "") << ", " << xml.bytes_written()
              << " bytes of XML" << (options.gzip ? " (before gzip)" : "") << " to "
              << (options.output.empty() ? "<stdout>" : options.output) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Writes synthetic PubMed XML (PubmedArticleSet, or the legacy MedlineCitationSet) for benchmarks."};
    auto* records = app.add_option("--records", options.records, "Number of records to write");
    auto* size = app.add_option("--size-mb", options.size_mb,
                                "Write records until the XML reaches this many MB (10^6 bytes, before compression)");
    records->excludes(size);
    app.add_option("--seed", options.seed, "Seed: the same seed gives the same records")->capture_default_str();
    const std::map<std::string, Corpus> corpora{{"dense", Corpus::dense}, {"broad", Corpus::broad}};
    app.add_option("--corpus", options.corpus,
                   "dense (default): every record in the topic's vocabulary; broad: nine in ten about other fields")
        ->transform(CLI::CheckedTransformer(corpora, CLI::ignore_case));
    app.add_flag("--gzip", options.gzip, "Compress the output with gzip");
    app.add_flag("--legacy", options.legacy, "Write the legacy MedlineCitationSet format");
    app.add_option("-o,--output", options.output, "Output file (default: standard output)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int status = app.exit(error);
        return status == 0 ? 0 : 2;  // usage errors exit 2, as everywhere in the project
    }
    if (!options.records && !options.size_mb) {
        std::cerr << "ldn-gen-pubmed: error: give --records N or --size-mb N\n";
        return 2;
    }
    try {
        return run(options);
    } catch (const std::exception& error) {
        std::cerr << "ldn-gen-pubmed: error: " << error.what() << "\n";
        return 74;
    }
}
