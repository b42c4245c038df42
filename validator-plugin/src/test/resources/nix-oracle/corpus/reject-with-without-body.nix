with {};
