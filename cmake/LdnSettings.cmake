# Shared compile settings every project target links: warnings, -Werror in CI, sanitizers.
add_library(ldn_settings INTERFACE)
target_compile_options(ldn_settings INTERFACE -Wall -Wextra -Wpedantic)
target_include_directories(ldn_settings INTERFACE "${PROJECT_SOURCE_DIR}")
target_compile_definitions(ldn_settings INTERFACE LDN_VERSION="${PROJECT_VERSION}")
if(LDN_WERROR)
  target_compile_options(ldn_settings INTERFACE -Werror)
endif()
if(LDN_SANITIZE)
  target_compile_options(ldn_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                -fno-sanitize-recover=undefined)
  target_link_options(ldn_settings INTERFACE -fsanitize=address,undefined)
endif()
