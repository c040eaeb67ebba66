#include "keyboard.h"

#include <array>
#include <cstdint>

#include "utf8.h"

namespace leadscore::checks {
namespace {

// Keyboard layouts as rows of keys, written here from the physical keyboards (US QWERTY, French
// AZERTY, German QWERTZ, US Dvorak, PC numeric keypad, Mac numeric keypad). A key is one or two
// characters: unshifted, then shifted. `offset` is the column of the row's first key; on the
// slanted (staggered) typing keyboards each row sits half a key to the right of the row above, so
// a key's upper neighbours are the keys at the same and the next column of the row above, as in
// zxcvbn's graphs. Keypads are aligned grids with eight neighbours.
struct Row {
  int offset;
  const char* keys;  // UTF-8, keys separated by single spaces
};
struct LayoutRows {
  bool slanted;
  std::array<Row, 5> rows;
};

const LayoutRows& rows_of(Layout layout) {
  static const LayoutRows kQwerty{true, {{{0, "`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+"},
                                          {1, "qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|"},
                                          {1, "aA sS dD fF gG hH jJ kK lL ;: '\""},
                                          {1, "zZ xX cC vV bB nN mM ,< .> /?"},
                                          {0, ""}}}};
  static const LayoutRows kAzerty{true, {{{0, "² &1 é2 \"3 '4 (5 -6 è7 _8 ç9 à0 )° =+"},
                                          {1, "aA zZ eE rR tT yY uU iI oO pP ^¨ $£"},
                                          {1, "qQ sS dD fF gG hH jJ kK lL mM ù% *µ"},
                                          {0, "<> wW xX cC vV bB nN ,? ;. :/ !§"},
                                          {0, ""}}}};
  static const LayoutRows kQwertz{true, {{{0, "^° 1! 2\" 3§ 4$ 5% 6& 7/ 8( 9) 0= ß? ´`"},
                                          {1, "qQ wW eE rR tT zZ uU iI oO pP üÜ +*"},
                                          {1, "aA sS dD fF gG hH jJ kK lL öÖ äÄ #'"},
                                          {0, "<> yY xX cC vV bB nN mM ,; .: -_"},
                                          {0, ""}}}};
  static const LayoutRows kDvorak{true, {{{0, "`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) [{ ]}"},
                                          {1, "'\" ,< .> pP yY fF gG cC rR lL /? =+ \\|"},
                                          {1, "aA oO eE uU iI dD hH tT nN sS -_"},
                                          {1, ";: qQ jJ kK xX bB mM wW vV zZ"},
                                          {0, ""}}}};
  static const LayoutRows kKeypad{false, {{{1, "/ * -"}, {0, "7 8 9 +"}, {0, "4 5 6"}, {0, "1 2 3"}, {1, "0 ."}}}};
  static const LayoutRows kKeypadMac{false, {{{1, "= / *"}, {0, "7 8 9 -"}, {0, "4 5 6 +"}, {0, "1 2 3"}, {1, "0 ."}}}};
  switch (layout) {
    case Layout::Qwerty: return kQwerty;
    case Layout::Azerty: return kAzerty;
    case Layout::Qwertz: return kQwertz;
    case Layout::Dvorak: return kDvorak;
    case Layout::Keypad: return kKeypad;
    case Layout::KeypadMac: break;
  }
  return kKeypadMac;
}

constexpr int kNone = -1;

// The adjacency graph derived from the rows: per key its characters and its neighbours in
// zxcvbn's direction order (slanted: left, upper-left... see neighbours_of), kNone where no key is.
struct Graph {
  struct Key {
    char32_t chars[2] = {0, 0};
    int x = 0, y = 0;
    std::array<int, 8> next{};
  };
  std::vector<Key> keys;
  int directions = 6;
  std::array<std::int16_t, 128> ascii{};  // key index * 2 + shifted, or -1
  std::vector<std::pair<char32_t, int>> other;

