#include "query/cli/app.hpp"

int main(int argc, char* argv[]) { return ldn::cli::run(argc, argv); }
