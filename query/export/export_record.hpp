#pragma once
// One record to export: the Article as parsed and what the annotators found in it. Exports read
// both; only CSV carries the annotations as columns, the bibliographic formats use the Article.

#include "crawler/article.hpp"
#include "index/annotations.hpp"

namespace ldn {

struct ExportRecord {
    Article article;
    Annotations annotations;
};

}  // namespace ldn
