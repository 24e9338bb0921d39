// The Arduino builder looks for a library's headers in src/; the library itself stays in include/,
// which it reaches through the relative, quoted includes inside it.
#include "../include/tinymlp.hpp"
