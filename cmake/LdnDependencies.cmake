# Every dependency is a Debian package (scripts/setup installs them). Two need wrapping:
# Debian 12's Xapian config only sets variables, and cpp-httplib ships no CMake config.
find_package(PkgConfig REQUIRED)
find_package(CURL REQUIRED)
find_package(pugixml REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)

find_package(Xapian REQUIRED)
if(NOT TARGET ldn::xapian)
  add_library(ldn::xapian INTERFACE IMPORTED)
  set_target_properties(ldn::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

if(LDN_BUILD_TESTS)
  find_package(Catch2 REQUIRED)
endif()
