# The two commands of the README: `make run` and `make test`.
# Everything else here is a convenience around CMake presets.
.PHONY: run test setup build-dev build-asan build-release bench clean format

run: setup build-release
	./build/release/daybreak checkin

test: setup build-dev build-asan
	ctest --preset dev
	ctest --preset asan

setup:
	@./scripts/setup

build-%:
	@test -f build/$*/build.ninja || cmake --preset $*
	cmake --build --preset $*

bench: setup build-release
	./bench/run

clean:
	rm -rf build

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')
