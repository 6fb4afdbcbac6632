# The two commands of the README: `make run` and `make test`.
# Everything else here is a convenience around CMake presets.
PRESETS := dev asan release
BUILDS := $(addprefix build-,$(PRESETS))
.PHONY: run test setup bench clean format $(BUILDS)

run: build-release
	./build/release/daybreak checkin

test: build-dev build-asan
	ctest --preset dev
	ctest --preset asan

setup:
	@./scripts/setup

# Configure once per preset, then build (incrementally).
$(BUILDS): build-%: setup
	@test -f build/$*/build.ninja || cmake --preset $*
	cmake --build --preset $*

bench: build-release
	./bench/run

clean:
	rm -rf build

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')