  // key * 2 + (1 if shifted), or -1 when the character is not on this layout.
  int find(char32_t c) const {
    if (c < 128) return ascii[c];
    for (const auto& [cp, v] : other)
      if (cp == c) return v;
    return -1;
  }
};

Graph build(const LayoutRows& layout) {
  Graph g;
  g.ascii.fill(-1);
  g.directions = layout.slanted ? 6 : 8;
  for (int y = 0; y < 5; ++y) {
    const std::string_view row = layout.rows[y].keys;
    int x = layout.rows[y].offset;
    std::size_t i = 0;
    while (i < row.size()) {
      Graph::Key key;
      key.x = x++;
      key.y = y;
      int n = 0;
      while (i < row.size() && row[i] != ' ') {
        const char32_t c = next_code_point(row, i);
        if (n < 2) key.chars[n++] = c;
      }
      ++i;  // the space between keys
      g.keys.push_back(key);
    }
  }
  auto at = [&](int x, int y) {
    for (std::size_t k = 0; k < g.keys.size(); ++k)
      if (g.keys[k].x == x && g.keys[k].y == y) return static_cast<int>(k);
    return kNone;
  };
  for (std::size_t k = 0; k < g.keys.size(); ++k) {
    auto& key = g.keys[k];
    const int x = key.x, y = key.y;
    // zxcvbn's orders: slanted (x-1,y) (x,y-1) (x+1,y-1) (x+1,y) (x,y+1) (x-1,y+1);
    // aligned (x-1,y) (x-1,y-1) (x,y-1) (x+1,y-1) (x+1,y) (x+1,y+1) (x,y+1) (x-1,y+1).
    if (layout.slanted) {
      key.next = {at(x - 1, y), at(x, y - 1), at(x + 1, y - 1), at(x + 1, y), at(x, y + 1), at(x - 1, y + 1), kNone, kNone};
    } else {
      key.next = {at(x - 1, y),     at(x - 1, y - 1), at(x, y - 1),     at(x + 1, y - 1),
                  at(x + 1, y),     at(x + 1, y + 1), at(x, y + 1),     at(x - 1, y + 1)};
    }
    for (int s = 0; s < 2; ++s) {
      const char32_t c = key.chars[s];
      if (c == 0) continue;
      const int v = static_cast<int>(k) * 2 + s;
      if (c < 128)
        g.ascii[c] = static_cast<std::int16_t>(v);
      else
        g.other.emplace_back(c, v);
    }
  }
  return g;
}

const Graph& graph(Layout layout) {
  static const std::array<Graph, 6> kGraphs{build(rows_of(Layout::Qwerty)), build(rows_of(Layout::Azerty)),
                                            build(rows_of(Layout::Qwertz)), build(rows_of(Layout::Dvorak)),
                                            build(rows_of(Layout::Keypad)), build(rows_of(Layout::KeypadMac))};
  return kGraphs[static_cast<int>(layout)];
}

// The direction (index into next) from the key of `from` to the key of `to`, or -1 when they are
// not adjacent. `shifted` tells whether `to` is the key's shifted character.
int step(const Graph& g, char32_t from, char32_t to, bool& shifted) {
  const int a = g.find(from), b = g.find(to);
  if (a < 0 || b < 0) return -1;
  const auto& key = g.keys[a / 2];
  for (int d = 0; d < g.directions; ++d)
    if (key.next[d] == b / 2) {
      shifted = (b % 2) == 1;
      return d;
    }
  return -1;
}

// zxcvbn counts a walk's first key as shifted on qwerty and dvorak only, when it is one of the
// characters typed with shift on US keyboards.
bool us_shifted(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c < 128 && std::string_view("~!@#$%^&*()_+:\"<>?{}|").find(static_cast<char>(c)) != std::string_view::npos);
}

}  // namespace

const char* layout_name(Layout layout) {
  switch (layout) {
    case Layout::Qwerty: return "qwerty";
    case Layout::Azerty: return "azerty";
    case Layout::Qwertz: return "qwertz";
    case Layout::Dvorak: return "dvorak";
    case Layout::Keypad: return "keypad";
    case Layout::KeypadMac: break;
  }
  return "keypadMac";
}

