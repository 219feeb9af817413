#pragma once
// The search page's files (query/serve/page/), compiled into the binary by cmake/EmbedFiles.cmake.

#include <string_view>
#include <vector>

namespace ldn::serve {

struct EmbeddedFile {
    std::string_view path;   // as served: "/index.html", "/app.js"
    std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_page_files();

}  // namespace ldn::serve
