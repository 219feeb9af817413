#pragma once
// The index schema: the one contract between the writer and every reader (search, facets, summary,
// server). Documented for people in docs/SCHEMA.md; change both together and bump `version`.
//
// Term prefixes follow Xapian's conventions (Omega's termprefixes): Q unique id, S title, A author,
// K keyword, L language, Y year; our own start with X. Free-text terms are lower-cased and stemmed
// (English) with positions; boolean terms are exact, lower-cased, and carry no positions.

#include <xapian.h>

#include <cstddef>
#include <string>

namespace ldn::schema {

// Bump when the meaning of any term, value or data field changes: an index of another version is
// refused with a message instead of giving wrong answers.
inline constexpr int version = 5;

namespace prefix {
// Free text (also indexed without a prefix, so plain queries find them).
inline constexpr const char* title = "S";
inline constexpr const char* abstract = "XA";
inline constexpr const char* author = "A";
inline constexpr const char* journal = "XJ";
inline constexpr const char* mesh = "XM";
inline constexpr const char* keyword = "K";
inline constexpr const char* publication_type = "XP";
// An indexed phrase (index/indexed_phrases.hpp), weighted: XWlow dose naltrexone
inline constexpr const char* phrase = "XW";
// Boolean filters.
inline constexpr const char* pmid = "Q";  // the unique term: Q12345678
inline constexpr const char* doi = "XDOI";
inline constexpr const char* year = "Y";
inline constexpr const char* language = "L";
inline constexpr const char* condition = "XC";
inline constexpr const char* design = "XD";
inline constexpr const char* type = "XT";       // publication type, lower-cased whole: XTrandomized controlled trial
inline constexpr const char* mesh_ui = "XMU";   // MeSH descriptor UI, lower-cased: XMUd005356
inline constexpr const char* retracted = "XR";  // XRyes or XRno
}  // namespace prefix

// Weight of a title word against an abstract word (within-document frequency increment).
inline constexpr Xapian::termcount title_weight = 3;

// Value slots. Numbers are stored with Xapian::sortable_serialise so that ranges and sorting work.
enum slot : Xapian::valueno {
    pubdate = 0,         // "YYYYMMDD" string; missing month/day as 00, so it sorts by what is known
    year = 1,            // sortable_serialise(year)
    evidence_level = 2,  // sortable_serialise(1..5), 1 strongest
    sample_size = 3,     // sortable_serialise(participants); empty when unknown
    dose = 4,            // sortable_serialise(largest naltrexone dose in mg); empty when none
    // Facets read these two instead of each document's term list, which is several times slower.
    design = 5,          // the design id, as text
    conditions = 6,      // the condition ids joined by '\n' (condition_separator); empty when none
    // The PMID left-padded with zeros to 12 digits. A hit's PMID read with its data, not from its
    // term list (over a remote shard, one round trip less a hit); and with the two below, the orders
    // of searches without relevance (filters only), where every match ties. Xapian breaks ties by
    // docid, which depends on how records are split into shards; these keys end with the PMID, so
    // ties fall in PMID order on any split. Single values: Xapian's remote backend cannot sort by a
    // KeyMaker.
    pmid_order = 7,
    evidence_order = 8,  // the evidence level digit + pmid_order; ascending
    date_order = 9,      // pubdate (00000000 when unknown) + pmid_order with each digit d as 9-d; descending
};

inline constexpr std::size_t pmid_order_width = 12;

inline constexpr char condition_separator = '\n';

// Database metadata keys.
namespace metadata {
inline constexpr const char* schema_version = "ldn.schema_version";
inline constexpr const char* topic = "ldn.topic";
inline constexpr const char* last_refresh = "ldn.last_refresh";          // ISO 8601 UTC of the last successful refresh
inline constexpr const char* last_refresh_run = "ldn.last_refresh_run";  // its run id
inline constexpr const char* synonyms = "ldn.synonyms";  // the synonym groups as JSON (index/synonyms.hpp)
inline constexpr const char* record_counts = "ldn.record_counts";  // {"records": N, "retracted": M} at the last commit
inline constexpr const char* indexed_batch = "ldn.indexed:";  // + "<run-id>/<file>" -> record count
inline constexpr const char* failed_record = "ldn.failed:";   // + "<source>#<record>" -> reason
}  // namespace metadata

inline std::string pmid_term(const std::string& pmid) { return prefix::pmid + pmid; }

}  // namespace ldn::schema