std::vector<SpatialMatch> spatial_matches(std::u32string_view text, Layout layout) {
  const Graph& g = graph(layout);
  const bool us = layout == Layout::Qwerty || layout == Layout::Dvorak;
  std::vector<SpatialMatch> out;
  std::size_t i = 0;
  while (i + 1 < text.size()) {
    std::size_t j = i + 1;
    int last_direction = -1, turns = 0;
    int shifted_count = (us && us_shifted(text[i])) ? 1 : 0;
    while (true) {
      bool shifted = false;
      const int d = j < text.size() ? step(g, text[j - 1], text[j], shifted) : -1;
      if (d >= 0) {
        if (shifted) ++shifted_count;
        if (d != last_direction) {
          ++turns;
          last_direction = d;
        }
        ++j;
        continue;
      }
      if (j - i > 2) out.push_back({i, j - 1, turns, shifted_count});
      i = j;
      break;
    }
  }
  return out;
}

std::size_t longest_straight_run(std::u32string_view text, Layout layout, std::size_t& start) {
  const Graph& g = graph(layout);
  std::size_t best = 0, run_start = 0, run = 1;
  int direction = -1;
  for (std::size_t k = 1; k < text.size(); ++k) {
    bool shifted = false;
    const int d = step(g, text[k - 1], text[k], shifted);
    if (d >= 0 && d == direction) {
      ++run;
    } else if (d >= 0) {
      run_start = k - 1;
      run = 2;
    } else {
      run = 1;
    }
    direction = d;
    if (run >= 2 && run > best) {
      best = run;
      start = run_start;
    }
  }
  return best;
}

std::vector<SequenceMatch> sequence_matches(std::u32string_view text) {
  std::vector<SequenceMatch> out;
  if (text.size() < 2) return out;
  auto update = [&](std::size_t i, std::size_t j, long delta) {
    const long a = delta < 0 ? -delta : delta;
    if ((j - i > 1 || a == 1) && a > 0 && a <= 5) out.push_back({i, j, static_cast<int>(delta)});
  };
  std::size_t i = 0;
  long last_delta = static_cast<long>(text[1]) - static_cast<long>(text[0]);
  for (std::size_t k = 1; k < text.size(); ++k) {
    const long delta = static_cast<long>(text[k]) - static_cast<long>(text[k - 1]);
    if (delta == last_delta) continue;
    const std::size_t j = k - 1;
    update(i, j, last_delta);
    i = j;
    last_delta = delta;
  }
  update(i, text.size() - 1, last_delta);
  return out;
}

std::vector<RepeatMatch> repeat_matches(std::u32string_view text, std::size_t max_base) {
  std::vector<RepeatMatch> out;
  const std::size_t n = text.size();
  // Does the unit text[i, i+b) occur again right after itself?
  auto repeats = [&](std::size_t i, std::size_t b) {
    return i + 2 * b <= n && text.compare(i, b, text, i + b, b) == 0;
  };
  // Length covered by unit b repeated from i.
  auto cover = [&](std::size_t i, std::size_t b) {
    std::size_t k = 1;
    while (i + (k + 1) * b <= n && text.compare(i, b, text, i + k * b, b) == 0) ++k;
    return k * b;
  };
  std::size_t from = 0;
  while (from < n) {
    std::size_t i = from, shortest = 0, longest = 0;
    for (; i < n && shortest == 0; ++i)
      for (std::size_t b = 1; b <= max_base && i + 2 * b <= n; ++b)
        if (repeats(i, b)) {
          if (shortest == 0) shortest = b;
          longest = b;
        }
    if (shortest == 0) break;
    --i;
    const std::size_t lazy = cover(i, shortest), greedy = cover(i, longest);
    const std::size_t length = greedy > lazy ? greedy : lazy;
    std::size_t base = 1;
    while (base < length && !(length % base == 0 && text.compare(i, length - base, text, i + base, length - base) == 0)) ++base;
    out.push_back({i, i + length - 1, base});
    from = i + length;
  }
  return out;
}

}  // namespace leadscore::checks
