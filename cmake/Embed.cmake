# daybreak_embed(<name> ROOT <dir> FILES <file>... )
#
# Builds a static library daybreak::<name> that holds the files' bytes, so the
# one daybreak binary carries its built-in content and web assets. The
# generated source goes to the build tree. The library defines
#   std::span<const daybreak::EmbeddedFile> daybreak::embedded::<name>();
# (declare it where you use it; see src/platform/embedded.hpp), with paths
# relative to ROOT, sorted.
function(daybreak_embed name)
  cmake_parse_arguments(ARG "" "ROOT" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DNAME=${name} -DROOT=${ARG_ROOT} -DOUT=${out} "-DFILES=${ARG_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${name}"
    VERBATIM)
  add_library(daybreak_${name} STATIC "${out}")
  add_library(daybreak::${name} ALIAS daybreak_${name})
  target_link_libraries(daybreak_${name} PUBLIC daybreak::platform)
endfunction()
