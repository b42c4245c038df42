with {}; with x; y
