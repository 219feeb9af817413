#pragma once
// A request the API refuses: the HTTP status and the message the JSON error body carries. The
// server turns it into `{"error": {"message": …, "column": …}}`.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace ldn::serve {

class ApiError : public std::runtime_error {
public:
    ApiError(int status, const std::string& message, std::optional<std::size_t> column = std::nullopt)
        : std::runtime_error(message), status_(status), column_(column) {}
    int status() const noexcept { return status_; }
    // For a bad query: where the problem is, 1-based, in characters of `q`.
    std::optional<std::size_t> column() const noexcept { return column_; }

private:
    int status_;
    std::optional<std::size_t> column_;
};

}  // namespace ldn::serve
