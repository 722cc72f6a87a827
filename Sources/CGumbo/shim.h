// gumbo (Debian's libgumbo-dev): HTML5 tree construction, entities and implied tags.
#include <gumbo.h>
