// SwiftPM links an executable target with its entry point renamed to `<module>_main` (so tests can import it);
// with -parse-as-library the Swift code has no main, and libFuzzer's own `main` is then never used. This one
// hands control to libFuzzer's driver with the harness's callback, which is what libFuzzer's main does.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int postulaty_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
