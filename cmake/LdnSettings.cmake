# Shared compile settings every project target links: warnings, -Werror in CI, sanitizers.
add_library(ldn_settings INTERFACE)
target_compile_options(ldn_settings INTERFACE -Wall -Wextra -Wpedantic)
target_include_directories(ldn_settings INTERFACE "${PROJECT_SOURCE_DIR}")
target_compile_definitions(ldn_settings INTERFACE LDN_VERSION="${PROJECT_VERSION}")
# GCC 12 reports false -Wrestrict overlaps inside std::string's operator+ at -O3 (GCC bug 105329):
# the warning is wrong about the library, not about our code, so it is off for that compiler only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(ldn_settings INTERFACE -Wno-restrict)
endif()
if(LDN_WERROR)
  target_compile_options(ldn_settings INTERFACE -Werror)
endif()
if(LDN_SANITIZE)
  target_compile_options(ldn_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                -fno-sanitize-recover=undefined)
  target_link_options(ldn_settings INTERFACE -fsanitize=address,undefined)
  # The sanitizers' instrumentation makes GCC's flow analysis see uninitialized reads that cannot
  # happen (here inside Xapian's Utf8Iterator, inlined from its header); the plain build keeps the
  # warning, so only the sanitized one turns it off.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(ldn_settings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
