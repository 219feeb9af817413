#pragma once
// JSON form of the Article model (DESIGN.md, "The Article model"). to_json writes every key, always;
// from_json accepts exactly what to_json writes, so an Article round-trips without loss.

#include <nlohmann/json.hpp>

#include "crawler/article.hpp"
#include "crawler/json_writer.hpp"

namespace ldn {

// Defined for nlohmann::json and nlohmann::ordered_json; the ordered form keeps DESIGN.md's key order
// (pmid first), which is what `ldn parse` prints.
template <typename Json> void to_json(Json& out, const AbstractSection& section);
template <typename Json> void from_json(const Json& in, AbstractSection& section);
template <typename Json> void to_json(Json& out, const Author& author);
template <typename Json> void from_json(const Json& in, Author& author);
template <typename Json> void to_json(Json& out, const Journal& journal);
template <typename Json> void from_json(const Json& in, Journal& journal);
template <typename Json> void to_json(Json& out, const MeshQualifier& qualifier);
template <typename Json> void from_json(const Json& in, MeshQualifier& qualifier);
template <typename Json> void to_json(Json& out, const MeshHeading& heading);
template <typename Json> void from_json(const Json& in, MeshHeading& heading);
template <typename Json> void to_json(Json& out, const Article& article);

// The keys of the Article, in DESIGN.md's order, into an object the caller has begun (so that the
// index can add "annotations" after them). The same bytes as dumping to_json's ordered form, without
// building the tree: the fast path for `ldn parse` and the index's document data.
void write_article_fields(JsonWriter& json, const Article& article);
// One Article as a JSON object: "{" + its fields + "}".
std::string article_json_text(const Article& article);
template <typename Json> void from_json(const Json& in, Article& article);

}  // namespace ldn
