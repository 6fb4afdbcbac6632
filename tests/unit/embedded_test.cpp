#include "platform/embedded.hpp"

#include <gtest/gtest.h>

#include <span>

namespace daybreak::embedded {
std::span<const EmbeddedFile> test_bundle();
}

namespace daybreak {
namespace {

TEST(Embedded, FilesKeepTheirPathsAndExactBytes) {
  const auto bundle = embedded::test_bundle();
  ASSERT_EQ(bundle.size(), 2U);
  EXPECT_EQ(bundle[0].path, "a.txt");
  EXPECT_EQ(bundle[0].data, "hello\n");
  const auto bin = find_embedded(bundle, "sub/b.bin");
  ASSERT_TRUE(bin);
  EXPECT_EQ(bin->data, std::string_view("\x00\x01\xff", 3));
  EXPECT_FALSE(find_embedded(bundle, "missing"));
}

}  // namespace
}  // namespace daybreak
