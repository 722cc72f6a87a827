#ifndef READER_CNCURSES_SHIM_H
#define READER_CNCURSES_SHIM_H
// The wide-character API is hidden unless these come before <ncurses.h>;
// SwiftPM drops pkg-config's -D flags, so they live here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

static inline attr_t reader_a_bold(void) { return A_BOLD; }
static inline attr_t reader_a_reverse(void) { return A_REVERSE; }
static inline attr_t reader_a_underline(void) { return A_UNDERLINE; }
static inline attr_t reader_a_dim(void) { return A_DIM; }
static inline attr_t reader_a_normal(void) { return A_NORMAL; }

static inline WINDOW *reader_stdscr(void) { return stdscr; }
/// Turns on the mouse events the reader reads: clicks and the wheel.
static inline void reader_mouse_on(void) {
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
/// The last mouse event: 1 a click, 2 the wheel up, 3 the wheel down, 0 anything else.
static inline int reader_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 1;
    return 0;
}
/// Writes a terminal string (an OSC 52 copy) through ncurses' own output, after the screen.
static inline int reader_putp(const char *string) { int result = putp(string); fflush(stdout); return result; }
static inline int reader_colors(void) { return COLORS; }
static inline int reader_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t reader_color_pair(int pair) { return COLOR_PAIR(pair); }

#endif
