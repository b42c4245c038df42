true && false || true && !false
